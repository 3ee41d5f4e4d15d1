package io.gdprkit.jpa.provider.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.FieldUpdate;
import io.gdprkit.data.RecordPlan;
import io.gdprkit.jpa.interceptor.PersistenceInterceptor;
import io.gdprkit.jpa.provider.internal.EntityStatements.Write;
import io.gdprkit.subject.SubjectId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The erasure of one page of one entity type's rows: the kit's plan for each row, then as few statements as the plans
 * allow, ids in ascending order.
 *
 * <p>Rows to delete share one {@code delete … where id in (…)}. Rows whose plans write the same fields, clearing the
 * same ones, share one {@code update … where id in (…)}: a field every row gets the same value in (cleared, a fixed
 * replacement, a year many birth dates share) is one parameter; a field whose value differs per row (a keyed hash, a
 * kept part) is a {@code case} on the id. So a page costs a read and a write or two whatever its size and however
 * many distinct values its plans compute: at most {@value #IDS_PER_STATEMENT} ids to a statement in an {@code in}
 * list, {@value #IDS_PER_ARRAY} in an array parameter, or {@value #ROWS_PER_CASE} when values differ per row. No
 * entity callback sees these statements, so the rows each subject lost or had changed are counted for the persistence
 * interceptor of the unit, if one is installed.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class ErasurePage {

  /** The most ids one statement names as an {@code in} list. */
  public static final int IDS_PER_STATEMENT = 500;

  /** The most ids one statement names as an array parameter, which costs one parameter whatever its length. */
  public static final int IDS_PER_ARRAY = 10_000;

  /** The most rows one statement writes values per row into, which takes two parameters per row and field. */
  public static final int ROWS_PER_CASE = 100;

  /** The value a plan sees for a field read only as null or not: never written, only compared with null. */
  private static final Object PRESENT = new Object() {
    @Override
    public String toString() {
      return "[present]";
    }
  };

  private final EntityStatements statements;
  private final boolean arrays;
  private final Map<String, FieldModel> byName = new HashMap<>();
  private final List<Comparable<Object>> deletes = new ArrayList<>();
  private final Map<Shape, List<Row>> updates = new LinkedHashMap<>();
  private final List<Planned> planned = new ArrayList<>();

  private record Planned(ErasureContext context, RecordPlan plan) {}

  /** Which fields a plan writes, in order, and which of them it clears: rows of one shape share statements. */
  private record Shape(List<String> fields, List<Boolean> cleared) {}

  private record Row(Comparable<Object> id, List<FieldUpdate> updates) {}

  /**
   * Starts a page of {@code statements}' entity type, whose statements name their ids as an array parameter if
   * {@code arrays}, else as {@code in} lists.
   */
  public ErasurePage(EntityStatements statements, boolean arrays) {
    this.statements = statements;
    this.arrays = arrays;
    statements.model().fields().forEach(field -> byName.put(field.name(), field));
  }

  /** Asks {@code context} to plan one row of {@link EntityStatements#eraseRows} and keeps the plan. */
  public void plan(ErasureContext context, Object[] row) {
    Map<String, @Nullable Object> values = new HashMap<>();
    List<FieldModel> fields = statements.model().fields();
    int at = statements.eraseFieldsAt();
    for (int i = 0; i < fields.size(); i++) {
      FieldModel field = fields.get(i);
      Object value = row[at + i];
      values.put(field.name(), field.readsValue() ? value : ((Number) value).intValue() == 0 ? null : PRESENT);
    }
    plan(context, row[0], values, statements.date(row));
  }

  /**
   * Asks {@code context} to plan the row {@code id} without its values, each field as set and no date, and keeps the
   * plan: only for a context whose plans need no values ({@link ErasureContext#plansWithoutValues}).
   */
  public void planUnread(ErasureContext context, Object id) {
    Map<String, @Nullable Object> values = new HashMap<>();
    statements.fieldNames().forEach(field -> values.put(field, PRESENT));
    plan(context, id, values, null);
  }

  @SuppressWarnings("unchecked")
  private void plan(ErasureContext context, Object rowId, Map<String, @Nullable Object> values,
      @Nullable Instant date) {
    RecordPlan plan = context.plan(statements.model().record(rowId), values, date);
    Comparable<Object> id = (Comparable<Object>) rowId;
    if (plan.deleteRecord()) {
      deletes.add(id);
    } else if (!plan.updates().isEmpty()) {
      Shape shape = new Shape(plan.updates().stream().map(FieldUpdate::field).toList(),
          plan.updates().stream().map(u -> u.value() == null).toList());
      updates.computeIfAbsent(shape, s -> new ArrayList<>()).add(new Row(id, plan.updates()));
    }
    planned.add(new Planned(context, plan));
  }

  /** Runs the page's statements, then reports each plan to its context as applied. */
  public void apply(EntityManager entityManager) {
    deletes.sort(Comparator.naturalOrder());
    int perStatement = arrays ? IDS_PER_ARRAY : IDS_PER_STATEMENT;
    for (int from = 0; from < deletes.size(); from += perStatement) {
      entityManager.createQuery(statements.delete(arrays)).setParameter(EntityStatements.IDS,
          statements.ids(deletes.subList(from, Math.min(deletes.size(), from + perStatement)), arrays))
          .executeUpdate();
    }
    for (Map.Entry<Shape, List<Row>> group : updates.entrySet()) {
      List<Row> rows = group.getValue();
      rows.sort(Comparator.comparing(Row::id));
      List<FieldModel> fields = group.getKey().fields().stream().map(byName::get).toList();
      boolean uniform = rows.stream().allMatch(row -> row.updates().equals(rows.get(0).updates()));
      int size = uniform ? arrays ? IDS_PER_ARRAY : IDS_PER_STATEMENT : ROWS_PER_CASE;
      for (int from = 0; from < rows.size(); from += size) {
        write(entityManager, fields, rows.subList(from, Math.min(rows.size(), from + size)));
      }
    }
    planned.forEach(p -> p.context().applied(p.plan()));
    audit();
  }

  /** Counts each subject's rows deleted and updated for the persistence interceptor of the unit, if any. */
  private void audit() {
    Map<SubjectId, long[]> bySubject = new LinkedHashMap<>();
    for (Planned p : planned) {
      long[] rows = bySubject.computeIfAbsent(p.context().subject(), s -> new long[2]);
      if (p.plan().deleteRecord()) {
        rows[0]++;
      } else if (!p.plan().updates().isEmpty()) {
        rows[1]++;
      }
    }
    String entity = statements.model().name();
    bySubject.forEach((subject, rows) -> {
      PersistenceInterceptor.countStatementRows(AuditKind.DELETED, entity, subject, rows[0]);
      PersistenceInterceptor.countStatementRows(AuditKind.UPDATED, entity, subject, rows[1]);
    });
  }

  /** Writes one statement's rows, all of one shape. */
  private void write(EntityManager entityManager, List<FieldModel> fields, List<Row> rows) {
    List<Write> writes = new ArrayList<>();
    for (int f = 0; f < fields.size(); f++) {
      int field = f;
      Object first = rows.get(0).updates().get(f).value();
      writes.add(first == null ? Write.NULL : rows.stream()
          .allMatch(row -> Objects.equals(row.updates().get(field).value(), first)) ? Write.SAME : Write.PER_ROW);
    }
    boolean perRow = writes.contains(Write.PER_ROW);
    Query query = entityManager.createQuery(statements.update(fields, writes, perRow ? rows.size() : 0, arrays))
        .setParameter(EntityStatements.IDS, statements.ids(rows.stream().map(Row::id).toList(), arrays));
    for (int f = 0; f < fields.size(); f++) {
      if (writes.get(f) == Write.SAME) {
        query.setParameter("v" + f, rows.get(0).updates().get(f).value());
      } else if (writes.get(f) == Write.PER_ROW) {
        for (int r = 0; r < rows.size(); r++) {
          query.setParameter("v" + f + "_" + r, rows.get(r).updates().get(f).value());
        }
      }
    }
    if (perRow) {
      for (int r = 0; r < rows.size(); r++) {
        query.setParameter("i" + r, rows.get(r).id());
      }
    }
    query.executeUpdate();
  }
}

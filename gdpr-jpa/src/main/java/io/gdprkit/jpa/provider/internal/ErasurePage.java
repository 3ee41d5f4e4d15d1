package io.gdprkit.jpa.provider.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.FieldUpdate;
import io.gdprkit.data.RecordPlan;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The erasure of one page of one entity type's rows: the kit's plan for each row, then as few statements as the plans
 * allow. Rows whose plans write the same values share one {@code update … where id in (…)}; rows to delete share one
 * {@code delete}; ids go in ascending order, at most {@value #IDS_PER_STATEMENT} to a statement.
 *
 * <p>Typical plans (clear, replace with a constant, delete) are the same for every record of a kind, so a page costs a
 * read and one or two writes whatever its size. Plans computed from each value (a keyed hash, a kept part) write one
 * statement per distinct value: a year shared by many birth dates is written once.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class ErasurePage {

  /** The most ids one statement names. */
  public static final int IDS_PER_STATEMENT = 500;

  /** The value a plan sees for a field read only as null or not: never written, only compared with null. */
  private static final Object PRESENT = new Object() {
    @Override
    public String toString() {
      return "[present]";
    }
  };

  private final EntityStatements statements;
  private final Map<String, FieldModel> byName = new HashMap<>();
  private final List<Comparable<Object>> deletes = new ArrayList<>();
  private final Map<List<FieldUpdate>, List<Comparable<Object>>> updates = new LinkedHashMap<>();
  private final List<Planned> planned = new ArrayList<>();

  private record Planned(ErasureContext context, RecordPlan plan) {}

  /** Starts a page of {@code statements}' entity type. */
  public ErasurePage(EntityStatements statements) {
    this.statements = statements;
    statements.model().fields().forEach(field -> byName.put(field.name(), field));
  }

  /** Asks {@code context} to plan one row of {@link EntityStatements#eraseRead} and keeps the plan. */
  @SuppressWarnings("unchecked")
  public void plan(ErasureContext context, Object[] row) {
    EntityModel model = statements.model();
    Map<String, @Nullable Object> values = new HashMap<>();
    List<FieldModel> fields = model.fields();
    int at = statements.eraseFieldsAt();
    for (int i = 0; i < fields.size(); i++) {
      FieldModel field = fields.get(i);
      Object value = row[at + i];
      values.put(field.name(), field.readsValue() ? value : ((Number) value).intValue() == 0 ? null : PRESENT);
    }
    RecordPlan plan = context.plan(model.record(row[0]), values, statements.date(row));
    Comparable<Object> id = (Comparable<Object>) row[0];
    if (plan.deleteRecord()) {
      deletes.add(id);
    } else if (!plan.updates().isEmpty()) {
      updates.computeIfAbsent(plan.updates(), u -> new ArrayList<>()).add(id);
    }
    planned.add(new Planned(context, plan));
  }

  /** Runs the page's statements, then reports each plan to its context as applied. */
  public void apply(EntityManager entityManager) {
    if (!deletes.isEmpty()) {
      String delete = statements.delete();
      for (List<Comparable<Object>> ids : sortedChunks(deletes)) {
        entityManager.createQuery(delete).setParameter(EntityStatements.IDS, ids).executeUpdate();
      }
    }
    for (Map.Entry<List<FieldUpdate>, List<Comparable<Object>>> group : updates.entrySet()) {
      String update = statements.update(group.getKey(), byName);
      for (List<Comparable<Object>> ids : sortedChunks(group.getValue())) {
        Query query = entityManager.createQuery(update).setParameter(EntityStatements.IDS, ids);
        List<FieldUpdate> writes = group.getKey();
        for (int i = 0; i < writes.size(); i++) {
          if (writes.get(i).value() != null) {
            query.setParameter("v" + i, writes.get(i).value());
          }
        }
        query.executeUpdate();
      }
    }
    planned.forEach(p -> p.context().applied(p.plan()));
  }

  private static List<List<Comparable<Object>>> sortedChunks(List<Comparable<Object>> ids) {
    List<Comparable<Object>> sorted = new ArrayList<>(ids);
    Collections.sort(sorted);
    List<List<Comparable<Object>>> chunks = new ArrayList<>();
    for (int from = 0; from < sorted.size(); from += IDS_PER_STATEMENT) {
      chunks.add(sorted.subList(from, Math.min(sorted.size(), from + IDS_PER_STATEMENT)));
    }
    return chunks;
  }
}

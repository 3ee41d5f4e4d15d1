package io.gdprkit.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A provider that keeps records in memory, for tests, demos and hosts that want to try the kit before
 * writing their own provider. Thread-safe per subject.
 *
 * <p>Usage example: <pre>{@code
 * InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(descriptor);
 * contacts.put(alice, "c-42", Map.of("email", "alice@example.com"), created);
 * GdprKit.builder().personalData(contacts)
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InMemoryPersonalDataProvider implements PersonalDataProvider {

  private final ProviderDescriptor descriptor;
  private final Map<SubjectId, Map<String, Row>> rows = new ConcurrentHashMap<>();
  private final Map<SubjectId, List<Relation>> relations = new ConcurrentHashMap<>();
  private final Map<SubjectId, List<ContactPoint>> contactPoints = new ConcurrentHashMap<>();

  /** Creates an empty provider with this descriptor. */
  public InMemoryPersonalDataProvider(ProviderDescriptor descriptor) {
    this.descriptor = Preconditions.notNull(descriptor, "descriptor");
  }

  private record Row(Map<String, @Nullable Object> values, Instant date) {}

  /**
   * Stores or replaces one record of the subject.
   *
   * @param values field values by name; every name must be a field of the descriptor
   * @param date the record's date, from which retention periods run
   */
  public void put(SubjectId subject, String record, Map<String, ?> values, Instant date) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notBlank(record, "record");
    Preconditions.notNull(date, "date");
    for (String field : values.keySet()) {
      Preconditions.check(descriptor.field(field).isPresent(), "field",
          Messages.quote(field) + " is not declared by provider " + Messages.quote(descriptor.id()));
    }
    Map<String, @Nullable Object> copy = new HashMap<>(values);
    rows.computeIfAbsent(subject, s -> Collections.synchronizedMap(new LinkedHashMap<>())).put(record,
        new Row(copy, date));
  }

  /** Adds a link from {@code relation.from()} to another subject. */
  public void relate(Relation relation) {
    relations.computeIfAbsent(relation.from(), s -> Collections.synchronizedList(new ArrayList<>())).add(relation);
  }

  /** Records a contact point of the subject, for the suppression list. */
  public void contactPoint(SubjectId subject, ContactPoint point) {
    contactPoints.computeIfAbsent(subject, s -> Collections.synchronizedList(new ArrayList<>())).add(point);
  }

  /** Returns the subject's records as they are now: record id to field values. */
  public Map<String, Map<String, @Nullable Object>> records(SubjectId subject) {
    Map<String, Row> subjectRows = rows.getOrDefault(subject, Map.of());
    Map<String, Map<String, @Nullable Object>> copy = new LinkedHashMap<>();
    synchronized (subjectRows) {
      subjectRows.forEach((id, row) -> copy.put(id, Collections.unmodifiableMap(new HashMap<>(row.values()))));
    }
    return copy;
  }

  @Override
  public ProviderDescriptor describe() {
    return descriptor;
  }

  @Override
  public void export(SubjectId subject, DataSink sink) {
    Map<String, Row> subjectRows = rows.getOrDefault(subject, Map.of());
    List<Map.Entry<String, Row>> snapshot;
    synchronized (subjectRows) {
      snapshot = List.copyOf(subjectRows.entrySet());
    }
    for (Map.Entry<String, Row> entry : snapshot) {
      for (FieldDescriptor field : descriptor.fields()) {
        if (entry.getValue().values().containsKey(field.name())) {
          sink.accept(new DataItem(subject, descriptor.id(), entry.getKey(), field.name(), field.category(),
              entry.getValue().values().get(field.name()), field.subjectProvided(), entry.getValue().date()));
        }
      }
    }
  }

  @Override
  public void erase(SubjectId subject, ErasureContext context) {
    Map<String, Row> subjectRows = rows.get(subject);
    if (subjectRows == null) {
      return;
    }
    for (Map.Entry<String, Row> entry : List.copyOf(subjectRows.entrySet())) {
      RecordPlan plan = context.plan(entry.getKey(), entry.getValue().values(), entry.getValue().date());
      if (plan.deleteRecord()) {
        subjectRows.remove(entry.getKey());
      } else if (!plan.updates().isEmpty()) {
        Map<String, @Nullable Object> values = new HashMap<>(entry.getValue().values());
        plan.updates().forEach(update -> values.put(update.field(), update.value()));
        subjectRows.put(entry.getKey(), new Row(values, entry.getValue().date()));
      }
      context.applied(plan);
    }
    if (subjectRows.isEmpty()) {
      rows.remove(subject);
    }
    contactPoints.remove(subject);
  }

  @Override
  public List<Relation> related(SubjectId subject) {
    List<Relation> links = relations.getOrDefault(subject, List.of());
    synchronized (links) {
      return List.copyOf(links);
    }
  }

  @Override
  public List<ContactPoint> contactPoints(SubjectId subject) {
    List<ContactPoint> points = contactPoints.getOrDefault(subject, List.of());
    synchronized (points) {
      return List.copyOf(points);
    }
  }

  @Override
  public void rectify(SubjectId subject, String record, String field, Object value) {
    Preconditions.check(descriptor.field(field).isPresent(), "field",
        Messages.quote(field) + " is not declared by provider " + Messages.quote(descriptor.id()));
    Map<String, Row> subjectRows = rows.getOrDefault(subject, Map.of());
    Row row = subjectRows.get(record);
    Preconditions.check(row != null, "record", Messages.quote(record) + " does not exist for this subject");
    Map<String, @Nullable Object> values = new HashMap<>(row.values());
    values.put(field, value);
    subjectRows.put(record, new Row(values, row.date()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A record matches when its date lies in the window and it holds a non-null value in a field of the category.
   * Scans every subject once per page, keeping only the page: fine for tests and demos, not for millions.
   */
  @Override
  public List<SubjectId> subjectsWithData(DataCategory category, Instant from, Instant until,
      @Nullable SubjectId after, int limit) {
    Preconditions.notNull(category, "category");
    Preconditions.notNull(from, "from");
    Preconditions.notNull(until, "until");
    Preconditions.check(until.isAfter(from), "until", "must be after from");
    Preconditions.positive(limit, "limit");
    List<String> fields = descriptor.fields().stream()
        .filter(field -> field.category().id().equals(category.id()))
        .map(FieldDescriptor::name)
        .toList();
    TreeSet<SubjectId> page = new TreeSet<>();
    if (fields.isEmpty()) {
      return List.of();
    }
    rows.forEach((subject, subjectRows) -> {
      if ((after != null && subject.compareTo(after) <= 0)
          || (page.size() == limit && subject.compareTo(page.last()) >= 0)) {
        return;
      }
      List<Row> snapshot;
      synchronized (subjectRows) {
        snapshot = List.copyOf(subjectRows.values());
      }
      boolean matches = snapshot.stream().anyMatch(row -> !row.date().isBefore(from) && row.date().isBefore(until)
          && fields.stream().anyMatch(field -> row.values().get(field) != null));
      if (matches) {
        page.add(subject);
        if (page.size() > limit) {
          page.pollLast();
        }
      }
    });
    return List.copyOf(page);
  }
}

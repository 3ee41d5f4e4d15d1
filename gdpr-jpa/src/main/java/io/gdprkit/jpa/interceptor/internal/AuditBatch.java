package io.gdprkit.jpa.interceptor.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditService;
import io.gdprkit.decision.Decision;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The audit entries of one transaction, counted by what they would say, and written once, just before it commits:
 * loading a contact a hundred times in a transaction for one purpose is one entry with a count of 100.
 *
 * <p>It also remembers, for the transaction, whether each subject is restricted and what {@code decide} answered per
 * purpose, so a thousand rows of one subject cost one question each. Confined to the transaction's thread.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class AuditBatch implements Runnable {

  /** What an entry says apart from its count. */
  private record Key(AuditKind kind, @Nullable SubjectId subject, @Nullable String purpose, Actor actor,
      Map<String, String> details) {}

  private record Question(SubjectId subject, String purpose) {}

  private final AuditService audit;
  private final Function<SubjectId, String> pseudonyms;
  private final Map<Key, long[]> counts = new LinkedHashMap<>();
  private final Map<SubjectId, Boolean> restricted = new HashMap<>();
  private final Map<Question, Decision> decisions = new HashMap<>();

  /** Creates a batch that records into {@code audit}, naming subjects by {@code pseudonyms}. */
  public AuditBatch(AuditService audit, Function<SubjectId, String> pseudonyms) {
    this.audit = audit;
    this.pseudonyms = pseudonyms;
  }

  /** Counts one event more of an entry; {@code details} must not hold personal data. */
  public void add(AuditKind kind, @Nullable SubjectId subject, @Nullable String purpose, Actor actor,
      Map<String, String> details) {
    add(kind, subject, purpose, actor, details, 1);
  }

  /** Counts {@code events} more of an entry, such as the rows one statement changed. */
  public void add(AuditKind kind, @Nullable SubjectId subject, @Nullable String purpose, Actor actor,
      Map<String, String> details, long events) {
    counts.computeIfAbsent(new Key(kind, subject, purpose, actor, details), k -> new long[1])[0] += events;
  }

  /** Returns whether the subject is restricted, asking {@code lookup} once per transaction. */
  public boolean isRestricted(SubjectId subject, Predicate<SubjectId> lookup) {
    Boolean known = restricted.get(subject);
    if (known == null) {
      known = lookup.test(subject);
      restricted.put(subject, known);
    }
    return known;
  }

  /** Returns the decision for the subject and purpose, asking {@code decide} once per transaction. */
  public Decision decide(SubjectId subject, String purpose, BiFunction<SubjectId, String, Decision> decide) {
    Question question = new Question(subject, purpose);
    Decision known = decisions.get(question);
    if (known == null) {
      known = decide.apply(subject, purpose);
      decisions.put(question, known);
    }
    return known;
  }

  /** Returns how many distinct entries wait. */
  public int size() {
    return counts.size();
  }

  /** Records every entry into the audit outbox at once, in the running transaction, and empties the batch. */
  @Override
  public void run() {
    if (counts.isEmpty()) {
      return;
    }
    List<AuditRecord> records = new ArrayList<>(counts.size());
    Map<SubjectId, String> named = new HashMap<>();
    for (Map.Entry<Key, long[]> entry : counts.entrySet()) {
      Key key = entry.getKey();
      Map<String, String> details = new HashMap<>(key.details);
      details.put("count", Long.toString(entry.getValue()[0]));
      SubjectId subject = key.subject;
      records.add(new AuditRecord(key.kind, subject == null ? TenantId.DEFAULT : subject.tenant(),
          subject == null ? null : named.computeIfAbsent(subject, pseudonyms), key.actor, key.purpose, details));
    }
    counts.clear();
    audit.recordAll(records);
  }
}

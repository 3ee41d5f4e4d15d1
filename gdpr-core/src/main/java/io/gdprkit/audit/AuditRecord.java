package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What to append to the audit trail: the kind, the tenant, the subject by pseudonym, the actor, the purpose and
 * details; the trail adds position, time and hashes.
 *
 * <p>Audit records never hold personal data: the subject appears only as a keyed pseudonym (see
 * {@link io.gdprkit.crypto.PseudonymKey}), and details are ids and counts, so the chain still verifies, and still
 * means something, after the subject is erased.
 *
 * <p>Usage example: <pre>{@code AuditRecord.of(AuditKind.ERASED, TenantId.DEFAULT, pseudonym, Actor.system("erasure"), null, Map.of("job", id))}</pre>
 *
 * @param kind what happened
 * @param tenant whose chain the entry joins
 * @param subjectPseudonym the subject as a keyed pseudonym, or {@code null} when no subject is concerned
 * @param actor who did it
 * @param purpose the purpose's id, or {@code null}
 * @param details ids, counts and states, sorted by key; no personal data
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AuditRecord(AuditKind kind, TenantId tenant, @Nullable String subjectPseudonym, Actor actor,
    @Nullable String purpose, Map<String, String> details) {

  /** Validates the fields and copies the details in key order. */
  public AuditRecord {
    Preconditions.notNull(kind, "kind");
    Preconditions.notNull(tenant, "tenant");
    if (subjectPseudonym != null) {
      Preconditions.text(subjectPseudonym, "subject pseudonym", 200);
      wellFormed(subjectPseudonym, "subject pseudonym");
    }
    Preconditions.notNull(actor, "actor");
    if (purpose != null) {
      Preconditions.notBlank(purpose, "purpose");
      wellFormed(purpose, "purpose");
    }
    Preconditions.notNull(details, "details");
    Preconditions.check(details.size() <= 64, "details", "must have at most 64 entries");
    details.forEach((key, value) -> {
      Preconditions.text(key, "detail key", 100);
      Preconditions.check(value != null && value.length() <= 1000, "detail value", "must be at most 1000 characters");
      wellFormed(key, "detail key");
      wellFormed(value, "detail value");
    });
    details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
  }

  /**
   * Fails on a lone surrogate: UTF-8 cannot encode one, so the entry's canonical bytes (what is hashed and stored)
   * would hold a replacement character instead, and two different records would encode alike.
   */
  private static void wellFormed(String value, String field) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw InvalidInputException.of(field, "must not contain a lone surrogate character");
      }
    }
  }

  /** Returns a record with no purpose and no details. */
  public static AuditRecord of(AuditKind kind, TenantId tenant, @Nullable String subjectPseudonym, Actor actor) {
    return new AuditRecord(kind, tenant, subjectPseudonym, actor, null, Map.of());
  }
}

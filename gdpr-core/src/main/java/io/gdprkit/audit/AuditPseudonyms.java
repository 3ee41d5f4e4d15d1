package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * The keyed pseudonym that names a subject in the audit trail and in published events (Art. 4(5), Art. 32(1)(a)).
 *
 * <p>One derivation for both, so a DPO can follow a subject from an outbox event to its audit entries, and a consumer
 * that holds the pseudonym key can match events to its own records without the kit ever publishing a subject id.
 *
 * <p>Usage example: <pre>{@code String name = AuditPseudonyms.of(pseudonymKey, SubjectId.of("contact-42"));}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class AuditPseudonyms {

  private static final String LABEL = "audit-subject";

  private AuditPseudonyms() {}

  /** Returns the subject's pseudonym under the current version of {@code key}. */
  public static String of(PseudonymKey key, SubjectId subject) {
    Preconditions.notNull(key, "pseudonym key");
    Preconditions.notNull(subject, "subject");
    return key.pseudonym(LABEL, subject.tenant().value() + '/' + subject.value());
  }
}

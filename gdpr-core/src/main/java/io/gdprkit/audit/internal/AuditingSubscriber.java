package io.gdprkit.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditService;
import io.gdprkit.audit.AuditedEvent;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Records the audit entry of every {@link AuditedEvent} in the unit of work that publishes it, naming the subject
 * by keyed pseudonym, so that any service wired to the kit's publisher is audited, used through the facade or alone.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class AuditingSubscriber implements GdprEventPublisher {

  private final AuditService audit;
  private final Function<SubjectId, String> pseudonyms;

  /** Creates the subscriber; {@code pseudonyms} maps a subject to its audit pseudonym. */
  public AuditingSubscriber(AuditService audit, Function<SubjectId, String> pseudonyms) {
    this.audit = Preconditions.notNull(audit, "audit");
    this.pseudonyms = Preconditions.notNull(pseudonyms, "pseudonyms");
  }

  @Override
  public void publish(GdprEvent event) {
    if (event instanceof AuditedEvent audited) {
      SubjectId subject = audited.subject();
      audit.record(audited.auditRecord(subject == null ? null : pseudonyms.apply(subject)));
    }
  }
}

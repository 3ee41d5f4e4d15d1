package io.gdprkit.restriction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditedEvent;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The right to object was presented to a subject, explicitly and separately, as Art. 21(4) requires at the latest at
 * the first communication; audited, so that the trail shows it with the notice version.
 *
 * <p>Usage example: <pre>{@code if (event instanceof RightToObjectPresented p) crm.note(p.subject(), p.noticeVersion());}</pre>
 *
 * @param subject to whom
 * @param noticeVersion the version of the notice that presented the right
 * @param channel how it reached the subject
 * @param reference the form, page or message template that showed it
 * @param recordedBy who recorded it
 * @param occurredAt when it was presented, from the kit's clock
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RightToObjectPresented(SubjectId subject, String noticeVersion, ConsentChannel channel, String reference,
    Actor recordedBy, Instant occurredAt) implements AuditedEvent {

  /** Checks that no field is missing. */
  public RightToObjectPresented {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(noticeVersion, "noticeVersion");
    Preconditions.notNull(channel, "channel");
    Preconditions.notNull(reference, "reference");
    Preconditions.notNull(recordedBy, "recordedBy");
    Preconditions.notNull(occurredAt, "occurredAt");
  }

  @Override
  public TenantId tenant() {
    return subject.tenant();
  }

  @Override
  public AuditRecord auditRecord(@Nullable String subjectPseudonym) {
    return new AuditRecord(AuditKind.OBJECTION_RIGHT_PRESENTED, tenant(), subjectPseudonym, recordedBy, null,
        Map.of("noticeVersion", noticeVersion, "channel", channel.name(), "reference", reference));
  }
}

package io.gdprkit.gpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditedEvent;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A Global Privacy Control signal was recorded for a subject: its first signal, or one that withdrew consents or
 * recorded objections (Art. 21(5)). The withdrawals and objections themselves follow as {@code ConsentWithdrawn} and
 * {@code ObjectionRecorded} in the same unit of work.
 *
 * <p>Its audit entry ({@link AuditKind#PRIVACY_SIGNAL}, by the subject) names the signal, the page's origin, the
 * record's sequence and each purpose with what the signal did to it; the user agent's hash stays in the signal
 * history, which erasure removes, and out of the trail, which outlives it.
 *
 * <p>Usage example: <pre>{@code if (event instanceof GpcSignalRecorded g && !g.withdrawn().isEmpty()) adServer.optOut(g.subject());}</pre>
 *
 * @param subject whose signal
 * @param sequence the record's place in the subject's signal history
 * @param source how the signal arrived
 * @param origin the origin of the page that received it, if known
 * @param withdrawn the purposes whose consent it withdrew
 * @param objected the purposes it recorded an objection to
 * @param occurredAt when the kit recorded it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record GpcSignalRecorded(SubjectId subject, long sequence, GpcSignal.Source source, @Nullable String origin,
    List<String> withdrawn, List<String> objected, Instant occurredAt) implements AuditedEvent {

  /** Checks that no field is missing and copies the lists. */
  public GpcSignalRecorded {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(source, "source");
    withdrawn = List.copyOf(withdrawn);
    objected = List.copyOf(objected);
    Preconditions.notNull(occurredAt, "occurredAt");
  }

  /** Returns the event of a stored record. */
  public static GpcSignalRecorded of(GpcSignalRecord record) {
    return new GpcSignalRecorded(record.subject(), record.sequence(), record.source(), record.origin(),
        record.withdrawn(), record.objected(), record.receivedAt());
  }

  @Override
  public TenantId tenant() {
    return subject.tenant();
  }

  @Override
  public AuditRecord auditRecord(@Nullable String subjectPseudonym) {
    Map<String, String> details = new HashMap<>();
    details.put("signal", source.mechanism());
    details.put("sequence", Long.toString(sequence));
    if (origin != null) {
      details.put("origin", origin);
    }
    withdrawn.forEach(purpose -> details.put("purpose:" + purpose, "consent withdrawn"));
    objected.forEach(purpose -> details.put("purpose:" + purpose, "objection recorded"));
    return new AuditRecord(AuditKind.PRIVACY_SIGNAL, tenant(), subjectPseudonym, Actor.subject(), null, details);
  }
}

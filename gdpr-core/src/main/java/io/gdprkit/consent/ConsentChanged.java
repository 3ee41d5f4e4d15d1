package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditedEvent;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A consent ledger event was recorded: one of {@link ConsentGranted}, {@link ConsentWithdrawn},
 * {@link ConsentConfirmationRequested}, {@link ConsentConfirmed} and {@link ConsentExpired}.
 *
 * <p>It names the ledger event by id and never carries its proof (IP address, user agent, notice text are personal
 * data): a listener that needs the evidence reads {@code consents().history(subject, purpose)}. A marketing system
 * that follows the CRM stops mailing on {@link ConsentWithdrawn} (Art. 7(3): withdrawal takes effect for the future,
 * everywhere the consent was relied on).
 *
 * <p>Usage example: <pre>{@code if (event instanceof ConsentWithdrawn w) mailingList.remove(w.subject(), w.purpose());}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface ConsentChanged extends AuditedEvent
    permits ConsentGranted, ConsentWithdrawn, ConsentConfirmationRequested, ConsentConfirmed, ConsentExpired {

  /** Returns the event that says {@code event} was recorded. */
  static ConsentChanged of(ConsentEvent event) {
    SubjectId subject = event.subject();
    String purpose = event.purpose();
    UUID id = event.id();
    long sequence = event.sequence();
    Actor by = event.proof().recordedBy();
    Instant at = event.recordedAt();
    return switch (event.type()) {
      case GRANTED -> new ConsentGranted(subject, purpose, id, sequence, by, at);
      case WITHDRAWN -> new ConsentWithdrawn(subject, purpose, id, sequence, by, at);
      case PENDING_CONFIRMATION -> new ConsentConfirmationRequested(subject, purpose, id, sequence, by, at);
      case CONFIRMED -> new ConsentConfirmed(subject, purpose, id, sequence, by, at);
      case EXPIRED -> new ConsentExpired(subject, purpose, id, sequence, by, at);
    };
  }

  /** Returns whose consent it is. */
  @Override
  SubjectId subject();

  /** Returns the purpose's id. */
  String purpose();

  /** Returns the id of the ledger event. */
  UUID eventId();

  /** Returns the ledger event's sequence in its subject and purpose. */
  long sequence();

  /** Returns who recorded it. */
  Actor recordedBy();

  /** Returns the ledger event's type. */
  ConsentEventType type();

  @Override
  default TenantId tenant() {
    return subject().tenant();
  }

  @Override
  default AuditRecord auditRecord(@Nullable String subjectPseudonym) {
    return new AuditRecord(AuditKind.CONSENT_CHANGED, tenant(), subjectPseudonym, recordedBy(), purpose(),
        Map.of("event", eventId().toString(), "type", type().name()));
  }
}

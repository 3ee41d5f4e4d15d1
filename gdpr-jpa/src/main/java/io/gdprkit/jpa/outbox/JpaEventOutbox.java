package io.gdprkit.jpa.outbox;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditPseudonyms;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.outbox.internal.EventPayloads;
import io.gdprkit.subject.SubjectId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A transactional outbox for the kit's events: each event is written to {@code gdpr_event_outbox} in the same
 * transaction as the change it reports, so a second system (a mailing tool, a data warehouse) learns of exactly what
 * was committed: a withdrawal or an erasure is never lost on the way and never sent for a change that rolled back
 * (Art. 7(3), Art. 17(2), Art. 19).
 *
 * <p>Subjects are named by their audit pseudonym ({@link AuditPseudonyms}), never by id. {@link EventOutboxRelay}
 * polls the table; a host that outgrows polling points Debezium's outbox event router at the same table.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().eventPublisher(new JpaEventOutbox(transactions, pseudonymKey))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaEventOutbox implements GdprEventPublisher {

  /** The aggregate type of an event about one subject. */
  public static final String SUBJECT = "subject";

  /** The aggregate type of an event about a tenant as a whole. */
  public static final String TENANT = "tenant";

  private final JpaTransactions transactions;
  private final PseudonymKey pseudonymKey;
  private final EventPayloads payloads;

  /** Creates the outbox on the kit's unit of work, naming subjects with the kit's pseudonym key. */
  public JpaEventOutbox(JpaTransactions transactions, PseudonymKey pseudonymKey) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
    this.pseudonymKey = Preconditions.notNull(pseudonymKey, "pseudonym key");
    this.payloads = new EventPayloads(subject -> AuditPseudonyms.of(pseudonymKey, subject));
  }

  @Override
  public void publish(GdprEvent event) {
    Preconditions.notNull(event, "event");
    SubjectId subject = subjectOf(event);
    String payload = payloads.json(event);
    transactions.useStoreTransaction(() -> transactions.entityManager()
        .createNativeQuery("insert into gdpr_event_outbox (id, aggregatetype, aggregateid, type, payload, tenant,"
            + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, UUID.randomUUID().toString())
        .setParameter(2, subject == null ? TENANT : SUBJECT)
        .setParameter(3, subject == null ? event.tenant().value() : AuditPseudonyms.of(pseudonymKey, subject))
        .setParameter(4, event.getClass().getSimpleName())
        .setParameter(5, payload)
        .setParameter(6, event.tenant().value())
        .setParameter(7, event.occurredAt())
        .executeUpdate());
  }

  /** Returns the subject the event is about: its first component of type {@link SubjectId}, if any. */
  private static @Nullable SubjectId subjectOf(GdprEvent event) {
    if (!event.getClass().isRecord()) {
      return null;
    }
    for (RecordComponent component : event.getClass().getRecordComponents()) {
      if (component.getType() == SubjectId.class) {
        try {
          return (SubjectId) component.getAccessor().invoke(event);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read the subject of an event", e);
        }
      }
    }
    return null;
  }
}

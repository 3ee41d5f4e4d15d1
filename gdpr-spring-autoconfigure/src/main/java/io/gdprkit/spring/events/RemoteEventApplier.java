package io.gdprkit.spring.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.restriction.ObjectionRefusedException;
import io.gdprkit.spring.events.internal.PayloadFields;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.transaction.TransactionRunner;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Applies another system's withdrawals, objections and erasures to this system's kit, each event once.
 *
 * <p>Why: a subject who opts out in the CRM has opted out of the marketing tool too (Art. 7(3), Art. 21(3)), and an
 * erasure is passed on to every system that holds the data (Art. 17(1), 19). The applier goes through the kit's
 * public API only, so every change is audited and published here as if made here.
 *
 * <p>Once: the event's id is recorded in the {@link EventInbox} in the same unit of work as the change, so a
 * redelivery finds it and changes nothing; an erasure, which runs in units of its own, is recognised by the kit's
 * tombstone instead. A withdrawal older than the consent it would withdraw is stale (the subject consented anew here
 * after it happened) and changes nothing; events from this system itself, coming back through the broker, are
 * ignored.
 *
 * <p>Usage example: <pre>{@code Outcome o = applier.apply(new ReceivedEvent(id, "crm", "ConsentWithdrawn", "default", json));}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class RemoteEventApplier {

  /** The event types another system's kit publishes that this applier applies. */
  public static final Set<String> APPLIED_TYPES = Set.of("ConsentWithdrawn", "ObjectionRecorded", "SubjectErased");

  /** What came of one received event. */
  public enum Outcome {
    /** The kit changed. */
    APPLIED,
    /** The kit already showed what the event says, or the event is older than the state it would change. */
    UNCHANGED,
    /** The event was received before. */
    DUPLICATE,
    /** This system knows no subject by the event's pseudonym. */
    UNKNOWN_SUBJECT,
    /** The event concerns a purpose this system does not declare, or one the subject cannot object to here. */
    NOT_APPLICABLE,
    /** The event came from this system itself. */
    OWN,
    /** The event's type is not one this applier applies. */
    IGNORED
  }

  private final GdprKit kit;
  private final TransactionRunner transactions;
  private final EventInbox inbox;
  private final SubjectResolver subjects;
  private final String source;
  private final Actor actor;

  /**
   * Creates the applier.
   *
   * @param transactions the kit's unit of work, in which the inbox and the change commit together
   * @param source this system's name: events from it are ignored
   */
  public RemoteEventApplier(GdprKit kit, TransactionRunner transactions, EventInbox inbox, SubjectResolver subjects,
      String source) {
    this.kit = Objects.requireNonNull(kit, "kit");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.subjects = Objects.requireNonNull(subjects, "subjects");
    this.source = Objects.requireNonNull(source, "source");
    this.actor = Actor.system("gdpr-events");
  }

  /**
   * Applies the event unless it was applied before.
   *
   * @throws UnappliableEventException if the event is malformed or the kit refused it for good: a transport sends it
   *     to its dead-letter queue
   * @throws RuntimeException if a store failed: nothing was recorded, and the event is to be delivered again
   */
  public Outcome apply(ReceivedEvent event) {
    Objects.requireNonNull(event, "event");
    if (event.source().equals(source)) {
      return Outcome.OWN;
    }
    if (!APPLIED_TYPES.contains(event.type())) {
      return Outcome.IGNORED;
    }
    if (transactions.inTransaction(() -> inbox.contains(event.id()))) {
      return Outcome.DUPLICATE;
    }
    PayloadFields fields;
    TenantId tenant;
    try {
      fields = PayloadFields.of(event.payload());
      tenant = TenantId.of(event.tenant());
    } catch (IllegalArgumentException | GdprException e) {
      throw UnappliableEventException.of(event, e.getMessage());
    }
    if (event.type().equals("SubjectErased")) {
      return erase(event, fields, tenant);
    }
    try {
      return transactions.inTransaction(() -> {
        if (inbox.contains(event.id())) {
          return Outcome.DUPLICATE;
        }
        Outcome outcome = change(event, fields, tenant);
        inbox.record(event, outcome);
        return outcome;
      });
    } catch (IllegalArgumentException | io.gdprkit.InvalidInputException e) {
      throw UnappliableEventException.of(event, e.getMessage());
    }
  }

  private Outcome change(ReceivedEvent event, PayloadFields fields, TenantId tenant) {
    Optional<SubjectId> found = subjects.resolve(tenant, fields.require("subject"));
    if (found.isEmpty()) {
      return Outcome.UNKNOWN_SUBJECT;
    }
    SubjectId subject = found.get();
    String purpose = fields.require("purpose");
    Instant occurredAt = instant(fields.require("occurredAt"));
    if (event.type().equals("ConsentWithdrawn")) {
      return withdraw(subject, purpose, occurredAt);
    }
    return object(subject, purpose, fields.require("status"));
  }

  private Outcome withdraw(SubjectId subject, String purpose, Instant occurredAt) {
    if (kit.purposes().getOrNull(purpose) == null) {
      return Outcome.NOT_APPLICABLE;
    }
    Optional<ConsentState> state = kit.consents().state(subject, purpose);
    if (state.isEmpty() || !(state.get().status() == ConsentStatus.GRANTED || state.get().status()
        == ConsentStatus.PENDING) || !state.get().since().isBefore(occurredAt)) {
      return Outcome.UNCHANGED;
    }
    kit.consents().withdraw(subject, purpose, ConsentProof.of(ConsentChannel.SYSTEM, actor));
    return Outcome.APPLIED;
  }

  private Outcome object(SubjectId subject, String purpose, String status) {
    if (!status.equals(ObjectionStatus.OBJECTED.name())) {
      return Outcome.UNCHANGED; // an objection withdrawn or overridden there is the subject's choice there
    }
    if (purpose.equals(ObjectionChange.DIRECT_MARKETING)) {
      return kit.restrictions().objectToDirectMarketing(subject, actor).recorded() ? Outcome.APPLIED
          : Outcome.UNCHANGED;
    }
    @Nullable Purpose declared = kit.purposes().getOrNull(purpose);
    if (declared == null) {
      return Outcome.NOT_APPLICABLE;
    }
    try {
      return kit.restrictions().object(subject, purpose, "", actor).recorded() ? Outcome.APPLIED : Outcome.UNCHANGED;
    } catch (ObjectionRefusedException e) {
      return Outcome.NOT_APPLICABLE;
    }
  }

  private Outcome erase(ReceivedEvent event, PayloadFields fields, TenantId tenant) {
    if (!ErasureScope.Kind.EVERYTHING.name().equals(fields.get("scope.kind"))) {
      return recordAlone(event, Outcome.NOT_APPLICABLE);
    }
    Optional<SubjectId> found = transactions.inTransaction(() -> subjects.resolve(tenant, fields.require("subject")));
    if (found.isEmpty()) {
      return recordAlone(event, Outcome.UNKNOWN_SUBJECT);
    }
    SubjectId subject = found.get();
    Outcome outcome = Outcome.UNCHANGED;
    if (!kit.erasure().wasErased(subject)) {
      kit.erasure().erase(subject); // its own durable job; a crash before the inbox row is met by the tombstone
      outcome = Outcome.APPLIED;
    }
    return recordAlone(event, outcome);
  }

  private Outcome recordAlone(ReceivedEvent event, Outcome outcome) {
    return transactions.inTransaction(() -> {
      if (inbox.contains(event.id())) {
        return Outcome.DUPLICATE;
      }
      inbox.record(event, outcome);
      return outcome;
    });
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the payload's occurredAt is not an instant");
    }
  }
}

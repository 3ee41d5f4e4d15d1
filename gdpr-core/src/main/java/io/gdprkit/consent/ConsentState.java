package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The current consent of one subject for one purpose: the fold of its ledger.
 *
 * <p>The fold is defined here, once, so that every store materialises the same state:
 * <ul>
 *   <li>{@code GRANTED} always takes effect (a second grant renews the consent and its proof);</li>
 *   <li>{@code PENDING_CONFIRMATION} takes effect unless consent is already granted: asking again
 *       never takes a given consent away;</li>
 *   <li>{@code CONFIRMED} takes effect only on a pending consent and makes it granted;</li>
 *   <li>{@code WITHDRAWN} takes effect on a granted or pending consent;</li>
 *   <li>{@code EXPIRED} takes effect only on a granted consent.</li>
 * </ul>
 * An event that does not take effect still advances {@code sequence}. Hence: the state equals what the
 * last event that took effect says.
 *
 * <p>Usage example: <pre>{@code Optional<ConsentState> s = ConsentState.fold(gdpr.consents().history(alice, "newsletter"));}</pre>
 *
 * @param subject whose consent it is
 * @param purpose the purpose's id
 * @param status where the consent stands, ignoring expiry that has not been recorded yet: see {@link #statusAt}
 * @param sequence the sequence of the last event folded in
 * @param eventId the id of the last event that took effect
 * @param since when the last event that took effect occurred
 * @param expiresAt when a granted consent expires, or {@code null} for never
 * @param noticeVersion the notice version of the last event that took effect
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record ConsentState(
    SubjectId subject,
    String purpose,
    ConsentStatus status,
    long sequence,
    UUID eventId,
    Instant since,
    @Nullable Instant expiresAt,
    String noticeVersion) {

  /** Validates every field. */
  public ConsentState {
    Preconditions.notNull(subject, "subject");
    Preconditions.notBlank(purpose, "purpose");
    Preconditions.notNull(status, "status");
    Preconditions.check(sequence >= 1, "sequence", "must be at least 1");
    Preconditions.notNull(eventId, "eventId");
    Preconditions.notNull(since, "since");
    Preconditions.notBlank(noticeVersion, "notice version");
  }

  /**
   * Returns the status at {@code now}: {@link ConsentStatus#EXPIRED} for a granted consent whose expiry has
   * passed, {@link #status()} otherwise.
   */
  public ConsentStatus statusAt(Instant now) {
    return isExpiredAt(now.toEpochMilli()) ? ConsentStatus.EXPIRED : status;
  }

  /** Returns whether consent is granted and unexpired at {@code epochMillis}; allocation-free. */
  public boolean isValidAt(long epochMillis) {
    return status == ConsentStatus.GRANTED && (expiresAt == null || epochMillis < expiresAt.toEpochMilli());
  }

  private boolean isExpiredAt(long epochMillis) {
    return status == ConsentStatus.GRANTED && expiresAt != null && epochMillis >= expiresAt.toEpochMilli();
  }

  /**
   * Folds one event into a state.
   *
   * @param current the state before the event, or {@code null} for a subject and purpose with no events
   * @param event the next event, for the same subject and purpose
   * @return the state after the event; {@code null} only when {@code current} is null and the event does not take effect
   * @throws io.gdprkit.InvalidInputException if the event is for another subject or purpose
   */
  public static @Nullable ConsentState apply(@Nullable ConsentState current, ConsentEvent event) {
    if (current != null) {
      Preconditions.check(current.subject.equals(event.subject()) && current.purpose.equals(event.purpose()),
          "event", "must be for the state's subject and purpose");
    }
    ConsentStatus next = transition(current == null ? null : current.status, event.type());
    if (next == null) {
      return current == null ? null : current.withSequence(event.sequence());
    }
    Instant expiry = next == ConsentStatus.GRANTED ? event.expiresAt() : null;
    return new ConsentState(event.subject(), event.purpose(), next, event.sequence(), event.id(),
        event.occurredAt(), expiry, event.noticeVersion());
  }

  /**
   * Folds a whole ledger, oldest event first.
   *
   * @return the state, or empty when no event took effect
   */
  public static Optional<ConsentState> fold(List<ConsentEvent> events) {
    ConsentState state = null;
    for (ConsentEvent event : events) {
      state = apply(state, event);
    }
    return Optional.ofNullable(state);
  }

  /**
   * Returns whether {@code type} takes effect on a consent whose status is {@code current}.
   *
   * @param current the status before, or {@code null} for none
   */
  public static boolean takesEffect(@Nullable ConsentStatus current, ConsentEventType type) {
    return transition(current, type) != null;
  }

  private static @Nullable ConsentStatus transition(@Nullable ConsentStatus current, ConsentEventType type) {
    return switch (type) {
      case GRANTED -> ConsentStatus.GRANTED;
      case PENDING_CONFIRMATION -> current == ConsentStatus.GRANTED ? null : ConsentStatus.PENDING;
      case CONFIRMED -> current == ConsentStatus.PENDING ? ConsentStatus.GRANTED : null;
      case WITHDRAWN -> current == ConsentStatus.GRANTED || current == ConsentStatus.PENDING
          ? ConsentStatus.WITHDRAWN : null;
      case EXPIRED -> current == ConsentStatus.GRANTED ? ConsentStatus.EXPIRED : null;
    };
  }

  private ConsentState withSequence(long newSequence) {
    return new ConsentState(subject, purpose, status, newSequence, eventId, since, expiresAt, noticeVersion);
  }
}

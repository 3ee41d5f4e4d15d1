package io.gdprkit.consent.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.consent.ConsentConflictException;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.consent.RightToObjectPresentation;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.SwitchChange;
import io.gdprkit.consent.internal.InMemoryConsentStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Stores the consent ledger and its materialised current state.
 *
 * <p>Contract, checked by {@code ConsentStoreCompatibilityKit} in {@code gdpr-test}:
 * <ul>
 *   <li>events are append-only; an event's {@code sequence} must be one more than the last one for its
 *       subject and purpose (1 for the first), else {@link ConsentConflictException} and nothing is written;</li>
 *   <li>{@link #current} reflects every appended event, folded with {@link ConsentState#apply}, as soon as
 *       {@code append} returns; it is the decision hot path, so it should not fold or allocate;</li>
 *   <li>{@link #appendAll} writes all events or none;</li>
 *   <li>implementations are thread-safe.</li>
 * </ul>
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().consentStore(ConsentStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public interface ConsentStore {

  /** Returns a new store that keeps everything in this JVM's memory. */
  static ConsentStore inMemory() {
    return new InMemoryConsentStore();
  }

  /**
   * Appends one event and folds it into the current state.
   *
   * @throws ConsentConflictException if the sequence is not the next one
   * @throws io.gdprkit.InvalidInputException if it is the first event for its subject and purpose and takes no effect
   */
  void append(ConsentEvent event);

  /**
   * Appends events for any subjects and purposes as one unit: all are written or none.
   *
   * @throws ConsentConflictException if any sequence is not the next one, counting earlier events of the same list
   */
  void appendAll(List<ConsentEvent> events);

  /** Returns the subject's current consents; {@link SubjectConsents#EMPTY} for an unknown subject. */
  SubjectConsents current(SubjectId subject);

  /** Returns the subject's events for every purpose, in append order. */
  List<ConsentEvent> history(SubjectId subject);

  /** Returns the subject's events for one purpose, in sequence order. */
  List<ConsentEvent> history(SubjectId subject, String purpose);

  /**
   * Returns the subject's events for every purpose that occurred at or before {@code until}, in append order: the
   * ledger as it stood then, which {@code decideAt} folds to show what was allowed at that time (Art. 7(1), 7(3)).
   *
   * <p>An event counts by {@link ConsentEvent#occurredAt()}, when it happened, not by when it was recorded: an
   * imported consent counts from the time its proof says it was given.
   *
   * <p>The default filters {@link #history(SubjectId)}; a database store should put the condition in its query, so
   * that a subject's later events are not read.
   *
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  default List<ConsentEvent> historyUntil(SubjectId subject, Instant until) {
    Preconditions.notNull(until, "until");
    return history(subject).stream().filter(event -> !event.occurredAt().isAfter(until)).toList();
  }

  /** Records a switch change and applies it to the current state. */
  void recordSwitch(SwitchChange change);

  /** Returns the subject's switch changes, oldest first. */
  List<SwitchChange> switchHistory(SubjectId subject);

  /** Records a restriction placed or lifted and applies it to the current state. */
  void recordRestriction(RestrictionChange change);

  /** Returns the subject's restriction changes, oldest first. */
  List<RestrictionChange> restrictionHistory(SubjectId subject);

  /** Records an objection change and applies it to the current state. */
  void recordObjection(ObjectionChange change);

  /**
   * Returns the subject's objection changes, oldest first. A change's purpose may be
   * {@link ObjectionChange#DIRECT_MARKETING}, which the store keeps like any purpose id.
   */
  List<ObjectionChange> objectionHistory(SubjectId subject);

  /**
   * Records that the right to object was presented to the subject (Art. 21(4)). Presentations are facts, not a
   * snapshot change: they carry no sequence, and two recorded at once are both kept. The subject is then listed by
   * {@link #subjects}, and {@link #erase} removes them with the rest. Part of the rollback of a unit of work like
   * every other write.
   *
   * @since 0.1
   */
  default void recordRightToObjectPresented(RightToObjectPresentation presentation) {
    throw new UnsupportedOperationException(getClass().getName()
        + " does not record presentations of the right to object (Art. 21(4)); implement"
        + " recordRightToObjectPresented and rightToObjectPresentations and run ConsentStoreCompatibilityKit.");
  }

  /**
   * Returns the subject's presentations of the right to object, in the order recorded.
   *
   * @since 0.1
   */
  default List<RightToObjectPresentation> rightToObjectPresentations(SubjectId subject) {
    throw new UnsupportedOperationException(getClass().getName()
        + " does not record presentations of the right to object (Art. 21(4)); implement"
        + " recordRightToObjectPresented and rightToObjectPresentations and run ConsentStoreCompatibilityKit.");
  }

  /**
   * Returns up to {@code limit} subjects that have consent events, switch, restriction or objection changes, or
   * presentations of the right to object, ordered by id, after {@code after}.
   *
   * @param after the last subject of the previous page, or {@code null} for the first page
   */
  List<SubjectId> subjects(@Nullable SubjectId after, int limit);

  /**
   * Removes everything the store holds about the subject: events, switch, restriction and objection history,
   * presentations of the right to object, and its snapshot. Used by erasure; the erasure record that proves it is kept elsewhere.
   *
   * @return how many consent events were removed
   */
  int erase(SubjectId subject);

  /** Returns up to {@code limit} states that are {@code GRANTED} with an expiry at or before {@code cutoff}. */
  List<ConsentState> grantedExpiringBy(Instant cutoff, int limit);
}

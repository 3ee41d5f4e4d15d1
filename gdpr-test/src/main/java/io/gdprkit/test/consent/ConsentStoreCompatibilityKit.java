package io.gdprkit.test.consent;

import static io.gdprkit.consent.ConsentEventType.CONFIRMED;
import static io.gdprkit.consent.ConsentEventType.EXPIRED;
import static io.gdprkit.consent.ConsentEventType.GRANTED;
import static io.gdprkit.consent.ConsentEventType.PENDING_CONFIRMATION;
import static io.gdprkit.consent.ConsentEventType.WITHDRAWN;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.from;

import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.AgeCheck;
import io.gdprkit.consent.AgeEvidence;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentConflictException;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.consent.ExplicitStatement;
import io.gdprkit.consent.MemberState;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.consent.ParentalAuthorisation;
import io.gdprkit.consent.ParentalRole;
import io.gdprkit.consent.ParentalVerification;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.consent.RightToObjectPresentation;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.SwitchChange;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that a {@link ConsentStore} keeps its contract: gap-free sequences per subject and purpose, a current state
 * that is always the {@linkplain ConsentState#fold fold} of the history, all-or-nothing batches, switch, restriction
 * and objection changes (direct marketing as a whole included), presentations of the right to object, erasure of a
 * subject, keyset paging of subjects, expiry queries, separate tenants and
 * thread safety.
 *
 * <p>{@link #createStore()} is called once in every test, after the subclass's {@code @BeforeEach} methods, and must
 * return an empty store.
 *
 * <p>Usage example: <pre>{@code class JpaConsentStoreTests extends ConsentStoreCompatibilityKit { protected ConsentStore createStore() { return new JpaConsentStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class ConsentStoreCompatibilityKit extends StoreCompatibilityKit<ConsentStore> {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final ConsentProof PROOF = ConsentProof.of(ConsentChannel.API, Actor.subject());
  private static final String NOTICE_VERSION = "v1";
  /** How long a racing writer may keep losing; scaled by {@link #timeoutFactor()} for a store on a database. */
  private static final Duration WRITER_PATIENCE = Duration.ofSeconds(5);
  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(10);

  private static final SubjectId ALICE = SubjectId.of("alice");
  private static final SubjectId BOB = SubjectId.of("bob");
  private static final SubjectId CAROL = SubjectId.of("carol");
  private static final SubjectId DAVE = SubjectId.of("dave");
  private static final SubjectId ERIN = SubjectId.of("erin");
  private static final String NEWSLETTER = "newsletter";
  private static final String CALLS = "sales-calls";

  private final java.util.Map<String, Long> sequences = new java.util.concurrent.ConcurrentHashMap<>();

  @Nested
  @DisplayName("appending")
  class Appending {

    @Test
    @DisplayName("the current state equals the fold of the history")
    void keepsTheFoldOfTheHistoryAsCurrentState() {
      ConsentEvent granted = event(ALICE, NEWSLETTER, GRANTED, 1, days(30));
      ConsentEvent withdrawn = event(ALICE, NEWSLETTER, WITHDRAWN, 2);
      ConsentEvent regranted = event(ALICE, NEWSLETTER, GRANTED, 3);

      append(granted, withdrawn, regranted);

      assertCurrentIsTheFold(ALICE, NEWSLETTER);
      assertThat(store().current(ALICE).state(NEWSLETTER))
          .returns(ConsentStatus.GRANTED, from(ConsentState::status))
          .returns(3L, from(ConsentState::sequence));
    }

    @Test
    @DisplayName("an event is stored with every field unchanged")
    void storesEveryFieldOfAnEvent() {
      ConsentProof proof = ConsentProof.webForm("signup-form", "v3")
          .ip("203.0.113.7").userAgent("Mozilla/5.0").noticeText("We send a monthly newsletter.")
          .locale(Locale.GERMANY).build();
      ConsentEvent event = new ConsentEvent(UUID.randomUUID(), ALICE, NEWSLETTER, GRANTED, 1,
          START, START.plusSeconds(5), proof, days(365), "2026-01");

      store().append(event);

      assertThat(store().history(ALICE)).containsExactly(event);
      assertThat(store().current(ALICE).state(NEWSLETTER)).isEqualTo(new ConsentState(ALICE, NEWSLETTER,
          ConsentStatus.GRANTED, 1, event.id(), START, days(365), "2026-01"));
    }

    @Test
    @DisplayName("an event's explicit statement, age check and parental authorisation are stored unchanged (Art. 8, 22)")
    void storesTheEvidenceOfExplicitAndChildConsent() {
      ConsentProof proof = ConsentProof.webForm("signup-form", "v3")
          .explicitly(ExplicitStatement.TWO_STAGE_VERIFICATION)
          .age(new AgeCheck(AgeEvidence.DECLARED_BIRTH_DATE, MemberState.of("FR"), 15, true))
          .parentalAuthorisation(ParentalAuthorisation.by(ParentalRole.LEGAL_GUARDIAN,
              ParentalVerification.PAYMENT_CARD_CHECK, START.minusSeconds(60)).withEvidenceReference("pay-42"))
          .build();
      ConsentEvent event = new ConsentEvent(UUID.randomUUID(), ALICE, NEWSLETTER, GRANTED, 1,
          START, START.plusSeconds(5), proof, null, "2026-01");

      store().append(event);

      assertThat(store().history(ALICE)).containsExactly(event);
      assertThat(store().history(ALICE).get(0).proof()).isEqualTo(proof);
    }

    @Test
    @DisplayName("sequences are counted per subject and purpose")
    void countsSequencesPerSubjectAndPurpose() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));

      store().append(event(ALICE, CALLS, GRANTED, 1));
      store().append(event(BOB, NEWSLETTER, GRANTED, 1));

      assertThat(store().current(ALICE).states()).containsOnlyKeys(NEWSLETTER, CALLS);
      assertThat(store().current(BOB).states()).containsOnlyKeys(NEWSLETTER);
    }
  }

  @Nested
  @DisplayName("current state")
  class CurrentState {

    @Test
    @DisplayName("an unknown subject has the empty snapshot")
    void returnsTheEmptySnapshotForAnUnknownSubject() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));

      SubjectConsents current = store().current(BOB);

      assertThat(current).isEqualTo(SubjectConsents.EMPTY);
    }

    @Test
    @DisplayName("an appended event shows in the current state as soon as append returns")
    void reflectsAnEventAsSoonAsAppendReturns() {
      ConsentEvent granted = event(ALICE, NEWSLETTER, GRANTED, 1, days(30));

      store().append(granted);

      assertThat(store().current(ALICE).state(NEWSLETTER)).isEqualTo(new ConsentState(ALICE, NEWSLETTER,
          ConsentStatus.GRANTED, 1, granted.id(), granted.occurredAt(), days(30), NOTICE_VERSION));
    }

    @Test
    @DisplayName("each purpose has its own state")
    void keepsPurposesApart() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
      store().append(event(ALICE, CALLS, GRANTED, 1));

      store().append(event(ALICE, CALLS, WITHDRAWN, 2));

      SubjectConsents current = store().current(ALICE);
      assertThat(current.states()).containsOnlyKeys(NEWSLETTER, CALLS);
      assertThat(current.state(NEWSLETTER)).returns(ConsentStatus.GRANTED, from(ConsentState::status));
      assertThat(current.state(CALLS)).returns(ConsentStatus.WITHDRAWN, from(ConsentState::status));
    }

    @Test
    @DisplayName("a subject's events leave other subjects' states alone")
    void keepsSubjectsApart() {
      store().append(event(BOB, NEWSLETTER, GRANTED, 1));

      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
      store().append(event(ALICE, NEWSLETTER, WITHDRAWN, 2));

      assertThat(store().current(BOB).state(NEWSLETTER))
          .returns(ConsentStatus.GRANTED, from(ConsentState::status))
          .returns(1L, from(ConsentState::sequence));
      assertThat(store().history(BOB)).hasSize(1);
    }
  }

  @Nested
  @DisplayName("history")
  class History {

    @Test
    @DisplayName("a subject's history lists the events of every purpose in append order")
    void returnsEventsInAppendOrderAcrossPurposes() {
      ConsentEvent first = event(ALICE, NEWSLETTER, GRANTED, 1);
      ConsentEvent second = event(ALICE, CALLS, GRANTED, 1);
      ConsentEvent third = event(ALICE, NEWSLETTER, WITHDRAWN, 2);
      ConsentEvent fourth = event(ALICE, CALLS, WITHDRAWN, 2);

      append(first, second, third, fourth);

      assertThat(store().history(ALICE)).containsExactly(first, second, third, fourth);
    }

    @Test
    @DisplayName("a purpose's history lists only that purpose's events in sequence order")
    void returnsOnlyOnePurposesEvents() {
      ConsentEvent first = event(ALICE, NEWSLETTER, GRANTED, 1);
      ConsentEvent other = event(ALICE, CALLS, GRANTED, 1);
      ConsentEvent second = event(ALICE, NEWSLETTER, WITHDRAWN, 2);
      ConsentEvent otherSubject = event(BOB, NEWSLETTER, GRANTED, 1);

      append(first, other, second, otherSubject);

      assertThat(store().history(ALICE, NEWSLETTER)).containsExactly(first, second);
    }

    @Test
    @DisplayName("a purpose without events and an unknown subject have empty histories")
    void returnsEmptyHistoriesWhenThereAreNoEvents() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));

      List<ConsentEvent> otherPurpose = store().history(ALICE, CALLS);
      List<ConsentEvent> unknownSubject = store().history(BOB);

      assertThat(otherPurpose).isEmpty();
      assertThat(unknownSubject).isEmpty();
      assertThat(store().history(ALICE)).hasSize(1);
    }
  }

  @Nested
  @DisplayName("history until an instant")
  class HistoryUntil {

    @Test
    @DisplayName("holds the events of every purpose that occurred at or before the instant, in append order")
    void returnsTheEventsThatOccurredByTheInstant() {
      ConsentEvent first = occurred(ALICE, NEWSLETTER, GRANTED, 1, 10);
      ConsentEvent second = occurred(ALICE, CALLS, GRANTED, 1, 20);
      ConsentEvent third = occurred(ALICE, NEWSLETTER, WITHDRAWN, 2, 30);
      ConsentEvent otherSubject = occurred(BOB, NEWSLETTER, GRANTED, 1, 5);
      append(first, second, third, otherSubject);

      List<ConsentEvent> atSecond = store().historyUntil(ALICE, second.occurredAt());
      List<ConsentEvent> justBeforeThird = store().historyUntil(ALICE, third.occurredAt().minusNanos(1));
      List<ConsentEvent> later = store().historyUntil(ALICE, third.occurredAt().plusSeconds(3600));

      assertThat(atSecond).containsExactly(first, second);
      assertThat(justBeforeThird).containsExactly(first, second);
      assertThat(later).containsExactly(first, second, third);
    }

    @Test
    @DisplayName("counts an event by when it occurred, not by when it was recorded")
    void countsAnEventByWhenItOccurred() {
      Instant givenOnPaper = START.minus(Duration.ofDays(30));
      ConsentEvent imported = new ConsentEvent(UUID.randomUUID(), ALICE, NEWSLETTER, GRANTED, 1, givenOnPaper,
          START, PROOF, null, NOTICE_VERSION);
      store().append(imported);


      assertThat(store().historyUntil(ALICE, givenOnPaper.plusSeconds(1))).containsExactly(imported);
      assertThat(store().historyUntil(ALICE, givenOnPaper.minusSeconds(1))).isEmpty();
    }

    @Test
    @DisplayName("is empty for an unknown subject and for an instant before the subject's first event")
    void returnsNothingBeforeTheFirstEvent() {
      ConsentEvent first = event(ALICE, NEWSLETTER, GRANTED, 1);
      store().append(first);

      assertThat(store().historyUntil(BOB, first.occurredAt())).isEmpty();
      assertThat(store().historyUntil(ALICE, first.occurredAt().minusSeconds(1))).isEmpty();
    }

    @Test
    @DisplayName("is empty once the subject is erased")
    void returnsNothingAfterErasure() {
      ConsentEvent first = event(ALICE, NEWSLETTER, GRANTED, 1);
      store().append(first);

      store().erase(ALICE);

      assertThat(store().historyUntil(ALICE, first.occurredAt())).isEmpty();
    }

    /** Returns an event that occurred and was recorded {@code minutes} after a fixed start. */
    private ConsentEvent occurred(SubjectId subject, String purpose, ConsentEventType type, long sequence,
        long minutes) {
      Instant at = START.plus(Duration.ofMinutes(minutes));
      return new ConsentEvent(UUID.randomUUID(), subject, purpose, type, sequence, at, at, PROOF, null,
          NOTICE_VERSION);
    }
  }

  @Nested
  @DisplayName("sequence checks")
  class SequenceChecks {

    @Test
    @DisplayName("a first event whose sequence is not 1 is a conflict and writes nothing")
    void rejectsAFirstEventThatDoesNotStartAtOne() {
      ConsentEvent second = event(ALICE, NEWSLETTER, GRANTED, 2);

      Throwable thrown = catchAppend(second);

      assertThat(thrown).isInstanceOf(ConsentConflictException.class);
      assertThat(store().history(ALICE)).isEmpty();
      assertThat(store().current(ALICE)).isEqualTo(SubjectConsents.EMPTY);
    }

    @Test
    @DisplayName("a gap in the sequence is a conflict and leaves history and state unchanged")
    void rejectsAGapInTheSequence() {
      ConsentEvent first = event(ALICE, NEWSLETTER, GRANTED, 1);
      store().append(first);
      SubjectConsents before = store().current(ALICE);

      Throwable thrown = catchAppend(event(ALICE, NEWSLETTER, WITHDRAWN, 3));

      assertThat(thrown).isInstanceOf(ConsentConflictException.class);
      assertThat(store().history(ALICE)).containsExactly(first);
      assertThat(store().current(ALICE)).isEqualTo(before);
    }

    @Test
    @DisplayName("a repeated sequence is a conflict and leaves history and state unchanged")
    void rejectsARepeatedSequence() {
      ConsentEvent first = event(ALICE, NEWSLETTER, GRANTED, 1);
      store().append(first);
      SubjectConsents before = store().current(ALICE);

      Throwable thrown = catchAppend(event(ALICE, NEWSLETTER, GRANTED, 1));

      assertThat(thrown).isInstanceOf(ConsentConflictException.class);
      assertThat(store().history(ALICE)).containsExactly(first);
      assertThat(store().current(ALICE)).isEqualTo(before);
    }

    @Test
    @DisplayName("the conflict names the subject and purpose")
    void namesTheSubjectAndPurposeOfAConflict() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));

      Throwable thrown = catchAppend(event(ALICE, NEWSLETTER, WITHDRAWN, 5));

      assertThat(thrown).isInstanceOfSatisfying(ConsentConflictException.class, conflict -> {
        assertThat(conflict.subject()).isEqualTo(ALICE);
        assertThat(conflict.purpose()).isEqualTo(NEWSLETTER);
      });
    }

    @Test
    @DisplayName("a first event that takes no effect is invalid input and writes nothing")
    void rejectsAFirstEventThatTakesNoEffect() {
      ConsentEvent withdrawn = event(ALICE, NEWSLETTER, WITHDRAWN, 1);

      Throwable thrown = catchAppend(withdrawn);

      assertThat(thrown).isInstanceOf(InvalidInputException.class);
      assertThat(store().history(ALICE)).isEmpty();
      assertThat(store().current(ALICE)).isEqualTo(SubjectConsents.EMPTY);
      assertThat(store().subjects(null, 10)).isEmpty();
    }

    @Test
    @DisplayName("withdrawing, confirming or expiring a consent that never existed is invalid input")
    void rejectsEveryIneffectiveTypeAsFirstEvent() {
      List<ConsentEventType> ineffective = List.of(WITHDRAWN, CONFIRMED, EXPIRED);

      List<Throwable> thrown = ineffective.stream()
          .map(type -> catchAppend(event(ALICE, NEWSLETTER, type, 1)))
          .toList();

      assertThat(thrown).allSatisfy(t -> assertThat(t).isInstanceOf(InvalidInputException.class));
      assertThat(store().history(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("a later event that takes no effect is stored, keeps the status and advances the sequence")
    void storesALaterEventThatTakesNoEffect() {
      ConsentEvent granted = event(ALICE, NEWSLETTER, GRANTED, 1);
      ConsentEvent withdrawn = event(ALICE, NEWSLETTER, WITHDRAWN, 2);
      ConsentEvent expired = event(ALICE, NEWSLETTER, EXPIRED, 3);
      append(granted, withdrawn);

      store().append(expired);

      assertThat(store().history(ALICE, NEWSLETTER)).containsExactly(granted, withdrawn, expired);
      assertThat(store().current(ALICE).state(NEWSLETTER))
          .returns(ConsentStatus.WITHDRAWN, from(ConsentState::status))
          .returns(3L, from(ConsentState::sequence))
          .returns(withdrawn.id(), from(ConsentState::eventId))
          .returns(withdrawn.occurredAt(), from(ConsentState::since));
    }
  }

  @Nested
  @DisplayName("fold transitions")
  class FoldTransitions {

    @Test
    @DisplayName("withdrawing a granted consent makes it withdrawn")
    void withdrawsAGrantedConsent() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1, days(30)));
      ConsentEvent withdrawn = event(ALICE, NEWSLETTER, WITHDRAWN, 2);

      store().append(withdrawn);

      assertThat(store().current(ALICE).state(NEWSLETTER)).isEqualTo(new ConsentState(ALICE, NEWSLETTER,
          ConsentStatus.WITHDRAWN, 2, withdrawn.id(), withdrawn.occurredAt(), null, NOTICE_VERSION));
      assertCurrentIsTheFold(ALICE, NEWSLETTER);
    }

    @Test
    @DisplayName("withdrawing a pending consent makes it withdrawn")
    void withdrawsAPendingConsent() {
      store().append(event(ALICE, NEWSLETTER, PENDING_CONFIRMATION, 1));
      ConsentEvent withdrawn = event(ALICE, NEWSLETTER, WITHDRAWN, 2);

      store().append(withdrawn);

      assertThat(store().current(ALICE).state(NEWSLETTER))
          .returns(ConsentStatus.WITHDRAWN, from(ConsentState::status))
          .returns(withdrawn.id(), from(ConsentState::eventId));
      assertCurrentIsTheFold(ALICE, NEWSLETTER);
    }

    @Test
    @DisplayName("asking for confirmation makes a new consent pending")
    void makesANewConsentPending() {
      ConsentEvent pending = event(ALICE, NEWSLETTER, PENDING_CONFIRMATION, 1);

      store().append(pending);

      assertThat(store().current(ALICE).state(NEWSLETTER)).isEqualTo(new ConsentState(ALICE, NEWSLETTER,
          ConsentStatus.PENDING, 1, pending.id(), pending.occurredAt(), null, NOTICE_VERSION));
    }

    @Test
    @DisplayName("confirming a pending consent grants it with the confirmation's expiry")
    void grantsAPendingConsentOnConfirmation() {
      store().append(event(ALICE, NEWSLETTER, PENDING_CONFIRMATION, 1));
      ConsentEvent confirmed = event(ALICE, NEWSLETTER, CONFIRMED, 2, days(90));

      store().append(confirmed);

      assertThat(store().current(ALICE).state(NEWSLETTER)).isEqualTo(new ConsentState(ALICE, NEWSLETTER,
          ConsentStatus.GRANTED, 2, confirmed.id(), confirmed.occurredAt(), days(90), NOTICE_VERSION));
      assertCurrentIsTheFold(ALICE, NEWSLETTER);
    }

    @Test
    @DisplayName("asking for confirmation again keeps a granted consent granted")
    void keepsAGrantedConsentWhenConfirmationIsAskedAgain() {
      ConsentEvent granted = event(ALICE, NEWSLETTER, GRANTED, 1, days(30));
      store().append(granted);

      store().append(event(ALICE, NEWSLETTER, PENDING_CONFIRMATION, 2));

      assertThat(store().current(ALICE).state(NEWSLETTER)).isEqualTo(new ConsentState(ALICE, NEWSLETTER,
          ConsentStatus.GRANTED, 2, granted.id(), granted.occurredAt(), days(30), NOTICE_VERSION));
      assertCurrentIsTheFold(ALICE, NEWSLETTER);
    }

    @Test
    @DisplayName("a confirmation without a pending request changes nothing but the sequence")
    void ignoresAConfirmationOfAGrantedConsent() {
      ConsentEvent granted = event(ALICE, NEWSLETTER, GRANTED, 1, days(30));
      store().append(granted);

      store().append(event(ALICE, NEWSLETTER, CONFIRMED, 2, days(90)));

      assertThat(store().current(ALICE).state(NEWSLETTER)).isEqualTo(new ConsentState(ALICE, NEWSLETTER,
          ConsentStatus.GRANTED, 2, granted.id(), granted.occurredAt(), days(30), NOTICE_VERSION));
    }

    @Test
    @DisplayName("expiring a granted consent makes it expired without an expiry date")
    void expiresAGrantedConsent() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1, days(30)));
      ConsentEvent expired = event(ALICE, NEWSLETTER, EXPIRED, 2);

      store().append(expired);

      assertThat(store().current(ALICE).state(NEWSLETTER)).isEqualTo(new ConsentState(ALICE, NEWSLETTER,
          ConsentStatus.EXPIRED, 2, expired.id(), expired.occurredAt(), null, NOTICE_VERSION));
      assertCurrentIsTheFold(ALICE, NEWSLETTER);
    }

    @Test
    @DisplayName("expiring a pending consent changes nothing but the sequence")
    void ignoresAnExpiryOfAPendingConsent() {
      ConsentEvent pending = event(ALICE, NEWSLETTER, PENDING_CONFIRMATION, 1);
      store().append(pending);

      store().append(event(ALICE, NEWSLETTER, EXPIRED, 2));

      assertThat(store().current(ALICE).state(NEWSLETTER))
          .returns(ConsentStatus.PENDING, from(ConsentState::status))
          .returns(2L, from(ConsentState::sequence))
          .returns(pending.id(), from(ConsentState::eventId));
    }

    @Test
    @DisplayName("a second grant renews the consent with its own event, time and expiry")
    void renewsAGrantedConsent() {
      ConsentEvent first = event(ALICE, NEWSLETTER, GRANTED, 1, days(30));
      ConsentEvent renewal = event(ALICE, NEWSLETTER, GRANTED, 2, days(400));
      store().append(first);

      store().append(renewal);

      assertThat(store().current(ALICE).state(NEWSLETTER)).isEqualTo(new ConsentState(ALICE, NEWSLETTER,
          ConsentStatus.GRANTED, 2, renewal.id(), renewal.occurredAt(), days(400), NOTICE_VERSION));
      assertThat(renewal.id()).isNotEqualTo(first.id());
      assertThat(renewal.occurredAt()).isNotEqualTo(first.occurredAt());
    }

    @Test
    @DisplayName("a grant without expiry after one with expiry leaves no expiry")
    void clearsTheExpiryOnARenewalWithoutExpiry() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1, days(30)));

      store().append(event(ALICE, NEWSLETTER, GRANTED, 2));

      assertThat(store().current(ALICE).state(NEWSLETTER))
          .returns(ConsentStatus.GRANTED, from(ConsentState::status))
          .returns(null, from(ConsentState::expiresAt));
    }

    @Test
    @DisplayName("a grant after a withdrawal grants again")
    void grantsAgainAfterAWithdrawal() {
      append(event(ALICE, NEWSLETTER, GRANTED, 1), event(ALICE, NEWSLETTER, WITHDRAWN, 2));
      ConsentEvent regranted = event(ALICE, NEWSLETTER, GRANTED, 3);

      store().append(regranted);

      assertThat(store().current(ALICE).state(NEWSLETTER))
          .returns(ConsentStatus.GRANTED, from(ConsentState::status))
          .returns(regranted.id(), from(ConsentState::eventId));
      assertCurrentIsTheFold(ALICE, NEWSLETTER);
    }
  }

  @Nested
  @DisplayName("batches")
  class Batches {

    @Test
    @DisplayName("a batch writes every event of several subjects and purposes")
    void writesEveryEventOfABatch() {
      ConsentEvent aliceNewsletter = event(ALICE, NEWSLETTER, GRANTED, 1);
      ConsentEvent bobCalls = event(BOB, CALLS, PENDING_CONFIRMATION, 1);
      ConsentEvent aliceCalls = event(ALICE, CALLS, GRANTED, 1, days(30));

      store().appendAll(List.of(aliceNewsletter, bobCalls, aliceCalls));

      assertThat(store().history(ALICE)).containsExactly(aliceNewsletter, aliceCalls);
      assertThat(store().history(BOB)).containsExactly(bobCalls);
      assertCurrentIsTheFold(ALICE, NEWSLETTER);
      assertCurrentIsTheFold(ALICE, CALLS);
      assertCurrentIsTheFold(BOB, CALLS);
      assertThat(store().subjects(null, 10)).containsExactly(ALICE, BOB);
    }

    @Test
    @DisplayName("a batch may hold consecutive events of one subject and purpose")
    void acceptsConsecutiveEventsOfOnePurpose() {
      ConsentEvent granted = event(ALICE, NEWSLETTER, GRANTED, 1);
      ConsentEvent withdrawn = event(ALICE, NEWSLETTER, WITHDRAWN, 2);

      store().appendAll(List.of(granted, withdrawn));

      assertThat(store().history(ALICE, NEWSLETTER)).containsExactly(granted, withdrawn);
      assertThat(store().current(ALICE).state(NEWSLETTER))
          .returns(ConsentStatus.WITHDRAWN, from(ConsentState::status))
          .returns(2L, from(ConsentState::sequence));
    }

    @Test
    @DisplayName("a batch continues the sequences of earlier appends")
    void continuesEarlierSequences() {
      ConsentEvent granted = event(ALICE, NEWSLETTER, GRANTED, 1);
      store().append(granted);
      ConsentEvent withdrawn = event(ALICE, NEWSLETTER, WITHDRAWN, 2);

      store().appendAll(List.of(withdrawn));

      assertThat(store().history(ALICE, NEWSLETTER)).containsExactly(granted, withdrawn);
      assertCurrentIsTheFold(ALICE, NEWSLETTER);
    }

    @Test
    @DisplayName("an empty batch writes nothing")
    void acceptsAnEmptyBatch() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));

      store().appendAll(List.of());

      assertThat(store().subjects(null, 10)).containsExactly(ALICE);
      assertThat(store().history(ALICE)).hasSize(1);
    }

    @Test
    @DisplayName("a batch with one conflicting event writes nothing at all")
    void writesNothingWhenAnyEventConflicts() {
      ConsentEvent earlier = event(ALICE, NEWSLETTER, GRANTED, 1);
      store().append(earlier);
      SubjectConsents aliceBefore = store().current(ALICE);
      List<ConsentEvent> batch = List.of(
          event(BOB, NEWSLETTER, GRANTED, 1),
          event(ALICE, CALLS, GRANTED, 1),
          event(ALICE, NEWSLETTER, WITHDRAWN, 3));

      Throwable thrown = catchAppendAll(batch);

      assertThat(thrown).isInstanceOf(ConsentConflictException.class);
      assertThat(store().history(ALICE)).containsExactly(earlier);
      assertThat(store().current(ALICE)).isEqualTo(aliceBefore);
      assertThat(store().history(BOB)).isEmpty();
      assertThat(store().current(BOB)).isEqualTo(SubjectConsents.EMPTY);
      assertThat(store().subjects(null, 10)).containsExactly(ALICE);
    }

    @Test
    @DisplayName("a batch that conflicts with itself writes nothing at all")
    void writesNothingWhenTheBatchConflictsWithItself() {
      List<ConsentEvent> batch = List.of(
          event(BOB, NEWSLETTER, GRANTED, 1),
          event(ALICE, NEWSLETTER, GRANTED, 1),
          event(ALICE, NEWSLETTER, GRANTED, 1));

      Throwable thrown = catchAppendAll(batch);

      assertThat(thrown).isInstanceOf(ConsentConflictException.class);
      assertThat(store().history(ALICE)).isEmpty();
      assertThat(store().history(BOB)).isEmpty();
      assertThat(store().current(ALICE)).isEqualTo(SubjectConsents.EMPTY);
      assertThat(store().current(BOB)).isEqualTo(SubjectConsents.EMPTY);
      assertThat(store().subjects(null, 10)).isEmpty();
    }

    @Test
    @DisplayName("a batch with an ineffective first event is invalid input and writes nothing at all")
    void writesNothingWhenAFirstEventTakesNoEffect() {
      List<ConsentEvent> batch = List.of(event(BOB, NEWSLETTER, GRANTED, 1), event(CAROL, NEWSLETTER, WITHDRAWN, 1));

      Throwable thrown = catchAppendAll(batch);

      assertThat(thrown).isInstanceOf(InvalidInputException.class);
      assertThat(store().history(BOB)).isEmpty();
      assertThat(store().history(CAROL)).isEmpty();
      assertThat(store().current(BOB)).isEqualTo(SubjectConsents.EMPTY);
      assertThat(store().subjects(null, 10)).isEmpty();
    }
  }

  @Nested
  @DisplayName("switches")
  class Switches {

    @Test
    @DisplayName("the current state shows the last setting of each switch")
    void reflectsTheLastChange() {
      store().recordSwitch(switchChange(ALICE, ProcessingSwitch.PROFILING, true, 1));

      store().recordSwitch(switchChange(ALICE, ProcessingSwitch.PROFILING, false, 2));

      assertThat(store().current(ALICE).switchSetting(ProcessingSwitch.PROFILING)).isFalse();
      assertThat(store().current(ALICE).switchSetting(ProcessingSwitch.TRACKING)).isNull();
    }

    @Test
    @DisplayName("switch history lists every change oldest first")
    void keepsTheSwitchHistoryInOrder() {
      SwitchChange first = switchChange(ALICE, ProcessingSwitch.TRACKING, true, 1);
      SwitchChange second = switchChange(ALICE, ProcessingSwitch.PROFILING, true, 2);
      SwitchChange third = switchChange(ALICE, ProcessingSwitch.TRACKING, false, 3);

      store().recordSwitch(first);
      store().recordSwitch(second);
      store().recordSwitch(third);

      assertThat(store().switchHistory(ALICE)).containsExactly(first, second, third);
      assertThat(store().current(ALICE).switches())
          .containsOnly(Map.entry(ProcessingSwitch.TRACKING, false), Map.entry(ProcessingSwitch.PROFILING, true));
    }

    @Test
    @DisplayName("a switch change leaves other subjects unaffected")
    void leavesOtherSubjectsUnaffected() {
      store().recordSwitch(switchChange(BOB, ProcessingSwitch.TRACKING, false, 1));

      store().recordSwitch(switchChange(ALICE, ProcessingSwitch.TRACKING, true, 2));

      assertThat(store().current(BOB).switchSetting(ProcessingSwitch.TRACKING)).isFalse();
      assertThat(store().switchHistory(BOB)).hasSize(1);
      assertThat(store().current(CAROL)).isEqualTo(SubjectConsents.EMPTY);
      assertThat(store().switchHistory(CAROL)).isEmpty();
    }

    @Test
    @DisplayName("switch changes and consent events keep each other in the current state")
    void keepsConsentsAndSwitchesTogether() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
      store().recordSwitch(switchChange(ALICE, ProcessingSwitch.PROFILING, true, 1));

      store().append(event(ALICE, NEWSLETTER, WITHDRAWN, 2));

      SubjectConsents current = store().current(ALICE);
      assertThat(current.switchSetting(ProcessingSwitch.PROFILING)).isTrue();
      assertThat(current.state(NEWSLETTER)).returns(ConsentStatus.WITHDRAWN, from(ConsentState::status));
      assertThat(store().history(ALICE)).hasSize(2);
    }
  }

  @Nested
  @DisplayName("restrictions")
  class Restrictions {

    @Test
    @DisplayName("a placed restriction shows in the current state")
    void reflectsAPlacedRestriction() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));

      store().recordRestriction(restriction(ALICE, true, 2));

      assertThat(store().current(ALICE).isRestricted()).isTrue();
    }

    @Test
    @DisplayName("the current state shows the last restriction change")
    void reflectsTheLastRestrictionChange() {
      store().recordRestriction(restriction(ALICE, true, 1));
      store().recordRestriction(restriction(ALICE, false, 2));
      store().recordRestriction(restriction(BOB, false, 3));

      store().recordRestriction(restriction(BOB, true, 4));

      assertThat(store().current(ALICE).isRestricted()).isFalse();
      assertThat(store().current(BOB).isRestricted()).isTrue();
    }

    @Test
    @DisplayName("restriction history lists every change oldest first")
    void keepsTheRestrictionHistoryInOrder() {
      RestrictionChange placed = restriction(ALICE, true, 1);
      RestrictionChange lifted = new RestrictionChange(ALICE, false, "accuracy verified", Actor.staff("dpo-2"),
          START.plus(Duration.ofMinutes(2)), nextSequence("restrictions", ALICE));
      RestrictionChange placedAgain = restriction(ALICE, true, 3);

      store().recordRestriction(placed);
      store().recordRestriction(lifted);
      store().recordRestriction(placedAgain);

      assertThat(store().restrictionHistory(ALICE)).containsExactly(placed, lifted, placedAgain);
      assertThat(store().current(ALICE).isRestricted()).isTrue();
    }

    @Test
    @DisplayName("a restriction leaves other subjects unaffected")
    void leavesOtherSubjectsUnaffected() {
      store().recordRestriction(restriction(BOB, true, 1));
      store().append(event(CAROL, NEWSLETTER, GRANTED, 1));

      store().recordRestriction(restriction(ALICE, false, 2));
      store().recordRestriction(restriction(ALICE, true, 3));

      assertThat(store().current(BOB).isRestricted()).isTrue();
      assertThat(store().restrictionHistory(BOB)).hasSize(1);
      assertThat(store().current(CAROL).isRestricted()).isFalse();
      assertThat(store().restrictionHistory(CAROL)).isEmpty();
      assertThat(store().current(DAVE)).isEqualTo(SubjectConsents.EMPTY);
    }

    @Test
    @DisplayName("a restriction keeps the consents and switches, and later events and switch changes keep it")
    void keepsRestrictionConsentsAndSwitchesTogether() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
      store().recordSwitch(switchChange(ALICE, ProcessingSwitch.PROFILING, true, 1));
      store().recordRestriction(restriction(ALICE, true, 2));

      store().append(event(ALICE, NEWSLETTER, WITHDRAWN, 2));
      store().recordSwitch(switchChange(ALICE, ProcessingSwitch.TRACKING, false, 3));

      SubjectConsents current = store().current(ALICE);
      assertThat(current.isRestricted()).isTrue();
      assertThat(current.state(NEWSLETTER)).returns(ConsentStatus.WITHDRAWN, from(ConsentState::status));
      assertThat(current.switches())
          .containsOnly(Map.entry(ProcessingSwitch.PROFILING, true), Map.entry(ProcessingSwitch.TRACKING, false));
      assertCurrentIsTheFold(ALICE, NEWSLETTER);
    }
  }

  @Nested
  @DisplayName("objections")
  class Objections {

    @Test
    @DisplayName("the current state shows the objection of each purpose")
    void reflectsAnObjectionPerPurpose() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));

      store().recordObjection(objection(ALICE, NEWSLETTER, ObjectionStatus.OBJECTED, 2));
      store().recordObjection(objection(ALICE, CALLS, ObjectionStatus.OVERRIDDEN, 3));

      SubjectConsents current = store().current(ALICE);
      assertThat(current.objection(NEWSLETTER)).isEqualTo(ObjectionStatus.OBJECTED);
      assertThat(current.objection(CALLS)).isEqualTo(ObjectionStatus.OVERRIDDEN);
      assertThat(current.objection("profiling")).isNull();
      assertThat(current.objections()).containsOnly(
          Map.entry(NEWSLETTER, ObjectionStatus.OBJECTED), Map.entry(CALLS, ObjectionStatus.OVERRIDDEN));
    }

    @Test
    @DisplayName("the last objection change of a purpose wins")
    void reflectsTheLastChangeOfAPurpose() {
      store().recordObjection(objection(ALICE, NEWSLETTER, ObjectionStatus.OBJECTED, 1));
      store().recordObjection(objection(ALICE, CALLS, ObjectionStatus.OBJECTED, 2));

      store().recordObjection(objection(ALICE, NEWSLETTER, ObjectionStatus.WITHDRAWN, 3));
      store().recordObjection(objection(ALICE, CALLS, ObjectionStatus.OVERRIDDEN, 4));
      store().recordObjection(objection(ALICE, CALLS, ObjectionStatus.OBJECTED, 5));

      assertThat(store().current(ALICE).objections()).containsOnly(
          Map.entry(NEWSLETTER, ObjectionStatus.WITHDRAWN), Map.entry(CALLS, ObjectionStatus.OBJECTED));
    }

    @Test
    @DisplayName("objection history lists every change of every purpose oldest first")
    void keepsTheObjectionHistoryInOrder() {
      ObjectionChange first = objection(ALICE, NEWSLETTER, ObjectionStatus.OBJECTED, 1);
      ObjectionChange second = new ObjectionChange(ALICE, CALLS, ObjectionStatus.OBJECTED,
          "I am not a customer any more.", Actor.subject(), START.plus(Duration.ofMinutes(2)),
          nextSequence("objections", ALICE));
      ObjectionChange third = new ObjectionChange(ALICE, CALLS, ObjectionStatus.OVERRIDDEN,
          "defence of legal claims", Actor.staff("dpo"), START.plus(Duration.ofMinutes(3)),
          nextSequence("objections", ALICE));
      ObjectionChange fourth = objection(ALICE, NEWSLETTER, ObjectionStatus.WITHDRAWN, 4);

      store().recordObjection(first);
      store().recordObjection(second);
      store().recordObjection(third);
      store().recordObjection(fourth);

      assertThat(store().objectionHistory(ALICE)).containsExactly(first, second, third, fourth);
    }

    @Test
    @DisplayName("an objection leaves other subjects unaffected")
    void leavesOtherSubjectsUnaffected() {
      store().recordObjection(objection(BOB, NEWSLETTER, ObjectionStatus.OBJECTED, 1));
      store().append(event(CAROL, NEWSLETTER, GRANTED, 1));

      store().recordObjection(objection(ALICE, NEWSLETTER, ObjectionStatus.WITHDRAWN, 2));
      store().recordObjection(objection(ALICE, CALLS, ObjectionStatus.OBJECTED, 3));

      assertThat(store().current(BOB).objections()).containsOnly(Map.entry(NEWSLETTER, ObjectionStatus.OBJECTED));
      assertThat(store().objectionHistory(BOB)).hasSize(1);
      assertThat(store().current(CAROL).objections()).isEmpty();
      assertThat(store().objectionHistory(CAROL)).isEmpty();
      assertThat(store().current(DAVE)).isEqualTo(SubjectConsents.EMPTY);
    }

    @Test
    @DisplayName("objections, the restriction, switches and consents keep each other in the current state")
    void keepsObjectionsAndTheRestOfTheSnapshotTogether() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
      store().recordRestriction(restriction(ALICE, true, 1));
      store().recordObjection(objection(ALICE, NEWSLETTER, ObjectionStatus.OBJECTED, 2));

      store().append(event(ALICE, NEWSLETTER, WITHDRAWN, 2));
      store().recordSwitch(switchChange(ALICE, ProcessingSwitch.PROFILING, true, 3));
      store().recordRestriction(restriction(ALICE, false, 4));

      SubjectConsents current = store().current(ALICE);
      assertThat(current.objections()).containsOnly(Map.entry(NEWSLETTER, ObjectionStatus.OBJECTED));
      assertThat(current.isRestricted()).isFalse();
      assertThat(current.switchSetting(ProcessingSwitch.PROFILING)).isTrue();
      assertThat(current.state(NEWSLETTER)).returns(ConsentStatus.WITHDRAWN, from(ConsentState::status));
      assertCurrentIsTheFold(ALICE, NEWSLETTER);
    }
  }

  @Nested
  @DisplayName("objections to direct marketing and for legal claims")
  class DirectMarketingAndLegalClaims {

    @Test
    @DisplayName("an objection to direct marketing as a whole is kept under its reserved key like a purpose id")
    void keepsTheDirectMarketingKey() {
      ObjectionChange dm = objection(ALICE, ObjectionChange.DIRECT_MARKETING, ObjectionStatus.OBJECTED, 1);

      store().recordObjection(dm);
      store().recordObjection(objection(ALICE, NEWSLETTER, ObjectionStatus.OBJECTED, 2));

      assertThat(store().objectionHistory(ALICE)).startsWith(dm);
      assertThat(store().current(ALICE).objection(ObjectionChange.DIRECT_MARKETING))
          .isEqualTo(ObjectionStatus.OBJECTED);
      assertThat(store().current(ALICE).objections()).containsOnly(
          Map.entry(ObjectionChange.DIRECT_MARKETING, ObjectionStatus.OBJECTED),
          Map.entry(NEWSLETTER, ObjectionStatus.OBJECTED));
    }

    @Test
    @DisplayName("every objection status, legal claims included, is kept and shown in the current state")
    void keepsEveryObjectionStatus() {
      ObjectionStatus[] statuses = ObjectionStatus.values();

      for (int i = 0; i < statuses.length; i++) {
        store().recordObjection(objection(ALICE, "purpose-" + i, statuses[i], i));
      }

      assertThat(store().objectionHistory(ALICE)).extracting(ObjectionChange::status).containsExactly(statuses);
      for (int i = 0; i < statuses.length; i++) {
        assertThat(store().current(ALICE).objection("purpose-" + i)).isEqualTo(statuses[i]);
      }
    }
  }

  @Nested
  @DisplayName("presentations of the right to object (Art. 21(4))")
  class RightToObjectPresentations {

    @Test
    @DisplayName("presentations are kept with every field, in the order recorded, per subject")
    void keepsPresentationsInOrder() {
      RightToObjectPresentation first = presentation(ALICE, "2026-03", 1);
      RightToObjectPresentation second = new RightToObjectPresentation(ALICE, "2026-09", ConsentChannel.API,
          "monthly-offer", START.plus(Duration.ofDays(30)), Actor.system("mailer"));

      store().recordRightToObjectPresented(first);
      store().recordRightToObjectPresented(second);
      store().recordRightToObjectPresented(presentation(BOB, "2026-03", 2));

      assertThat(store().rightToObjectPresentations(ALICE)).containsExactly(first, second);
      assertThat(store().rightToObjectPresentations(BOB)).hasSize(1);
      assertThat(store().rightToObjectPresentations(CAROL)).isEmpty();
    }

    @Test
    @DisplayName("a presentation changes no snapshot, and its subject is listed")
    void changesNoSnapshotButListsTheSubject() {
      store().append(event(BOB, NEWSLETTER, GRANTED, 1));

      store().recordRightToObjectPresented(presentation(ALICE, "2026-03", 1));

      assertThat(store().current(ALICE)).isEqualTo(SubjectConsents.EMPTY);
      assertThat(store().subjects(null, 10)).containsExactly(ALICE, BOB);
    }

    @Test
    @DisplayName("the same subject id in two tenants has its own presentations")
    void keepsTenantsApart() {
      SubjectId acmeAlice = SubjectId.of(TenantId.of("acme"), "alice");

      store().recordRightToObjectPresented(presentation(acmeAlice, "2026-03", 1));

      assertThat(store().rightToObjectPresentations(acmeAlice)).hasSize(1);
      assertThat(store().rightToObjectPresentations(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("erasing a subject removes its presentations and unlists it")
    void erasesPresentations() {
      store().recordRightToObjectPresented(presentation(ALICE, "2026-03", 1));
      store().recordRightToObjectPresented(presentation(BOB, "2026-03", 2));

      int removed = store().erase(ALICE);

      assertThat(removed).isZero();
      assertThat(store().rightToObjectPresentations(ALICE)).isEmpty();
      assertThat(store().rightToObjectPresentations(BOB)).hasSize(1);
      assertThat(store().subjects(null, 10)).containsExactly(BOB);
    }

    @Test
    @DisplayName("a presentation in a rolled-back unit of work is not kept")
    void keepsNoPresentationOfARolledBackUnit() {
      store().recordRightToObjectPresented(presentation(BOB, "2026-03", 1));

      inRolledBackUnit(() -> {
        store().recordRightToObjectPresented(presentation(ALICE, "2026-03", 2));
        store().recordRightToObjectPresented(presentation(BOB, "2026-09", 3));
      });

      assertThat(store().rightToObjectPresentations(ALICE)).isEmpty();
      assertThat(store().rightToObjectPresentations(BOB)).hasSize(1);
      assertThat(store().subjects(null, 10)).containsExactly(BOB);
    }
  }

  @Nested
  @DisplayName("paging")
  class Paging {

    @Test
    @DisplayName("subjects are listed once each, ordered by id")
    void listsSubjectsOnceInIdOrder() {
      append(event(CAROL, NEWSLETTER, GRANTED, 1), event(ALICE, NEWSLETTER, GRANTED, 1),
          event(BOB, CALLS, GRANTED, 1), event(ALICE, CALLS, GRANTED, 1), event(ALICE, NEWSLETTER, WITHDRAWN, 2));

      List<SubjectId> subjects = store().subjects(null, 10);

      assertThat(subjects).containsExactly(ALICE, BOB, CAROL);
    }

    @Test
    @DisplayName("a subject with only switch changes is listed")
    void listsSubjectsWithOnlySwitchChanges() {
      store().append(event(BOB, NEWSLETTER, GRANTED, 1));

      store().recordSwitch(switchChange(ALICE, ProcessingSwitch.TRACKING, true, 1));

      assertThat(store().subjects(null, 10)).containsExactly(ALICE, BOB);
    }

    @Test
    @DisplayName("a subject with only a restriction change is listed")
    void listsSubjectsWithOnlyARestrictionChange() {
      store().append(event(BOB, NEWSLETTER, GRANTED, 1));

      store().recordRestriction(restriction(CAROL, true, 1));

      assertThat(store().subjects(null, 10)).containsExactly(BOB, CAROL);
      assertThat(store().subjects(BOB, 10)).containsExactly(CAROL);
    }

    @Test
    @DisplayName("a subject with only an objection change is listed")
    void listsSubjectsWithOnlyAnObjectionChange() {
      store().append(event(BOB, NEWSLETTER, GRANTED, 1));

      store().recordObjection(objection(ALICE, NEWSLETTER, ObjectionStatus.OBJECTED, 1));

      assertThat(store().subjects(null, 10)).containsExactly(ALICE, BOB);
      assertThat(store().subjects(null, 1)).containsExactly(ALICE);
    }

    @Test
    @DisplayName("a page starts after the given subject, even one that does not exist")
    void startsAfterTheGivenSubject() {
      append(event(ALICE, NEWSLETTER, GRANTED, 1), event(BOB, NEWSLETTER, GRANTED, 1),
          event(CAROL, NEWSLETTER, GRANTED, 1));

      List<SubjectId> afterAlice = store().subjects(ALICE, 10);
      List<SubjectId> afterB = store().subjects(SubjectId.of("b"), 10);
      List<SubjectId> afterCarol = store().subjects(CAROL, 10);

      assertThat(afterAlice).containsExactly(BOB, CAROL);
      assertThat(afterB).containsExactly(BOB, CAROL);
      assertThat(afterCarol).isEmpty();
    }

    @Test
    @DisplayName("a page holds at most limit subjects")
    void respectsTheLimit() {
      append(event(ALICE, NEWSLETTER, GRANTED, 1), event(BOB, NEWSLETTER, GRANTED, 1),
          event(CAROL, NEWSLETTER, GRANTED, 1));

      List<SubjectId> page = store().subjects(null, 2);

      assertThat(page).containsExactly(ALICE, BOB);
    }

    @Test
    @DisplayName("paging by the last subject of each page visits every subject exactly once")
    void pagesThroughEverySubjectExactlyOnce() {
      List<SubjectId> expected = IntStream.range(0, 23)
          .mapToObj(i -> SubjectId.of("subject-%02d".formatted(i)))
          .toList();
      List<SubjectId> appendOrder = new ArrayList<>(expected);
      Collections.reverse(appendOrder);
      Collections.swap(appendOrder, 3, 17);
      appendOrder.forEach(subject -> store().append(event(subject, NEWSLETTER, GRANTED, 1)));
      store().recordSwitch(switchChange(expected.get(5), ProcessingSwitch.TRACKING, true, 1));

      List<SubjectId> visited = pageThrough(4,
          (SubjectId after) -> store().subjects(after, 4), last -> last);

      assertThat(visited).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("a limit below 1 is invalid input")
    void rejectsALimitBelowOne() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));

      Throwable zero = thrownBy(() -> store().subjects(null, 0));
      Throwable negative = thrownBy(() -> store().subjects(ALICE, -1));

      assertThat(zero).isInstanceOf(InvalidInputException.class);
      assertThat(negative).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("a failed append does not make its subject appear")
    void doesNotListSubjectsWhoseAppendFailed() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));

      Throwable ineffective = catchAppend(event(BOB, NEWSLETTER, WITHDRAWN, 1));
      Throwable conflicting = catchAppend(event(CAROL, NEWSLETTER, GRANTED, 2));

      assertThat(ineffective).isInstanceOf(InvalidInputException.class);
      assertThat(conflicting).isInstanceOf(ConsentConflictException.class);
      assertThat(store().subjects(null, 10)).containsExactly(ALICE);
    }
  }

  @Nested
  @DisplayName("expiry queries")
  class ExpiryQueries {

    @Test
    @DisplayName("granted states expiring at or before the cutoff are returned")
    void returnsGrantedStatesExpiringByTheCutoff() {
      append(event(ALICE, NEWSLETTER, GRANTED, 1, days(10)), event(BOB, NEWSLETTER, GRANTED, 1, days(20)),
          event(CAROL, NEWSLETTER, GRANTED, 1, days(30)), event(ALICE, CALLS, GRANTED, 1, days(21)));

      List<ConsentState> due = store().grantedExpiringBy(days(20), 10);

      assertThat(due).containsExactlyInAnyOrder(
          store().current(ALICE).state(NEWSLETTER), store().current(BOB).state(NEWSLETTER));
    }

    @Test
    @DisplayName("withdrawn, expired, pending and unexpiring states are not returned")
    void excludesStatesThatAreNotGrantedWithExpiry() {
      append(event(ALICE, NEWSLETTER, GRANTED, 1, days(5)), event(ALICE, NEWSLETTER, WITHDRAWN, 2),
          event(BOB, NEWSLETTER, GRANTED, 1),
          event(CAROL, NEWSLETTER, PENDING_CONFIRMATION, 1),
          event(DAVE, NEWSLETTER, GRANTED, 1, days(5)), event(DAVE, NEWSLETTER, EXPIRED, 2),
          event(ERIN, NEWSLETTER, GRANTED, 1, days(5)));

      List<ConsentState> due = store().grantedExpiringBy(days(100), 10);

      assertThat(due).containsExactly(store().current(ERIN).state(NEWSLETTER));
    }

    @Test
    @DisplayName("the expiry of a confirmation and of a renewal is the one that counts")
    void usesTheExpiryOfTheLastEffectiveEvent() {
      append(event(ALICE, NEWSLETTER, PENDING_CONFIRMATION, 1), event(ALICE, NEWSLETTER, CONFIRMED, 2, days(10)),
          event(BOB, NEWSLETTER, GRANTED, 1, days(10)), event(BOB, NEWSLETTER, GRANTED, 2, days(400)));

      List<ConsentState> due = store().grantedExpiringBy(days(20), 10);

      assertThat(due).singleElement()
          .returns(ALICE, from(ConsentState::subject))
          .returns(days(10), from(ConsentState::expiresAt));
    }

    @Test
    @DisplayName("at most limit states are returned")
    void respectsTheLimit() {
      List<SubjectId> subjects = List.of(ALICE, BOB, CAROL, DAVE, ERIN);
      subjects.forEach(subject -> store().append(event(subject, NEWSLETTER, GRANTED, 1, days(3))));
      List<@Nullable ConsentState> all = subjects.stream().map(s -> store().current(s).state(NEWSLETTER)).toList();

      List<ConsentState> due = store().grantedExpiringBy(days(3), 2);

      assertThat(due).hasSize(2).doesNotHaveDuplicates().isSubsetOf(all);
    }

    @Test
    @DisplayName("a limit below 1 is invalid input")
    void rejectsALimitBelowOne() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1, days(3)));

      Throwable thrown = thrownBy(() -> store().grantedExpiringBy(days(5), 0));

      assertThat(thrown).isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  @DisplayName("tenants")
  class Tenants {

    private final SubjectId acmeAlice = SubjectId.of(TenantId.of("acme"), "alice");
    private final SubjectId globexAlice = SubjectId.of(TenantId.of("globex"), "alice");

    @Test
    @DisplayName("the same subject id in two tenants is two subjects")
    void keepsTenantsApart() {
      store().append(event(acmeAlice, NEWSLETTER, GRANTED, 1));
      store().recordSwitch(switchChange(acmeAlice, ProcessingSwitch.PROFILING, true, 1));

      store().append(event(globexAlice, NEWSLETTER, PENDING_CONFIRMATION, 1));

      assertThat(store().current(acmeAlice).state(NEWSLETTER))
          .returns(ConsentStatus.GRANTED, from(ConsentState::status));
      assertThat(store().current(globexAlice).state(NEWSLETTER))
          .returns(ConsentStatus.PENDING, from(ConsentState::status));
      assertThat(store().current(globexAlice).switches()).isEmpty();
      assertThat(store().history(acmeAlice)).hasSize(1);
      assertThat(store().current(ALICE)).isEqualTo(SubjectConsents.EMPTY);
    }

    @Test
    @DisplayName("subjects of several tenants are listed separately, ordered by tenant first")
    void listsSubjectsOfEveryTenant() {
      SubjectId acmeZed = SubjectId.of(TenantId.of("acme"), "zed");
      append(event(globexAlice, NEWSLETTER, GRANTED, 1), event(acmeZed, NEWSLETTER, GRANTED, 1),
          event(acmeAlice, NEWSLETTER, GRANTED, 1));

      List<SubjectId> subjects = store().subjects(null, 10);
      List<SubjectId> afterAcme = store().subjects(acmeZed, 10);

      assertThat(subjects).containsExactly(acmeAlice, acmeZed, globexAlice);
      assertThat(afterAcme).containsExactly(globexAlice);
    }
  }

  @Nested
  @DisplayName("erasure")
  class Erasure {

    @Test
    @DisplayName("erasing a subject returns how many consent events were removed")
    void returnsTheNumberOfRemovedEvents() {
      append(event(ALICE, NEWSLETTER, GRANTED, 1), event(ALICE, CALLS, GRANTED, 1),
          event(ALICE, NEWSLETTER, WITHDRAWN, 2), event(BOB, NEWSLETTER, GRANTED, 1));
      store().recordSwitch(switchChange(ALICE, ProcessingSwitch.TRACKING, true, 3));
      store().recordRestriction(restriction(ALICE, true, 4));
      store().recordObjection(objection(ALICE, CALLS, ObjectionStatus.OBJECTED, 5));

      int removed = store().erase(ALICE);

      assertThat(removed).isEqualTo(3);
    }

    @Test
    @DisplayName("an erased subject has the empty snapshot and no history of any kind")
    void removesTheSnapshotAndEveryHistory() {
      append(event(ALICE, NEWSLETTER, GRANTED, 1, days(30)), event(ALICE, CALLS, PENDING_CONFIRMATION, 1));
      store().recordSwitch(switchChange(ALICE, ProcessingSwitch.PROFILING, true, 2));
      store().recordRestriction(restriction(ALICE, true, 3));
      store().recordObjection(objection(ALICE, NEWSLETTER, ObjectionStatus.OBJECTED, 4));

      store().erase(ALICE);

      assertThat(store().current(ALICE)).isEqualTo(SubjectConsents.EMPTY);
      assertThat(store().history(ALICE)).isEmpty();
      assertThat(store().history(ALICE, NEWSLETTER)).isEmpty();
      assertThat(store().switchHistory(ALICE)).isEmpty();
      assertThat(store().restrictionHistory(ALICE)).isEmpty();
      assertThat(store().objectionHistory(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("an erased subject is no longer listed, even with only switch, restriction or objection changes")
    void stopsListingAnErasedSubject() {
      append(event(ALICE, NEWSLETTER, GRANTED, 1), event(CAROL, NEWSLETTER, GRANTED, 1));
      store().recordSwitch(switchChange(BOB, ProcessingSwitch.TRACKING, false, 1));
      store().recordRestriction(restriction(DAVE, true, 1));
      store().recordObjection(objection(ERIN, NEWSLETTER, ObjectionStatus.OBJECTED, 1));

      store().erase(ALICE);
      store().erase(BOB);
      store().erase(DAVE);
      store().erase(ERIN);

      assertThat(store().subjects(null, 10)).containsExactly(CAROL);
      assertThat(store().subjects(null, 1)).containsExactly(CAROL);
    }

    @Test
    @DisplayName("a subject with only switch, restriction and objection changes is erased with 0 events removed")
    void erasesASubjectWithoutConsentEvents() {
      store().recordSwitch(switchChange(ALICE, ProcessingSwitch.TRACKING, true, 1));
      store().recordRestriction(restriction(ALICE, true, 2));
      store().recordObjection(objection(ALICE, NEWSLETTER, ObjectionStatus.OBJECTED, 3));

      int removed = store().erase(ALICE);

      assertThat(removed).isZero();
      assertThat(store().current(ALICE)).isEqualTo(SubjectConsents.EMPTY);
      assertThat(store().switchHistory(ALICE)).isEmpty();
      assertThat(store().restrictionHistory(ALICE)).isEmpty();
      assertThat(store().objectionHistory(ALICE)).isEmpty();
      assertThat(store().subjects(null, 10)).isEmpty();
    }

    @Test
    @DisplayName("erasing a subject leaves other subjects untouched")
    void leavesOtherSubjectsUntouched() {
      for (SubjectId subject : List.of(ALICE, BOB, CAROL)) {
        append(event(subject, NEWSLETTER, GRANTED, 1, days(10)), event(subject, NEWSLETTER, WITHDRAWN, 2));
        store().recordSwitch(switchChange(subject, ProcessingSwitch.PROFILING, true, 3));
        store().recordRestriction(restriction(subject, true, 4));
        store().recordObjection(objection(subject, CALLS, ObjectionStatus.OBJECTED, 5));
      }
      SubjectConsents bobBefore = store().current(BOB);
      List<ConsentEvent> bobHistory = store().history(BOB);
      List<SwitchChange> bobSwitches = store().switchHistory(BOB);
      List<RestrictionChange> bobRestrictions = store().restrictionHistory(BOB);
      List<ObjectionChange> bobObjections = store().objectionHistory(BOB);

      store().erase(ALICE);
      store().erase(CAROL);

      assertThat(store().current(BOB)).isEqualTo(bobBefore);
      assertThat(bobBefore.isRestricted()).isTrue();
      assertThat(store().history(BOB)).hasSize(2).isEqualTo(bobHistory);
      assertThat(store().switchHistory(BOB)).hasSize(1).isEqualTo(bobSwitches);
      assertThat(store().restrictionHistory(BOB)).hasSize(1).isEqualTo(bobRestrictions);
      assertThat(store().objectionHistory(BOB)).hasSize(1).isEqualTo(bobObjections);
      assertThat(store().subjects(null, 10)).containsExactly(BOB);
    }

    @Test
    @DisplayName("erasing an unknown subject returns 0 and changes nothing")
    void returnsZeroForAnUnknownSubject() {
      append(event(ALICE, NEWSLETTER, GRANTED, 1), event(ALICE, NEWSLETTER, WITHDRAWN, 2));
      store().recordRestriction(restriction(ALICE, true, 3));
      SubjectConsents aliceBefore = store().current(ALICE);

      int removed = store().erase(BOB);

      assertThat(removed).isZero();
      assertThat(store().current(ALICE)).isEqualTo(aliceBefore);
      assertThat(store().history(ALICE)).hasSize(2);
      assertThat(store().restrictionHistory(ALICE)).hasSize(1);
      assertThat(store().subjects(null, 10)).containsExactly(ALICE);
    }

    @Test
    @DisplayName("erasing a subject twice removes its events only once")
    void returnsZeroWhenErasingAgain() {
      append(event(ALICE, NEWSLETTER, GRANTED, 1), event(ALICE, NEWSLETTER, WITHDRAWN, 2));
      int first = store().erase(ALICE);

      int second = store().erase(ALICE);

      assertThat(first).isEqualTo(2);
      assertThat(second).isZero();
    }

    @Test
    @DisplayName("an erased subject starts a fresh ledger at sequence 1")
    void startsAFreshLedgerAfterErasure() {
      append(event(ALICE, NEWSLETTER, GRANTED, 1), event(ALICE, NEWSLETTER, WITHDRAWN, 2),
          event(ALICE, NEWSLETTER, GRANTED, 3));
      store().recordSwitch(switchChange(ALICE, ProcessingSwitch.TRACKING, true, 4));
      store().recordObjection(objection(ALICE, NEWSLETTER, ObjectionStatus.OBJECTED, 4));
      store().erase(ALICE);
      ConsentEvent fresh = event(ALICE, NEWSLETTER, PENDING_CONFIRMATION, 1);

      store().append(fresh);

      assertThat(store().history(ALICE)).containsExactly(fresh);
      assertThat(store().current(ALICE).state(NEWSLETTER))
          .returns(ConsentStatus.PENDING, from(ConsentState::status))
          .returns(1L, from(ConsentState::sequence));
      assertThat(store().current(ALICE).switches()).isEmpty();
      assertThat(store().current(ALICE).objections()).isEmpty();
      assertCurrentIsTheFold(ALICE, NEWSLETTER);
      assertThat(store().subjects(null, 10)).containsExactly(ALICE);
    }

    @Test
    @DisplayName("an erased subject's consents are no longer returned as expiring")
    void forgetsTheExpiriesOfAnErasedSubject() {
      append(event(ALICE, NEWSLETTER, GRANTED, 1, days(10)), event(BOB, NEWSLETTER, GRANTED, 1, days(10)));

      store().erase(ALICE);

      assertThat(store().grantedExpiringBy(days(20), 10)).singleElement()
          .returns(BOB, from(ConsentState::subject));
    }

    @Test
    @DisplayName("erasing a subject leaves the same id in another tenant untouched")
    void leavesOtherTenantsUntouched() {
      SubjectId acmeAlice = SubjectId.of(TenantId.of("acme"), "alice");
      SubjectId globexAlice = SubjectId.of(TenantId.of("globex"), "alice");
      append(event(acmeAlice, NEWSLETTER, GRANTED, 1), event(globexAlice, NEWSLETTER, GRANTED, 1));
      store().recordRestriction(restriction(globexAlice, true, 2));

      int removed = store().erase(acmeAlice);

      assertThat(removed).isEqualTo(1);
      assertThat(store().history(globexAlice)).hasSize(1);
      assertThat(store().current(globexAlice).isRestricted()).isTrue();
      assertThat(store().subjects(null, 10)).containsExactly(globexAlice);
    }
  }

  @Nested
  @DisplayName("concurrency")
  @Timeout(30)
  class Concurrency {

    @Test
    @DisplayName("racing writers that retry on conflicts leave one gap-free ledger")
    void serialisesRacingAppendsToOnePurpose() throws Exception {
      int threads = 8;
      int eventsPerThread = 25;

      List<List<ConsentEvent>> written =
          race(threads, RACE_TIMEOUT, thread -> appendRacing(ALICE, NEWSLETTER, eventsPerThread));

      int total = threads * eventsPerThread;
      List<ConsentEvent> history = store().history(ALICE, NEWSLETTER);
      assertThat(history).extracting(ConsentEvent::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
      assertThat(history).containsExactlyInAnyOrderElementsOf(written.stream().flatMap(List::stream).toList());
      assertThat(store().current(ALICE).state(NEWSLETTER)).returns((long) total, from(ConsentState::sequence));
      assertCurrentIsTheFold(ALICE, NEWSLETTER);
    }

    @Test
    @DisplayName("writers of distinct subjects never conflict and lose nothing")
    void keepsDistinctSubjectsApart() throws Exception {
      int threads = 8;
      int eventsPerPurpose = 20;

      race(threads, RACE_TIMEOUT, thread -> {
        SubjectId subject = SubjectId.of("racer-" + thread);
        for (int sequence = 1; sequence <= eventsPerPurpose; sequence++) {
          ConsentEventType type = sequence % 2 == 1 ? GRANTED : WITHDRAWN;
          store().append(event(subject, NEWSLETTER, type, sequence));
          store().append(event(subject, CALLS, type, sequence));
          store().recordSwitch(switchChange(subject, ProcessingSwitch.TRACKING, sequence % 2 == 0, sequence));
        }
        return List.of();
      });

      List<SubjectId> racers = IntStream.range(0, threads).mapToObj(i -> SubjectId.of("racer-" + i)).toList();
      assertThat(store().subjects(null, 100)).containsExactlyElementsOf(racers);
      for (SubjectId racer : racers) {
        for (String purpose : List.of(NEWSLETTER, CALLS)) {
          assertThat(store().history(racer, purpose)).extracting(ConsentEvent::sequence)
              .containsExactlyElementsOf(LongStream.rangeClosed(1, eventsPerPurpose).boxed().toList());
          assertCurrentIsTheFold(racer, purpose);
        }
        assertThat(store().switchHistory(racer)).hasSize(eventsPerPurpose);
        assertThat(store().current(racer).switchSetting(ProcessingSwitch.TRACKING)).isTrue();
      }
    }

    @Test
    @DisplayName("racing batches and single appends leave gap-free ledgers with every batch whole")
    void keepsBatchesWholeAmongSingleAppends() throws Exception {
      int threads = 8;
      int writesPerThread = 15;

      List<List<ConsentEvent>> written = race(threads, RACE_TIMEOUT, thread -> thread % 2 == 0
          ? appendRacing(ALICE, NEWSLETTER, writesPerThread)
          : appendBatchesRacing(writesPerThread));

      List<ConsentEvent> all = written.stream().flatMap(List::stream).toList();
      List<ConsentEvent> aliceHistory = store().history(ALICE, NEWSLETTER);
      List<ConsentEvent> bobHistory = store().history(BOB, NEWSLETTER);
      assertThat(aliceHistory).extracting(ConsentEvent::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, threads * writesPerThread).boxed().toList());
      assertThat(bobHistory).extracting(ConsentEvent::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, threads / 2 * writesPerThread).boxed().toList());
      List<ConsentEvent> stored = new ArrayList<>(aliceHistory);
      stored.addAll(bobHistory);
      assertThat(stored).containsExactlyInAnyOrderElementsOf(all);
      assertCurrentIsTheFold(ALICE, NEWSLETTER);
      assertCurrentIsTheFold(BOB, NEWSLETTER);
    }

    private List<ConsentEvent> appendRacing(SubjectId subject, String purpose, int count) {
      long deadline = System.nanoTime() + WRITER_PATIENCE.toNanos() * timeoutFactor();
      List<ConsentEvent> written = new ArrayList<>(count);
      while (written.size() < count) {
        ConsentEvent next = nextEvent(subject, purpose);
        try {
          store().append(next);
          written.add(next);
        } catch (ConsentConflictException lostTheRace) {
          checkDeadline(deadline);
        }
      }
      return written;
    }

    private List<ConsentEvent> appendBatchesRacing(int count) {
      long deadline = System.nanoTime() + WRITER_PATIENCE.toNanos() * timeoutFactor();
      List<ConsentEvent> written = new ArrayList<>(2 * count);
      int batches = 0;
      while (batches < count) {
        List<ConsentEvent> batch = List.of(nextEvent(ALICE, NEWSLETTER), nextEvent(BOB, NEWSLETTER));
        try {
          store().appendAll(batch);
          written.addAll(batch);
          batches++;
        } catch (ConsentConflictException lostTheRace) {
          checkDeadline(deadline);
        }
      }
      return written;
    }

    /** Reads the current sequence and returns the next event: grants at odd sequences, withdrawals at even ones. */
    private ConsentEvent nextEvent(SubjectId subject, String purpose) {
      ConsentState current = store().current(subject).state(purpose);
      long sequence = current == null ? 1 : current.sequence() + 1;
      return event(subject, purpose, sequence % 2 == 1 ? GRANTED : WITHDRAWN, sequence);
    }

    private static void checkDeadline(long deadline) {
      if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
        throw new AssertionError("a writer kept losing races for its whole patience");
      }
    }
  }

  /** Asserts that the store's current state of a subject and purpose is the fold of its history, and that it exists. */
  private void assertCurrentIsTheFold(SubjectId subject, String purpose) {
    Optional<ConsentState> fold = ConsentState.fold(store().history(subject, purpose));
    assertThat(fold).as("fold of the history of %s for %s", subject, purpose).isPresent();
    assertThat(store().current(subject).state(purpose)).as("current state of %s for %s", subject, purpose)
        .isEqualTo(fold.get());
  }

  private void append(ConsentEvent... events) {
    for (ConsentEvent event : events) {
      store().append(event);
    }
  }

  private Throwable catchAppend(ConsentEvent event) {
    return thrownBy(() -> store().append(event));
  }

  private Throwable catchAppendAll(List<ConsentEvent> events) {
    return thrownBy(() -> store().appendAll(events));
  }

  private static ConsentEvent event(SubjectId subject, String purpose, ConsentEventType type, long sequence) {
    return event(subject, purpose, type, sequence, null);
  }

  /** Returns an event that occurred {@code sequence} minutes after a fixed start, recorded at once. */
  private static ConsentEvent event(
      SubjectId subject, String purpose, ConsentEventType type, long sequence, @Nullable Instant expiresAt) {
    Instant occurredAt = START.plus(Duration.ofMinutes(sequence));
    return new ConsentEvent(UUID.randomUUID(), subject, purpose, type, sequence, occurredAt, occurredAt, PROOF,
        expiresAt, NOTICE_VERSION);
  }

  @Nested
  @DisplayName("versions and the unit of work")
  class VersionsAndUnitOfWork {

    @Test
    @DisplayName("a switch, restriction or objection change that is not next in its history is refused, writing nothing")
    void refusesAChangeThatIsNotNext() {
      store().recordSwitch(switchChange(ALICE, ProcessingSwitch.TRACKING, true, 1));
      SwitchChange stale = new SwitchChange(ALICE, ProcessingSwitch.TRACKING, false, Actor.subject(),
          START.plus(Duration.ofMinutes(2)), 1);
      RestrictionChange skipping = new RestrictionChange(ALICE, true, "accuracy contested (Art. 18(1)(a))",
          Actor.staff("dpo"), START, 2);
      ObjectionChange skippingObjection = new ObjectionChange(ALICE, NEWSLETTER, ObjectionStatus.OBJECTED, "",
          Actor.subject(), START, 3);

      assertThatThrownBy(() -> store().recordSwitch(stale)).isInstanceOf(ConsentConflictException.class);
      assertThatThrownBy(() -> store().recordRestriction(skipping)).isInstanceOf(ConsentConflictException.class);
      assertThatThrownBy(() -> store().recordObjection(skippingObjection))
          .isInstanceOf(ConsentConflictException.class);

      assertThat(store().switchHistory(ALICE)).hasSize(1);
      assertThat(store().current(ALICE).switchSetting(ProcessingSwitch.TRACKING)).isTrue();
      assertThat(store().restrictionHistory(ALICE)).isEmpty();
      assertThat(store().current(ALICE).isRestricted()).isFalse();
      assertThat(store().objectionHistory(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("of two writers that race for the next place in a history, exactly one wins")
    void letsOneOfTwoRacingChangesWin() throws Exception {
      List<Boolean> won = race(8, RACE_TIMEOUT, thread -> {
        try {
          store().recordRestriction(new RestrictionChange(ALICE, true, "objection pending (Art. 18(1)(d))",
              Actor.staff("dpo-" + thread), START, 1));
          return true;
        } catch (ConsentConflictException lost) {
          return false;
        }
      });

      assertThat(won).filteredOn(Boolean::booleanValue).hasSize(1);
      assertThat(store().restrictionHistory(ALICE)).hasSize(1);
    }

    @Test
    @DisplayName("a rolled-back unit of work leaves no event, change, snapshot or subject behind")
    void leavesNothingOfARolledBackUnit() {
      store().append(event(BOB, NEWSLETTER, GRANTED, 1));

      inRolledBackUnit(() -> {
        store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
        store().appendAll(List.of(event(ALICE, CALLS, GRANTED, 1), event(BOB, NEWSLETTER, WITHDRAWN, 2)));
        store().recordSwitch(switchChange(ALICE, ProcessingSwitch.PROFILING, true, 1));
        store().recordRestriction(restriction(ALICE, true, 2));
        store().recordObjection(objection(BOB, CALLS, ObjectionStatus.OBJECTED, 3));
      });

      assertThat(store().history(ALICE)).isEmpty();
      assertThat(store().current(ALICE).states()).isEmpty();
      assertThat(store().current(ALICE).isRestricted()).isFalse();
      assertThat(store().current(ALICE).switchSetting(ProcessingSwitch.PROFILING)).isNull();
      assertThat(store().switchHistory(ALICE)).isEmpty();
      assertThat(store().restrictionHistory(ALICE)).isEmpty();
      assertThat(store().objectionHistory(BOB)).isEmpty();
      assertThat(store().history(BOB)).hasSize(1);
      assertThat(store().current(BOB).state(NEWSLETTER).status()).isEqualTo(ConsentStatus.GRANTED);
      assertThat(store().subjects(null, 10)).containsExactly(BOB);
    }

    @Test
    @DisplayName("an erasure in a rolled-back unit of work keeps everything")
    void keepsWhatARolledBackErasureRemoved() {
      store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
      store().recordSwitch(switchChange(ALICE, ProcessingSwitch.TRACKING, true, 2));

      inRolledBackUnit(() -> store().erase(ALICE));

      assertThat(store().history(ALICE)).hasSize(1);
      assertThat(store().current(ALICE).state(NEWSLETTER).status()).isEqualTo(ConsentStatus.GRANTED);
      assertThat(store().switchHistory(ALICE)).hasSize(1);
      assertThat(store().subjects(null, 10)).containsExactly(ALICE);
    }
  }

  /**
   * Returns the next place in a subject's switch, restriction or objection history, counted in the order the test
   * builds its changes, which is the order it records them.
   */
  private long nextSequence(String history, SubjectId subject) {
    return sequences.merge(history + "/" + subject, 1L, Long::sum);
  }

  private SwitchChange switchChange(SubjectId subject, ProcessingSwitch processingSwitch, boolean on, int minute) {
    return new SwitchChange(subject, processingSwitch, on, Actor.subject(), START.plus(Duration.ofMinutes(minute)),
        nextSequence("switches", subject));
  }

  private RestrictionChange restriction(SubjectId subject, boolean restricted, int minute) {
    return new RestrictionChange(subject, restricted, "accuracy contested (Art. 18(1)(a))", Actor.staff("dpo"),
        START.plus(Duration.ofMinutes(minute)), nextSequence("restrictions", subject));
  }

  private ObjectionChange objection(SubjectId subject, String purpose, ObjectionStatus status, int minute) {
    return new ObjectionChange(subject, purpose, status, "", Actor.subject(), START.plus(Duration.ofMinutes(minute)),
        nextSequence("objections", subject));
  }

  private static RightToObjectPresentation presentation(SubjectId subject, String noticeVersion, int minute) {
    return new RightToObjectPresentation(subject, noticeVersion, ConsentChannel.WEB_FORM, "signup-form",
        START.plus(Duration.ofMinutes(minute)), Actor.subject());
  }

  private static Instant days(int days) {
    return START.plus(Duration.ofDays(days));
  }
}

package io.gdprkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class BulkUpdateTests {

  private static final Instant GIVEN_AT = Instant.parse("2026-03-01T00:00:00Z");
  private static final Origin FAIR = Origin.importFile("trade-fair-2026.csv");

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final FailingStore store = new FailingStore(ConsentStore.inMemory());
  private final GdprKit gdpr = GdprKit.builder()
      .clock(clock)
      .consentStore(store).allowGeneratedKeys()
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News").withConsentValidity(Period.ofYears(2)))
      .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
      .build();

  private static Stream<SubjectId> subjects(int count) {
    return IntStream.range(0, count).mapToObj(i -> SubjectId.of(String.format("lead-%04d", i)));
  }

  private BulkUpdate newsletterUpdate() {
    return BulkUpdate.of("newsletter", LegalBasis.CONSENT, FAIR, GIVEN_AT, Actor.staff("user-17"));
  }

  @Test
  void grantsToEverySelectedCandidateInBatchesWithProofSourceAndDate() {
    BulkUpdateReport report = gdpr.consents().bulkUpdate(newsletterUpdate().withBatchSize(7), subjects(50),
        (subject, current) -> !subject.value().endsWith("3"));

    assertThat(report.examined()).isEqualTo(50);
    assertThat(report.matched()).isEqualTo(45);
    assertThat(report.updated()).isEqualTo(45);
    assertThat(report.unchanged()).isZero();
    assertThat(report.failed()).isZero();
    assertThat(report.batchesCommitted()).isEqualTo(7);
    assertThat(store.appendAllCalls.get()).isEqualTo(7);
    SubjectId lead = SubjectId.of("lead-0001");
    assertThat(gdpr.consents().history(lead)).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(ConsentEventType.GRANTED);
      assertThat(event.occurredAt()).isEqualTo(GIVEN_AT);
      assertThat(event.recordedAt()).isEqualTo(clock.instant());
      assertThat(event.expiresAt()).isEqualTo(Instant.parse("2028-03-01T00:00:00Z"));
      assertThat(event.proof().channel()).isEqualTo(ConsentChannel.IMPORT);
      assertThat(event.proof().recordedBy()).isEqualTo(Actor.staff("user-17"));
      assertThat(event.proof().source()).isEqualTo(FAIR);
    });
    assertThat(gdpr.sources().tags(lead)).singleElement().extracting(t -> t.origin()).isEqualTo(FAIR);
    assertThat(gdpr.decide(lead, "newsletter").allowed()).isTrue();
    assertThat(gdpr.decide(SubjectId.of("lead-0003"), "newsletter").allowed()).isFalse();
  }

  @Test
  void selectsFromTheStoresSubjectsWithTheirCurrentConsents() {
    gdpr.consents().grant(SubjectId.of("a"), "newsletter", ConsentProof.webForm("f", "1").build());
    gdpr.consents().grant(SubjectId.of("b"), "newsletter", ConsentProof.webForm("f", "1").build());
    gdpr.consents().withdraw(SubjectId.of("b"), "newsletter");

    BulkUpdate afterTheWithdrawal = BulkUpdate.of("newsletter", LegalBasis.CONSENT, FAIR, clock.instant(),
        Actor.staff("user-17")).withBatchSize(1);

    BulkUpdateReport report = gdpr.consents().bulkUpdate(afterTheWithdrawal,
        (subject, current) -> current.state("newsletter") != null
            && current.state("newsletter").status() == ConsentStatus.WITHDRAWN);

    assertThat(report.examined()).isEqualTo(2);
    assertThat(report.matched()).isEqualTo(1);
    assertThat(report.updated()).isEqualTo(1);
    assertThat(gdpr.decide(SubjectId.of("b"), "newsletter").allowed()).isTrue();
  }

  @Test
  void leavesGrantedSubjectsUnchangedUnlessAskedToRenew() {
    gdpr.consents().grant(SubjectId.of("lead-0000"), "newsletter", ConsentProof.webForm("f", "1").build(),
        GIVEN_AT.minus(java.time.Duration.ofDays(30)));

    BulkUpdateReport first = gdpr.consents().bulkUpdate(newsletterUpdate(), subjects(3), (s, c) -> true);
    BulkUpdateReport renewed = gdpr.consents().bulkUpdate(newsletterUpdate().withRenewExisting(true), subjects(3),
        (s, c) -> true);

    assertThat(first.updated()).isEqualTo(2);
    assertThat(first.unchanged()).isEqualTo(1);
    assertThat(renewed.updated()).isEqualTo(3);
    assertThat(gdpr.consents().history(SubjectId.of("lead-0000"), "newsletter")).hasSize(2);
  }

  @Test
  void leavesSubjectsWhoDecidedAfterTheImportedDateUnchanged() {
    SubjectId withdrewLater = SubjectId.of("lead-0000");
    gdpr.consents().grant(withdrewLater, "newsletter", ConsentProof.webForm("f", "1").build(),
        GIVEN_AT.plus(java.time.Duration.ofDays(10)));
    gdpr.consents().withdraw(withdrewLater, "newsletter");

    BulkUpdateReport report = gdpr.consents().bulkUpdate(newsletterUpdate(), subjects(3), (s, c) -> true);

    assertThat(report.updated()).isEqualTo(2);
    assertThat(report.unchanged()).isEqualTo(1);
    assertThat(gdpr.decide(withdrewLater, "newsletter").allowed()).isFalse();
  }

  @Test
  void countsACandidateOfferedTwiceOnce() {
    BulkUpdateReport report = gdpr.consents().bulkUpdate(newsletterUpdate(),
        Stream.of(SubjectId.of("x"), SubjectId.of("x")), (s, c) -> true);

    assertThat(report.matched()).isEqualTo(2);
    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.unchanged()).isEqualTo(1);
    assertThat(gdpr.consents().history(SubjectId.of("x"))).hasSize(1);
  }

  @Test
  void rollsBackOnlyTheFailingBatchAndReportsItWithoutPersonalData() {
    store.failOnCall = 2;

    BulkUpdateReport report = gdpr.consents().bulkUpdate(newsletterUpdate().withBatchSize(10), subjects(30),
        (s, c) -> true);

    assertThat(report.updated()).isEqualTo(20);
    assertThat(report.failed()).isEqualTo(10);
    assertThat(report.batchesCommitted()).isEqualTo(2);
    assertThat(report.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.batch()).isEqualTo(1);
      assertThat(failure.subjects()).isEqualTo(10);
      // Issue 9: a store failure is reported as the kit's typed error, naming the host's exception class only
      assertThat(failure.reason()).isEqualTo("GdprStoreException: store failed to bulk-update consents: "
          + IllegalStateException.class.getName()).doesNotContain("lead-");
    });
    assertThat(report.updated() + report.unchanged() + report.failed()).isEqualTo(report.matched());
    assertThat(gdpr.decide(SubjectId.of("lead-0009"), "newsletter").allowed()).isTrue();
    assertThat(IntStream.range(10, 20).mapToObj(i -> SubjectId.of(String.format("lead-%04d", i))))
        .allSatisfy(s -> assertThat(gdpr.consents().history(s)).isEmpty());
    assertThat(gdpr.decide(SubjectId.of("lead-0020"), "newsletter").allowed()).isTrue();
  }

  @Test
  void rebuildsABatchWhenAConcurrentGrantWinsTheRace() {
    store.beforeAppendAll = () -> {
      store.beforeAppendAll = null;
      // another thread's grant, in a unit of its own (on this thread it would join the batch's unit)
      Thread other = new Thread(() -> gdpr.consents().grant(SubjectId.of("lead-0001"), "newsletter",
          ConsentProof.webForm("f", "1").build()));
      other.start();
      try {
        other.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };

    BulkUpdateReport report = gdpr.consents().bulkUpdate(newsletterUpdate(), subjects(3), (s, c) -> true);

    assertThat(report.failed()).isZero();
    assertThat(report.updated()).isEqualTo(2);
    assertThat(report.unchanged()).isEqualTo(1);
    assertThat(gdpr.consents().history(SubjectId.of("lead-0001"), "newsletter")).hasSize(1);
  }

  @Test
  void onlyTagsTheSourceForAPurposeNotBasedOnConsent() {
    BulkUpdate update = BulkUpdate.of("billing", LegalBasis.CONTRACT, FAIR, GIVEN_AT, Actor.staff("user-17"));

    BulkUpdateReport report = gdpr.consents().bulkUpdate(update, subjects(4), (s, c) -> true);

    assertThat(report.updated()).isEqualTo(4);
    assertThat(gdpr.consents().history(SubjectId.of("lead-0000"))).isEmpty();
    assertThat(gdpr.sources().subjectsFrom(FAIR, null, 10)).hasSize(4);
  }

  @Test
  void stopsBeforeWritingWhenTheStatedBasisDoesNotMatchThePurpose() {
    BulkUpdate wrong = BulkUpdate.of("billing", LegalBasis.CONSENT, FAIR, GIVEN_AT, Actor.staff("user-17"));

    assertThatThrownBy(() -> gdpr.consents().bulkUpdate(wrong, subjects(4), (s, c) -> true))
        .isInstanceOf(LegalBasisMismatchException.class);
    assertThat(gdpr.sources().subjectsFrom(FAIR, null, 10)).isEmpty();
  }

  @Test
  void refusesAnUnknownPurposeAFutureDateAndABadBatchSize() {
    BulkUpdate unknown = BulkUpdate.of("nope", LegalBasis.CONSENT, FAIR, GIVEN_AT, Actor.staff("u"));
    BulkUpdate future = BulkUpdate.of("newsletter", LegalBasis.CONSENT, FAIR, clock.instant().plusSeconds(60),
        Actor.staff("u"));

    assertThatThrownBy(() -> gdpr.consents().bulkUpdate(unknown, subjects(1), (s, c) -> true))
        .isInstanceOf(UnknownPurposeException.class);
    assertThatThrownBy(() -> gdpr.consents().bulkUpdate(future, subjects(1), (s, c) -> true))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("effectiveAt");
    assertThatThrownBy(() -> newsletterUpdate().withBatchSize(0)).isInstanceOf(InvalidInputException.class);
    assertThat(gdpr.consents().history(SubjectId.of("lead-0000"))).isEmpty();
  }

  /** A store that counts batches and can fail one or run code just before one. */
  private static final class FailingStore extends ForwardingConsentStore {
    final AtomicInteger appendAllCalls = new AtomicInteger();
    volatile int failOnCall = -1;
    volatile @Nullable Runnable beforeAppendAll;

    FailingStore(ConsentStore delegate) {
      super(delegate);
    }

    @Override
    public void appendAll(List<ConsentEvent> events) {
      Runnable before = beforeAppendAll;
      if (before != null) {
        before.run();
      }
      if (appendAllCalls.incrementAndGet() == failOnCall) {
        throw new IllegalStateException("disk full while writing lead-0010");
      }
      super.appendAll(events);
    }
  }
}

package io.gdprkit.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.authorisation.StaffUser;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.consent.PendingConsent;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.consent.SwitchChange;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** "Was it allowed then?": {@code decideAt} and {@code checkCampaign} from the ledger and the histories. Issue 10. */
class DecideAtTests {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final String NEWSLETTER = "newsletter";
  private static final String LEAD_SCORING = "lead-scoring";
  private static final String ANALYTICS = "analytics";

  private final TestClock clock = TestClock.at("2026-01-05T09:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");
  private final ConsentStore ledger = ConsentStore.inMemory();
  private final GdprKit gdpr = kit("v1");

  private GdprKit kit(String noticeVersion) {
    return GdprKit.builder().clock(clock).consentStore(ledger).allowGeneratedKeys()
        .purpose(Purpose.of(NEWSLETTER, LegalBasis.CONSENT, "Monthly newsletter")
            .withConsentValidity(Period.ofMonths(6)).withNoticeVersion(noticeVersion))
        .purpose(Purpose.of(LEAD_SCORING, LegalBasis.LEGITIMATE_INTERESTS, "Score leads")
            .requiring(ProcessingSwitch.PROFILING))
        .purpose(Purpose.of(ANALYTICS, LegalBasis.LEGITIMATE_INTERESTS, "Product analytics")
            .withDataCategories(DataCategory.BEHAVIOURAL))
        .build();
  }

  {
    // Art. 21(1): compelling grounds are recorded by staff the register authorises for the purpose's data
    gdpr.authorisations().grant(StaffUser.of("dpo"), DataCategory.BEHAVIOURAL, Actor.staff("admin"));
  }

  private static ConsentProof form() {
    return ConsentProof.webForm("signup", "v3").build();
  }

  /** Moves the clock on by an hour and returns the instant in between, when nothing happened. */
  private Instant anHourLater() {
    Instant between = clock.instant().plus(Duration.ofMinutes(30));
    clock.advance(HOUR);
    return between;
  }

  @Nested
  @DisplayName("consent (Art. 7)")
  class Consent {

    @Test
    @DisplayName("Art. 7(3): processing before the withdrawal is shown lawful, with the grant it rested on; after it, not")
    void showsProcessingBeforeAWithdrawalLawful() {
      ConsentEvent granted = gdpr.consents().grant(alice, NEWSLETTER, form());
      Instant sentBefore = anHourLater();
      ConsentEvent withdrawn = gdpr.consents().withdraw(alice, NEWSLETTER);
      Instant sentAfter = anHourLater();

      HistoricalDecision before = gdpr.decideAt(alice, NEWSLETTER, sentBefore);
      HistoricalDecision atWithdrawal = gdpr.decideAt(alice, NEWSLETTER, withdrawn.occurredAt());
      HistoricalDecision after = gdpr.decideAt(alice, NEWSLETTER, sentAfter);

      assertThat(gdpr.decide(alice, NEWSLETTER).reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
      assertThat(before.decision()).isEqualTo(Decision.of(DecisionReason.CONSENT_GIVEN, LegalBasis.CONSENT));
      assertThat(before.consent()).isEqualTo(granted);
      assertThat(before.consent().proof().formId()).isEqualTo("signup");
      assertThat(before.consent().sequence()).isEqualTo(1);
      assertThat(atWithdrawal.reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
      assertThat(after.allowed()).isFalse();
      assertThat(after.reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
      assertThat(after.consent()).isEqualTo(withdrawn);
    }

    @Test
    @DisplayName("Art. 7(1): an instant before the subject's first consent event answers NO_CONSENT with no evidence")
    void answersNoConsentBeforeTheSubjectExisted() {
      Instant before = anHourLater();
      gdpr.consents().grant(alice, NEWSLETTER, form());

      HistoricalDecision then = gdpr.decideAt(alice, NEWSLETTER, before);

      assertThat(then.reason()).isEqualTo(DecisionReason.NO_CONSENT);
      assertThat(then.consent()).isNull();
      assertThat(gdpr.decideAt(SubjectId.of("never-seen"), NEWSLETTER, before).reason())
          .isEqualTo(DecisionReason.NO_CONSENT);
    }

    @Test
    @DisplayName("Art. 7(1): a consent that expired later was valid then; once its validity ran out it was expired, recorded or not")
    void judgesExpiryAtTheInstant() {
      ConsentEvent granted = gdpr.consents().grant(alice, NEWSLETTER, form());
      Instant validThen = clock.instant().plus(Duration.ofDays(100));
      Instant expiredThen = granted.expiresAt().plus(HOUR);
      clock.advance(Duration.ofDays(200));
      gdpr.consents().recordExpiries(10);

      HistoricalDecision valid = gdpr.decideAt(alice, NEWSLETTER, validThen);
      HistoricalDecision expired = gdpr.decideAt(alice, NEWSLETTER, expiredThen);
      HistoricalDecision recorded = gdpr.decideAt(alice, NEWSLETTER, clock.instant());

      assertThat(gdpr.decide(alice, NEWSLETTER).reason()).isEqualTo(DecisionReason.CONSENT_EXPIRED);
      assertThat(valid.reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
      assertThat(expired.reason()).isEqualTo(DecisionReason.CONSENT_EXPIRED);
      assertThat(expired.consent()).as("the grant whose expiry had passed").isEqualTo(granted);
      assertThat(recorded.consent().type()).isEqualTo(ConsentEventType.EXPIRED);
    }

    @Test
    @DisplayName("Art. 7(1): a double opt-in not yet confirmed then was pending; from the confirmation on, given")
    void showsAPendingDoubleOptInThen() {
      PendingConsent pending = gdpr.consents().requestConfirmation(alice, NEWSLETTER, form());
      Instant waiting = anHourLater();
      ConsentEvent confirmed = gdpr.consents().confirm(pending.token());
      Instant confirmedThen = anHourLater();

      HistoricalDecision before = gdpr.decideAt(alice, NEWSLETTER, waiting);
      HistoricalDecision after = gdpr.decideAt(alice, NEWSLETTER, confirmedThen);

      assertThat(before.reason()).isEqualTo(DecisionReason.CONSENT_PENDING);
      assertThat(before.consent()).isEqualTo(pending.event());
      assertThat(after.reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
      assertThat(after.consent()).isEqualTo(confirmed);
    }

    @Test
    @DisplayName("Art. 7(1): an imported consent counts from when its proof says it was given, and shows when it was recorded")
    void countsAnImportedConsentFromWhenItOccurred() {
      Instant givenOnPaper = clock.instant().minus(Duration.ofDays(30));
      Instant beforeThat = givenOnPaper.minus(Duration.ofDays(1));
      ConsentEvent imported = gdpr.consents().grant(alice, NEWSLETTER,
          ConsentProof.imported("fair-2025.csv", Actor.staff("ops-1")).build(), givenOnPaper);

      HistoricalDecision then = gdpr.decideAt(alice, NEWSLETTER, givenOnPaper.plus(Duration.ofDays(1)));

      assertThat(then.reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
      assertThat(then.consent()).isEqualTo(imported);
      assertThat(then.consent().recordedAt()).isAfter(then.at());
      assertThat(gdpr.decideAt(alice, NEWSLETTER, beforeThat).reason()).isEqualTo(DecisionReason.NO_CONSENT);
    }

    @Test
    @DisplayName("Art. 7(1): the evidence names the notice version the consent rested on then, judged by the purpose as declared now")
    void namesTheNoticeVersionThen() {
      gdpr.consents().grant(alice, NEWSLETTER, form());
      Instant then = anHourLater();
      GdprKit republished = kit("v2");

      HistoricalDecision decided = republished.decideAt(alice, NEWSLETTER, then);

      assertThat(decided.allowed()).isTrue();
      assertThat(decided.consent().noticeVersion()).isEqualTo("v1");
      assertThat(republished.purposes().get(NEWSLETTER).noticeVersion()).isEqualTo("v2");
    }
  }

  @Nested
  @DisplayName("restriction, objection and switches")
  class Histories {

    @Test
    @DisplayName("Art. 18: processing was denied while the restriction was in force, and allowed before and after it")
    void followsARestrictionThroughTime() {
      Instant before = anHourLater();
      RestrictionChange placed = gdpr.restrictions().restrict(alice, "accuracy contested (Art. 18(1)(a))",
          Actor.staff("dpo"));
      Instant during = anHourLater();
      RestrictionChange lifted = gdpr.restrictions().lift(alice, "accuracy verified", Actor.staff("dpo"));
      Instant after = anHourLater();

      assertThat(gdpr.decideAt(alice, ANALYTICS, before).reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
      HistoricalDecision restricted = gdpr.decideAt(alice, ANALYTICS, during);
      assertThat(restricted.reason()).isEqualTo(DecisionReason.RESTRICTED);
      assertThat(restricted.restriction()).isEqualTo(placed);
      HistoricalDecision liftedThen = gdpr.decideAt(alice, ANALYTICS, after);
      assertThat(liftedThen.reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
      assertThat(liftedThen.restriction()).isEqualTo(lifted);
    }

    @Test
    @DisplayName("Art. 21: processing was denied while the objection stood, and allowed once it was withdrawn")
    void followsAnObjectionThroughTime() {
      Instant before = anHourLater();
      ObjectionChange objected = gdpr.restrictions().object(alice, ANALYTICS, "no analytics", Actor.subject())
          .objection();
      Instant during = anHourLater();
      gdpr.restrictions().withdrawObjection(alice, ANALYTICS, Actor.subject());
      Instant after = anHourLater();

      assertThat(gdpr.decideAt(alice, ANALYTICS, before).objection()).isNull();
      HistoricalDecision then = gdpr.decideAt(alice, ANALYTICS, during);
      assertThat(then.reason()).isEqualTo(DecisionReason.OBJECTED);
      assertThat(then.objection()).isEqualTo(objected);
      assertThat(gdpr.decideAt(alice, ANALYTICS, after).reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
      assertThat(gdpr.decideAt(alice, ANALYTICS, after).objection().status()).isEqualTo(ObjectionStatus.WITHDRAWN);
    }

    @Test
    @DisplayName("Art. 21(1): compelling grounds count only from when the controller recorded them")
    void countsCompellingGroundsFromTheirRecording() {
      gdpr.restrictions().object(alice, ANALYTICS, "no analytics", Actor.subject());
      Instant objected = anHourLater();
      ObjectionChange grounds = gdpr.restrictions().recordCompellingGrounds(alice, ANALYTICS,
          "fraud prevention outweighs the objection", Actor.staff("dpo"));
      Instant overridden = anHourLater();

      assertThat(gdpr.decideAt(alice, ANALYTICS, objected).reason()).isEqualTo(DecisionReason.OBJECTED);
      HistoricalDecision then = gdpr.decideAt(alice, ANALYTICS, overridden);
      assertThat(then.decision()).isEqualTo(
          Decision.of(DecisionReason.COMPELLING_GROUNDS, LegalBasis.LEGITIMATE_INTERESTS));
      assertThat(then.objection()).isEqualTo(grounds);
    }

    @Test
    @DisplayName("Art. 21(1): profiling needed the profiling switch on then; never set, it was at the kit's default")
    void followsTheProfilingSwitchThroughTime() {
      Instant neverSet = anHourLater();
      SwitchChange on = gdpr.consents().setSwitch(alice, ProcessingSwitch.PROFILING, true, Actor.subject());
      Instant whileOn = anHourLater();
      SwitchChange off = gdpr.consents().setSwitch(alice, ProcessingSwitch.PROFILING, false, Actor.subject());
      Instant whileOff = anHourLater();

      HistoricalDecision defaulted = gdpr.decideAt(alice, LEAD_SCORING, neverSet);
      HistoricalDecision allowed = gdpr.decideAt(alice, LEAD_SCORING, whileOn);
      HistoricalDecision denied = gdpr.decideAt(alice, LEAD_SCORING, whileOff);

      assertThat(defaulted.reason()).isEqualTo(DecisionReason.PROFILING_OFF);
      assertThat(defaulted.switches()).isEmpty();
      assertThat(allowed.reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
      assertThat(allowed.switches()).containsExactly(on);
      assertThat(denied.reason()).isEqualTo(DecisionReason.PROFILING_OFF);
      assertThat(denied.switches()).containsExactly(off);
    }
  }

  @Test
  @DisplayName("Art. 5(2): at the current instant, decideAt agrees with decide in every state, as both run the same rules")
  void agreesWithDecideAtTheCurrentInstant() {
    List<Runnable> steps = List.of(
        () -> gdpr.consents().requestConfirmation(alice, NEWSLETTER, form()),
        () -> gdpr.consents().grant(alice, NEWSLETTER, form()),
        () -> gdpr.consents().setSwitch(alice, ProcessingSwitch.PROFILING, true, Actor.subject()),
        () -> gdpr.restrictions().object(alice, ANALYTICS, "no analytics", Actor.subject()),
        () -> gdpr.restrictions().restrict(alice, "unlawful processing (Art. 18(1)(b))", Actor.staff("dpo")),
        () -> gdpr.restrictions().lift(alice, "resolved", Actor.staff("dpo")),
        () -> gdpr.restrictions().recordCompellingGrounds(alice, ANALYTICS, "legal claims", Actor.staff("dpo")),
        () -> clock.advance(Duration.ofDays(190)),
        () -> gdpr.consents().setSwitch(alice, ProcessingSwitch.PROFILING, false, Actor.subject()),
        () -> gdpr.consents().grant(alice, NEWSLETTER, form()),
        () -> gdpr.consents().withdraw(alice, NEWSLETTER));
    List<DecisionReason> seen = new ArrayList<>();

    for (Runnable step : steps) {
      step.run();
      clock.advance(Duration.ofMinutes(1));
      for (String purpose : List.of(NEWSLETTER, LEAD_SCORING, ANALYTICS)) {
        Decision now = gdpr.decide(alice, purpose);
        assertThat(gdpr.decideAt(alice, purpose, clock.instant()).decision()).as(purpose).isSameAs(now);
        seen.add(now.reason());
      }
    }

    assertThat(seen).contains(DecisionReason.CONSENT_PENDING, DecisionReason.CONSENT_GIVEN,
        DecisionReason.CONSENT_EXPIRED, DecisionReason.CONSENT_WITHDRAWN, DecisionReason.OBJECTED,
        DecisionReason.RESTRICTED, DecisionReason.COMPELLING_GROUNDS, DecisionReason.PROFILING_OFF,
        DecisionReason.LEGAL_BASIS);
  }

  @Test
  @DisplayName("Art. 7(3): a host's consent store that does not read the history up to an instant itself answers through the SPI's default")
  void answersOnAStoreThatKeepsTheDefaultHistoryRead() {
    ConsentStore inner = ConsentStore.inMemory();
    List<String> defaultsRun = new ArrayList<>();
    ConsentStore host = (ConsentStore) Proxy.newProxyInstance(ConsentStore.class.getClassLoader(),
        new Class<?>[] {ConsentStore.class}, (proxy, method, args) -> {
          if (method.isDefault()) {
            defaultsRun.add(method.getName());
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          try {
            return method.invoke(inner, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    GdprKit onHostStore = GdprKit.builder().clock(clock).consentStore(host).allowGeneratedKeys()
        .purpose(Purpose.of(NEWSLETTER, LegalBasis.CONSENT, "Monthly newsletter")).build();
    onHostStore.consents().grant(alice, NEWSLETTER, form());
    Instant sent = anHourLater();
    onHostStore.consents().withdraw(alice, NEWSLETTER);

    HistoricalDecision then = onHostStore.decideAt(alice, NEWSLETTER, sent);

    assertThat(then.reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
    assertThat(onHostStore.decideAt(alice, NEWSLETTER, clock.instant()).reason())
        .isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
    assertThat(defaultsRun).contains("historyUntil");
  }

  @Nested
  @DisplayName("erased subjects (Art. 17)")
  class Erased {

    @Test
    @DisplayName("Art. 17: before the erasure the ledger is gone, after it the subject counted as erased: both a typed error")
    void refusesToGuessForAnErasedSubject() {
      gdpr.consents().grant(alice, NEWSLETTER, form());
      Instant whileConsented = anHourLater();
      gdpr.erasure().erase(alice);
      Instant erasedAt = clock.instant();
      Instant afterErasure = anHourLater();

      HistoryErasedException before = catchThrowableOfType(
          () -> gdpr.decideAt(alice, NEWSLETTER, whileConsented), HistoryErasedException.class);
      HistoryErasedException after = catchThrowableOfType(
          () -> gdpr.decideAt(alice, ANALYTICS, afterErasure), HistoryErasedException.class);

      assertThat(before.erasedAt()).isEqualTo(erasedAt);
      assertThat(before.erasedBefore()).isFalse();
      assertThat(before.subject()).isEqualTo(alice);
      assertThat(before).hasMessageContaining("cannot be shown").hasMessageContaining("contact-42");
      assertThat(after.erasedBefore()).isTrue();
      assertThat(after.at()).isEqualTo(afterErasure);
      assertThat(gdpr.decide(alice, NEWSLETTER).reason()).as("decide reads no tombstone")
          .isEqualTo(DecisionReason.NO_CONSENT);
    }

    @Test
    @DisplayName("Art. 17: once a new collection was allowed, the new ledger answers; the time in between stays erased")
    void answersFromTheNewLedgerAfterARecollection() {
      gdpr.consents().grant(alice, NEWSLETTER, form());
      gdpr.erasure().erase(alice);
      Instant erasedThen = anHourLater();
      gdpr.erasure().allowRecollection(alice, Actor.staff("dpo"));
      Instant recollectedNoConsent = anHourLater();
      ConsentEvent again = gdpr.consents().grant(alice, NEWSLETTER, form());
      Instant consentedAgain = anHourLater();

      assertThatThrownBy(() -> gdpr.decideAt(alice, NEWSLETTER, erasedThen))
          .isInstanceOfSatisfying(HistoryErasedException.class, e -> assertThat(e.erasedBefore()).isTrue());
      assertThat(gdpr.decideAt(alice, NEWSLETTER, recollectedNoConsent).reason()).isEqualTo(DecisionReason.NO_CONSENT);
      assertThat(gdpr.decideAt(alice, NEWSLETTER, consentedAgain).consent()).isEqualTo(again);
    }
  }

  @Nested
  @DisplayName("campaign check (Art. 5(2), 7(3))")
  class Campaign {

    @Test
    @DisplayName("Art. 7(3): a campaign is checked after the fact: who was allowed at the send time, who was not, who was erased")
    void checksACampaignAfterTheFact() {
      SubjectId bob = SubjectId.of("contact-43");
      SubjectId carol = SubjectId.of("contact-44");
      SubjectId dave = SubjectId.of("contact-45");
      gdpr.consents().grant(alice, NEWSLETTER, form());
      gdpr.consents().grant(bob, NEWSLETTER, form());
      gdpr.consents().grant(dave, NEWSLETTER, form());
      gdpr.consents().withdraw(bob, NEWSLETTER);
      Instant sentAt = anHourLater();
      gdpr.consents().withdraw(alice, NEWSLETTER);
      gdpr.erasure().erase(dave);
      clock.advance(HOUR);

      CampaignCheck check = gdpr.decisions().checkCampaign(List.of(alice, bob, carol, dave), NEWSLETTER, sentAt);

      assertThat(check.allowed()).extracting(HistoricalDecision::subject).containsExactly(alice);
      assertThat(check.allowed().get(0).consent().type()).isEqualTo(ConsentEventType.GRANTED);
      assertThat(check.denied()).extracting(HistoricalDecision::subject, HistoricalDecision::reason)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(bob, DecisionReason.CONSENT_WITHDRAWN),
              org.assertj.core.groups.Tuple.tuple(carol, DecisionReason.NO_CONSENT));
      assertThat(check.erased()).singleElement().satisfies(erased -> {
        assertThat(erased.subject()).isEqualTo(dave);
        assertThat(erased.erasedBefore()).isFalse();
      });
      assertThat(check.checked()).isEqualTo(4);
      assertThat(check.allAllowed()).isFalse();
      assertThat(check.sentAt()).isEqualTo(sentAt);
      assertThat(gdpr.decisions().checkCampaign(List.of(alice), NEWSLETTER, sentAt).allAllowed()).isTrue();
    }

    @Test
    @DisplayName("a campaign check takes a bounded batch and refuses a larger one")
    void boundsTheBatch() {
      List<SubjectId> tooMany = Collections.nCopies(CampaignCheck.MAX_SUBJECTS + 1, alice);
      List<SubjectId> withNull = new ArrayList<>(List.of(alice));
      withNull.add(null);

      assertThat(gdpr.decisions().checkCampaign(Collections.nCopies(CampaignCheck.MAX_SUBJECTS, alice), NEWSLETTER,
          clock.instant()).checked()).isEqualTo(CampaignCheck.MAX_SUBJECTS);
      assertThatThrownBy(() -> gdpr.decisions().checkCampaign(tooMany, NEWSLETTER, clock.instant()))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("subjects"));
      assertThatThrownBy(() -> gdpr.decisions().checkCampaign(withNull, NEWSLETTER, clock.instant()))
          .isInstanceOf(NullPointerException.class).hasMessageContaining("subject");
      assertThatThrownBy(() -> gdpr.decisions().checkCampaign(List.of(alice), NEWSLETTER, clock.instant().plus(HOUR)))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sentAt"));
    }
  }

  @Nested
  @DisplayName("bad input")
  class BadInput {

    @Test
    @DisplayName("Art. 5(2): a future instant is refused with a typed error, as the ledger cannot show it yet")
    void refusesAFutureInstant() {
      Instant tomorrow = clock.instant().plus(Duration.ofDays(1));

      assertThatThrownBy(() -> gdpr.decideAt(alice, NEWSLETTER, tomorrow))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("at"))
          .hasMessageContaining("future");
      assertThat(gdpr.decideAt(alice, NEWSLETTER, clock.instant()).reason()).isEqualTo(DecisionReason.NO_CONSENT);
    }

    @Test
    @DisplayName("null arguments, instants out of range and undeclared purposes are refused")
    void refusesBadArguments() {
      Instant now = clock.instant();

      assertThatThrownBy(() -> gdpr.decideAt(null, NEWSLETTER, now)).isInstanceOf(NullPointerException.class)
          .hasMessageContaining("subject");
      assertThatThrownBy(() -> gdpr.decideAt(alice, null, now)).isInstanceOf(NullPointerException.class)
          .hasMessageContaining("purpose");
      assertThatThrownBy(() -> gdpr.decideAt(alice, NEWSLETTER, null)).isInstanceOf(NullPointerException.class)
          .hasMessageContaining("at");
      assertThatThrownBy(() -> gdpr.decideAt(alice, NEWSLETTER, Instant.EPOCH.minusSeconds(1)))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> gdpr.decideAt(alice, "profiling", now)).isInstanceOf(UnknownPurposeException.class);
      assertThatThrownBy(() -> gdpr.decideAt(alice, " ", now)).isInstanceOf(InvalidInputException.class);
    }
  }
}

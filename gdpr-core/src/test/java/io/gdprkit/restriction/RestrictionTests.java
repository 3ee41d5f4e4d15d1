package io.gdprkit.restriction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.authorisation.StaffUser;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.restriction.ObjectionRefusedException.Reason;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RestrictionTests {

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");
  private final Actor dpo = Actor.staff("dpo");
  private final GdprKit gdpr = GdprKit.builder()
      .clock(clock)
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Newsletter").asDirectMarketing())
      .purpose(Purpose.of("postal-offers", LegalBasis.LEGITIMATE_INTERESTS, "Offers by post").asDirectMarketing())
      .purpose(Purpose.of("fraud-checks", LegalBasis.LEGITIMATE_INTERESTS, "Fraud prevention")
          .withDataCategories(DataCategory.ONLINE_IDENTIFIERS))
      .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
      .build();
  private final RestrictionService restrictions = gdpr.restrictions();

  {
    // Art. 21(1): only staff in the register of authorised persons record compelling grounds
    gdpr.authorisations().grant(StaffUser.of("dpo"), DataCategory.ONLINE_IDENTIFIERS, Actor.staff("admin"));
  }

  @Nested
  class Restriction {

    @Test
    void deniesEveryPurposeUntilLifted() {
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());

      RestrictionChange placed = restrictions.restrict(alice, "accuracy contested (Art. 18(1)(a))", dpo);

      assertThat(placed.restricted()).isTrue();
      assertThat(restrictions.isRestricted(alice)).isTrue();
      for (String purpose : new String[] {"newsletter", "postal-offers", "fraud-checks", "billing"}) {
        assertThat(gdpr.decide(alice, purpose).reason()).as(purpose).isEqualTo(DecisionReason.RESTRICTED);
      }
      assertThat(gdpr.decide(SubjectId.of("bob"), "billing").allowed()).isTrue();

      clock.advance(Duration.ofDays(3));
      restrictions.lift(alice, "accuracy verified", dpo);

      assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
      assertThat(gdpr.decide(alice, "billing").reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
      assertThat(restrictions.history(alice)).extracting(RestrictionChange::restricted, RestrictionChange::changedAt)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(true, clock.instant().minus(Duration.ofDays(3))),
              org.assertj.core.groups.Tuple.tuple(false, clock.instant()));
    }

    @Test
    void keepsTheDataAndTheConsentLedgerAsTheyAre() {
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());

      restrictions.restrict(alice, "unlawful processing, erasure opposed (Art. 18(1)(b))", dpo);

      assertThat(gdpr.consents().history(alice)).hasSize(1);
      assertThat(gdpr.consents().state(alice, "newsletter")).isPresent();
    }

    @Test
    void restrictingTwiceChangesNothingAndLiftingAnUnrestrictedSubjectFails() {
      RestrictionChange first = restrictions.restrict(alice, "objection pending (Art. 18(1)(d))", dpo);

      assertThat(restrictions.restrict(alice, "again", dpo)).isEqualTo(first);
      assertThat(restrictions.history(alice)).hasSize(1);
      assertThatThrownBy(() -> restrictions.lift(SubjectId.of("bob"), "x", dpo))
          .isInstanceOf(RestrictionStateException.class).hasMessageContaining("bob");
      assertThat(restrictions.history(SubjectId.of("bob"))).isEmpty();
    }

    @Test
    void refusesABlankReason() {
      assertThatThrownBy(() -> restrictions.restrict(alice, " ", dpo))
          .isInstanceOf(io.gdprkit.InvalidInputException.class).hasMessage("reason must not be blank");
      assertThat(restrictions.isRestricted(alice)).isFalse();
    }
  }

  @Nested
  class Objection {

    @Test
    void toALegitimateInterestPurposeDeniesItUntilCompellingGroundsAreRecorded() {
      restrictions.object(alice, "fraud-checks", "I am not a fraud risk", Actor.subject());

      assertThat(gdpr.decide(alice, "fraud-checks").reason()).isEqualTo(DecisionReason.OBJECTED);
      assertThat(gdpr.decide(alice, "billing").allowed()).isTrue();

      restrictions.recordCompellingGrounds(alice, "fraud-checks", "chargebacks on the account", dpo);

      assertThat(gdpr.decide(alice, "fraud-checks").reason()).isEqualTo(DecisionReason.COMPELLING_GROUNDS);
      assertThat(restrictions.objections(alice)).containsEntry("fraud-checks", ObjectionStatus.OVERRIDDEN);
      assertThat(restrictions.objectionHistory(alice)).extracting(ObjectionChange::status)
          .containsExactly(ObjectionStatus.OBJECTED, ObjectionStatus.OVERRIDDEN);
    }

    @Test
    void toDirectMarketingIsAbsolute() {
      restrictions.object(alice, "postal-offers", "stop sending me offers", Actor.subject());

      assertThatThrownBy(() -> restrictions.recordCompellingGrounds(alice, "postal-offers", "we really want to", dpo))
          .isInstanceOfSatisfying(ObjectionRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.ABSOLUTE_FOR_DIRECT_MARKETING))
          .hasMessageContaining("Art. 21(3)");
      assertThat(gdpr.decide(alice, "postal-offers").reason()).isEqualTo(DecisionReason.OBJECTED);
      assertThat(restrictions.objectionHistory(alice)).hasSize(1);
    }

    @Test
    void toAConsentPurposeIsAWithdrawal() {
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());

      ObjectionOutcome outcome = restrictions.object(alice, "newsletter", "", Actor.subject());

      assertThat(outcome.withdrawal()).isNotNull();
      assertThat(outcome.withdrawal().type()).isEqualTo(ConsentEventType.WITHDRAWN);
      // a direct-marketing purpose: the objection to direct marketing, not the withdrawal, answers (Art. 21(3))
      assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.OBJECTED);
      assertThat(gdpr.consents().state(alice, "newsletter").orElseThrow().status())
          .isEqualTo(io.gdprkit.consent.ConsentStatus.WITHDRAWN);
      assertThatThrownBy(() -> restrictions.recordCompellingGrounds(alice, "newsletter", "x", dpo))
          .isInstanceOf(ObjectionRefusedException.class);
    }

    @Test
    void canBeWithdrawnByTheSubject() {
      restrictions.object(alice, "fraud-checks", "no", Actor.subject());

      restrictions.withdrawObjection(alice, "fraud-checks", Actor.subject());

      assertThat(gdpr.decide(alice, "fraud-checks").reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
      assertThatThrownBy(() -> restrictions.withdrawObjection(alice, "fraud-checks", Actor.subject()))
          .isInstanceOfSatisfying(ObjectionRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.NO_STANDING_OBJECTION));
    }

    @Test
    void refusesUnknownPurposesAndOverridesWithoutAnObjection() {
      assertThatThrownBy(() -> restrictions.object(alice, "nope", "x", Actor.subject()))
          .isInstanceOf(UnknownPurposeException.class);
      assertThatThrownBy(() -> restrictions.recordCompellingGrounds(alice, "fraud-checks", "x", dpo))
          .isInstanceOfSatisfying(ObjectionRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.NO_STANDING_OBJECTION));
      assertThat(restrictions.objectionHistory(alice)).isEmpty();
    }
  }
}

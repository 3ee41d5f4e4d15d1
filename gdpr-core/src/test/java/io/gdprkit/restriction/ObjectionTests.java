package io.gdprkit.restriction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.authorisation.NotAuthorisedException;
import io.gdprkit.authorisation.StaffUser;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.consent.RightToObjectPresentation;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.SpecialCategoryCondition;
import io.gdprkit.restriction.ObjectionRefusedException.Reason;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The right to object (Art. 21) by legal basis, for direct marketing as a whole, overrides and Art. 21(4). */
class ObjectionTests {

  private static final String GROUNDS = "Alice Smith says she moved to Lyon";
  private static final URI DPV_MARKETING = URI.create("https://w3id.org/dpv#Marketing");
  private static final URI DPV_TARGETED_ADVERTISING = URI.create("https://w3id.org/dpv#TargetedAdvertising");
  private static final URI DPV_FRAUD = URI.create("https://w3id.org/dpv#FraudPreventionAndDetection");

  private final TestClock clock = TestClock.at("2026-12-07T10:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");
  private final Actor dpo = Actor.staff("dpo");
  private final GdprKit gdpr = kit(ConsentStore.inMemory());
  private final RestrictionService restrictions = gdpr.restrictions();

  private static final List<String> DIRECT_MARKETING = List.of("newsletter", "postal-offers", "marketing-scores",
      "targeted-ads", "member-offers");

  private GdprKit kit(ConsentStore store, Purpose... more) {
    GdprKit.Builder builder = GdprKit.builder().clock(clock).consentStore(store).allowGeneratedKeys()
        // direct marketing, declared or classified by DPV, on four different bases
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Newsletter").asDirectMarketing())
        .purpose(Purpose.of("postal-offers", LegalBasis.LEGITIMATE_INTERESTS, "Offers by post").asDirectMarketing())
        .purpose(Purpose.of("marketing-scores", LegalBasis.LEGITIMATE_INTERESTS, "Scores for campaigns")
            .withDpvIri(DPV_MARKETING).requiring(ProcessingSwitch.PROFILING))
        .purpose(Purpose.of("targeted-ads", LegalBasis.CONSENT, "Ads for you").withDpvIri(DPV_TARGETED_ADVERTISING))
        .purpose(Purpose.of("member-offers", LegalBasis.CONTRACT, "Offers in the loyalty contract").asDirectMarketing())
        // not direct marketing
        .purpose(Purpose.of("fraud-scores", LegalBasis.LEGITIMATE_INTERESTS, "Fraud scoring").withDpvIri(DPV_FRAUD)
            .requiring(ProcessingSwitch.PROFILING).withDataCategories(DataCategory.ONLINE_IDENTIFIERS))
        .purpose(Purpose.of("census", LegalBasis.PUBLIC_TASK, "Statistics the law asks of us")
            .withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.HEALTH)
            .withSpecialCategoryCondition(SpecialCategoryCondition.SUBSTANTIAL_PUBLIC_INTEREST)
            .withRetention(Period.ofYears(5)))
        .purpose(Purpose.of("dispute-files", LegalBasis.LEGITIMATE_INTERESTS, "Files for a dispute")
            .withDataCategories(DataCategory.CONTACT_DETAILS).forLegalClaims().withRetention(Period.ofYears(3)))
        .purpose(Purpose.of("uncategorised", LegalBasis.LEGITIMATE_INTERESTS, "No categories declared"))
        .purpose(Purpose.of("analytics", LegalBasis.CONSENT, "Usage analytics"))
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
        .purpose(Purpose.of("tax-records", LegalBasis.LEGAL_OBLIGATION, "Tax law").withRetention(Period.ofYears(10)))
        .purpose(Purpose.of("emergency", LegalBasis.VITAL_INTERESTS, "Emergency contact"));
    for (Purpose purpose : more) {
      builder.purpose(purpose);
    }
    return builder.build();
  }

  private static String purposeOn(LegalBasis basis) {
    return switch (basis) {
      case CONSENT -> "analytics";
      case CONTRACT -> "billing";
      case LEGAL_OBLIGATION -> "tax-records";
      case VITAL_INTERESTS -> "emergency";
      case PUBLIC_TASK -> "census";
      case LEGITIMATE_INTERESTS -> "fraud-scores";
    };
  }

  private List<AuditEntry> trail() {
    return gdpr.audit().entries(TenantId.DEFAULT, 0, 100);
  }

  @Nested
  @DisplayName("Art. 21(1): which legal bases carry the right to object")
  class ByLegalBasis {

    @ParameterizedTest
    @EnumSource(value = LegalBasis.class, names = {"PUBLIC_TASK", "LEGITIMATE_INTERESTS"})
    @DisplayName("Art. 21(1): an objection to processing on Art. 6(1)(e) or (f) is recorded and stops it")
    void art21_1_acceptsAnObjectionOnPublicTaskOrLegitimateInterests(LegalBasis basis) {
      String purpose = purposeOn(basis);

      ObjectionOutcome outcome = restrictions.object(alice, purpose, GROUNDS, Actor.subject());

      assertThat(outcome.recorded()).isTrue();
      assertThat(outcome.objection().purpose()).isEqualTo(purpose);
      assertThat(outcome.purposes()).containsExactly(purpose);
      assertThat(gdpr.decide(alice, purpose).reason()).isEqualTo(DecisionReason.OBJECTED);
      assertThat(gdpr.decide(alice, purpose).legalBasis()).isEqualTo(basis);
    }

    @ParameterizedTest
    @EnumSource(value = LegalBasis.class, names = {"CONTRACT", "LEGAL_OBLIGATION", "VITAL_INTERESTS"})
    @DisplayName("Art. 21(1): an objection to processing on contract, legal obligation or vital interests is refused,"
        + " naming the basis")
    void art21_1_refusesAnObjectionOnContractLegalObligationOrVitalInterests(LegalBasis basis) {
      String purpose = purposeOn(basis);

      assertThatThrownBy(() -> restrictions.object(alice, purpose, GROUNDS, Actor.subject()))
          .isInstanceOfSatisfying(ObjectionRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.NO_RIGHT_TO_OBJECT);
            assertThat(e.basis()).isEqualTo(basis);
            assertThat(e.purpose()).isEqualTo(purpose);
          })
          .hasMessageContaining("Art. " + basis.article()).hasMessageContaining(basis.name())
          .hasMessageContaining("Art. 21(1)");
      assertThat(gdpr.decide(alice, purpose).reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
      assertThat(restrictions.objectionHistory(alice)).isEmpty();
      assertThat(trail()).isEmpty();
    }

    @Test
    @DisplayName("Art. 7(3): an objection to a consent purpose is refused; the consent stays until withdrawn")
    void art7_3_refusesAnObjectionToAConsentPurposeAndLeavesTheWithdrawalToTheSubject() {
      gdpr.consents().grant(alice, "analytics", ConsentProof.webForm("f", "1").build());

      assertThatThrownBy(() -> restrictions.object(alice, "analytics", "", Actor.subject()))
          .isInstanceOfSatisfying(ObjectionRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.CONSENT_PURPOSE);
            assertThat(e.basis()).isEqualTo(LegalBasis.CONSENT);
          })
          .hasMessageContaining("Art. 7(3)");

      assertThat(gdpr.decide(alice, "analytics").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
      assertThat(restrictions.objectionHistory(alice)).isEmpty();
      gdpr.consents().withdraw(alice, "analytics");
      assertThat(gdpr.decide(alice, "analytics").reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
    }

    @ParameterizedTest
    @EnumSource(LegalBasis.class)
    @DisplayName("Art. 21(2): an objection to direct marketing is accepted whatever the purpose's basis")
    void art21_2_acceptsAnObjectionToDirectMarketingOnEveryBasis(LegalBasis basis) {
      Purpose offers = Purpose.of("offers", basis, "Offers").asDirectMarketing();
      GdprKit kit = kit(ConsentStore.inMemory(), offers);
      if (basis == LegalBasis.CONSENT) {
        kit.consents().grant(alice, "offers", ConsentProof.webForm("f", "1").build());
      }

      ObjectionOutcome outcome = kit.restrictions().object(alice, "offers", "", Actor.subject());

      assertThat(outcome.recorded()).isTrue();
      assertThat(kit.decide(alice, "offers").reason()).isEqualTo(DecisionReason.OBJECTED);
      assertThat(kit.decide(alice, "offers").legalBasis()).isEqualTo(basis);
      assertThat(kit.decide(alice, "billing").allowed()).isTrue();
    }
  }

  @Nested
  @DisplayName("Art. 21(2)-(3): direct marketing as a whole")
  class DirectMarketingAsAWhole {

    @Test
    @DisplayName("Art. 21(2)-(3): an objection to one direct-marketing purpose stops every one, profiling for it"
        + " included, and withdraws their consents")
    void art21_3_oneObjectionStopsEveryDirectMarketingPurposeIncludingProfiling() {
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());
      gdpr.consents().grant(alice, "targeted-ads", ConsentProof.webForm("f", "1").build());
      gdpr.consents().grant(alice, "analytics", ConsentProof.webForm("f", "1").build());
      gdpr.consents().setSwitch(alice, ProcessingSwitch.PROFILING, true, Actor.subject());
      assertThat(DIRECT_MARKETING).allSatisfy(p -> assertThat(gdpr.decide(alice, p).allowed()).as(p).isTrue());

      ObjectionOutcome outcome = restrictions.object(alice, "postal-offers", "stop the letters", Actor.subject());

      assertThat(outcome.objection().purpose()).isEqualTo(ObjectionChange.DIRECT_MARKETING);
      assertThat(outcome.objection().note()).isEqualTo("stop the letters");
      assertThat(outcome.purposes()).containsExactlyElementsOf(DIRECT_MARKETING);
      assertThat(outcome.withdrawals()).extracting(ConsentEvent::purpose, ConsentEvent::type).containsExactly(
          org.assertj.core.groups.Tuple.tuple("newsletter", ConsentEventType.WITHDRAWN),
          org.assertj.core.groups.Tuple.tuple("targeted-ads", ConsentEventType.WITHDRAWN));
      assertThat(DIRECT_MARKETING).allSatisfy(
          p -> assertThat(gdpr.decide(alice, p).reason()).as(p).isEqualTo(DecisionReason.OBJECTED));
      // not direct marketing: profiling for fraud, a consent purpose, a contract
      assertThat(gdpr.decide(alice, "fraud-scores").reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
      assertThat(gdpr.decide(alice, "analytics").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
      assertThat(gdpr.decide(alice, "billing").reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
      assertThat(restrictions.objectsToDirectMarketing(alice)).isTrue();
      assertThat(restrictions.objections(alice))
          .containsExactly(java.util.Map.entry(ObjectionChange.DIRECT_MARKETING, ObjectionStatus.OBJECTED));
    }

    @Test
    @DisplayName("Art. 21(2): objectToDirectMarketing needs no grounds and no purpose, and is audited")
    void art21_2_objectsToDirectMarketingExplicitlyAndAuditsIt() {
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());

      ObjectionOutcome outcome = restrictions.objectToDirectMarketing(alice, Actor.system("gpc"));

      assertThat(outcome.recorded()).isTrue();
      assertThat(outcome.objection().note()).isEmpty();
      assertThat(outcome.withdrawals()).singleElement().isEqualTo(outcome.withdrawal());
      assertThat(outcome.withdrawal().proof().recordedBy()).isEqualTo(Actor.system("gpc"));
      assertThat(DIRECT_MARKETING).allSatisfy(
          p -> assertThat(gdpr.decide(alice, p).reason()).as(p).isEqualTo(DecisionReason.OBJECTED));
      assertThat(trail()).filteredOn(e -> e.record().kind() == AuditKind.OBJECTION_CHANGED).singleElement()
          .satisfies(entry -> {
            assertThat(entry.record().purpose()).isEqualTo(ObjectionChange.DIRECT_MARKETING);
            assertThat(entry.record().actor()).isEqualTo(Actor.system("gpc"));
            assertThat(entry.record().details()).containsEntry("status", "OBJECTED");
          });
    }

    @Test
    @DisplayName("Art. 21(3): the objection is absolute: neither compelling grounds nor legal claims override it")
    void art21_3_refusesEveryOverrideOfAnObjectionToDirectMarketing() {
      gdpr.authorisations().grantAllOrdinary(StaffUser.of("dpo"), clock.instant(), null, Actor.staff("admin"));
      restrictions.objectToDirectMarketing(alice, Actor.subject());

      for (String purpose : DIRECT_MARKETING) {
        assertThatThrownBy(() -> restrictions.recordCompellingGrounds(alice, purpose, "we want to", dpo))
            .isInstanceOfSatisfying(ObjectionRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.ABSOLUTE_FOR_DIRECT_MARKETING))
            .hasMessageContaining("Art. 21(3)");
        assertThatThrownBy(() -> restrictions.recordLegalClaims(alice, purpose, "claim 17", dpo))
            .isInstanceOfSatisfying(ObjectionRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.ABSOLUTE_FOR_DIRECT_MARKETING));
      }

      assertThat(restrictions.objectionHistory(alice)).hasSize(1);
      assertThat(DIRECT_MARKETING).allSatisfy(
          p -> assertThat(gdpr.decide(alice, p).reason()).as(p).isEqualTo(DecisionReason.OBJECTED));
    }

    @Test
    @DisplayName("Art. 21(3): a consent given later does not lift the objection; only its withdrawal does")
    void art21_3_standsUntilWithdrawnEvenAgainstALaterConsent() {
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());
      restrictions.object(alice, "newsletter", "", Actor.subject());

      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());

      assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.OBJECTED);

      restrictions.withdrawObjection(alice, "member-offers", Actor.subject());

      assertThat(restrictions.objectsToDirectMarketing(alice)).isFalse();
      assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
      assertThat(gdpr.decide(alice, "postal-offers").reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
      assertThat(gdpr.decide(alice, "targeted-ads").reason()).isEqualTo(DecisionReason.NO_CONSENT);
      assertThatThrownBy(() -> restrictions.withdrawObjectionToDirectMarketing(alice, Actor.subject()))
          .isInstanceOfSatisfying(ObjectionRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.NO_STANDING_OBJECTION);
            assertThat(e.basis()).isNull();
          });
    }

    @Test
    @DisplayName("Art. 21(2): objecting again while the objection stands writes nothing and withdraws nothing")
    void art21_2_objectingAgainChangesNothing() {
      ObjectionOutcome first = restrictions.objectToDirectMarketing(alice, Actor.system("gpc"));
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());

      ObjectionOutcome again = restrictions.object(alice, "newsletter", "", Actor.system("gpc"));

      assertThat(again.recorded()).isFalse();
      assertThat(again.objection()).isEqualTo(first.objection());
      assertThat(again.withdrawals()).isEmpty();
      assertThat(gdpr.consents().state(alice, "newsletter")).get()
          .extracting(s -> s.status()).isEqualTo(ConsentStatus.GRANTED);
      assertThat(restrictions.objectionHistory(alice)).hasSize(1);
      assertThat(trail()).extracting(e -> e.record().kind()).containsOnlyOnce(AuditKind.OBJECTION_CHANGED);
    }

    @Test
    @DisplayName("Art. 21(3): the objection covers a direct-marketing purpose declared after it")
    void art21_3_coversADirectMarketingPurposeDeclaredLater() {
      ConsentStore shared = ConsentStore.inMemory();
      kit(shared).restrictions().objectToDirectMarketing(alice, Actor.subject());

      GdprKit later = kit(shared, Purpose.of("sms-offers", LegalBasis.LEGITIMATE_INTERESTS, "Offers by SMS")
          .asDirectMarketing());

      assertThat(later.decide(alice, "sms-offers").reason()).isEqualTo(DecisionReason.OBJECTED);
    }

    @Test
    @DisplayName("Art. 21(3): decideAt shows every direct-marketing purpose allowed before the objection, objected"
        + " while it stood, and rests on it")
    void art21_3_decideAtFollowsTheObjectionToDirectMarketing() {
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());
      clock.advance(Duration.ofHours(1));
      java.time.Instant before = clock.instant();
      clock.advance(Duration.ofHours(1));
      ObjectionChange objected = restrictions.object(alice, "postal-offers", "", Actor.subject()).objection();
      clock.advance(Duration.ofHours(1));
      java.time.Instant during = clock.instant();
      clock.advance(Duration.ofHours(1));
      restrictions.withdrawObjectionToDirectMarketing(alice, Actor.subject());
      clock.advance(Duration.ofHours(1));

      assertThat(gdpr.decideAt(alice, "newsletter", before).reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
      assertThat(gdpr.decideAt(alice, "member-offers", before).reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
      for (String purpose : List.of("newsletter", "member-offers")) {
        var then = gdpr.decideAt(alice, purpose, during);
        assertThat(then.reason()).as(purpose).isEqualTo(DecisionReason.OBJECTED);
        assertThat(then.objection()).as(purpose).isEqualTo(objected);
      }
      assertThat(gdpr.decideAt(alice, "member-offers", clock.instant()).reason())
          .isEqualTo(DecisionReason.LEGAL_BASIS);
      assertThat(gdpr.decideAt(alice, "fraud-scores", during).objection()).isNull();
    }

    @Test
    @DisplayName("Art. 21(3): an objection kept under a purpose's id before it was declared direct marketing denies it,"
        + " and withdrawing the objection to that purpose ends it")
    void art21_3_withdrawsAnObjectionKeptUnderTheDirectMarketingPurposesId() {
      ConsentStore shared = ConsentStore.inMemory();
      kit(shared, Purpose.of("sms", LegalBasis.LEGITIMATE_INTERESTS, "Texts")).restrictions()
          .object(alice, "sms", "", Actor.subject());
      GdprKit reclassified = kit(shared, Purpose.of("sms", LegalBasis.LEGITIMATE_INTERESTS, "Texts")
          .asDirectMarketing());
      assertThat(reclassified.decide(alice, "sms").reason()).isEqualTo(DecisionReason.OBJECTED);
      assertThat(reclassified.decide(alice, "postal-offers").reason()).isEqualTo(DecisionReason.LEGAL_BASIS);

      ObjectionChange withdrawn = reclassified.restrictions().withdrawObjection(alice, "sms", Actor.subject());

      assertThat(withdrawn.purpose()).isEqualTo("sms");
      assertThat(withdrawn.status()).isEqualTo(ObjectionStatus.WITHDRAWN);
      assertThat(reclassified.decide(alice, "sms").reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
    }

    @Test
    @DisplayName("Art. 21(2): profiling counts as direct marketing when its DPV class is marketing, not otherwise")
    void art21_2_classifiesProfilingRelatedToDirectMarketing() {
      Purpose scores = Purpose.of("s", LegalBasis.LEGITIMATE_INTERESTS, "S").withDpvIri(DPV_MARKETING);

      assertThat(scores.directMarketing()).isFalse();
      assertThat(scores.requiring(ProcessingSwitch.PROFILING).directMarketing()).isTrue();
      assertThat(scores.withDpvIri(DPV_FRAUD).requiring(ProcessingSwitch.PROFILING).directMarketing()).isFalse();
      assertThat(scores.withDpvIri(Purpose.DPV_DIRECT_MARKETING).directMarketing()).isTrue();
      assertThat(scores.withDpvIri(URI.create("https://w3id.org/dpv#PublicRelations"))
          .requiring(ProcessingSwitch.PROFILING).directMarketing()).isFalse();
    }
  }

  @Nested
  @DisplayName("Art. 21(1): compelling legitimate grounds and legal claims")
  class Overrides {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    @DisplayName("Art. 21(1): blank compelling grounds are refused and the objection stands")
    void art21_1_refusesBlankGrounds(String blank) {
      gdpr.authorisations().grantAllOrdinary(StaffUser.of("dpo"), clock.instant(), null, Actor.staff("admin"));
      restrictions.object(alice, "fraud-scores", GROUNDS, Actor.subject());

      assertThatThrownBy(() -> restrictions.recordCompellingGrounds(alice, "fraud-scores", blank, dpo))
          .isInstanceOf(InvalidInputException.class).hasMessage("grounds must not be blank");
      assertThatThrownBy(() -> restrictions.recordLegalClaims(alice, "dispute-files", blank, dpo))
          .isInstanceOf(InvalidInputException.class).hasMessage("statement must not be blank");

      assertThat(gdpr.decide(alice, "fraud-scores").reason()).isEqualTo(DecisionReason.OBJECTED);
      assertThat(restrictions.objectionHistory(alice)).hasSize(1);
    }

    @Test
    @DisplayName("Art. 21(1): compelling grounds longer than 1000 characters are refused before the register is asked")
    void art21_1_refusesOverlongGrounds() {
      restrictions.object(alice, "fraud-scores", GROUNDS, Actor.subject());

      assertThatThrownBy(() -> restrictions.recordCompellingGrounds(alice, "fraud-scores", "x".repeat(1001), dpo))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("1000");

      assertThat(trail()).extracting(e -> e.record().kind()).containsExactly(AuditKind.OBJECTION_CHANGED);
    }

    @Test
    @DisplayName("Art. 21(1): the data subject or a system cannot record compelling grounds")
    void art21_1_refusesGroundsRecordedByTheSubjectOrASystem() {
      restrictions.object(alice, "fraud-scores", GROUNDS, Actor.subject());

      for (Actor notStaff : List.of(Actor.subject(), Actor.system("scoring-job"))) {
        assertThatThrownBy(() -> restrictions.recordCompellingGrounds(alice, "fraud-scores", "chargebacks", notStaff))
            .isInstanceOfSatisfying(ObjectionRefusedException.class, e -> {
              assertThat(e.reason()).isEqualTo(Reason.RECORDER_NOT_STAFF);
              assertThat(e.basis()).isEqualTo(LegalBasis.LEGITIMATE_INTERESTS);
            });
      }

      assertThat(gdpr.decide(alice, "fraud-scores").reason()).isEqualTo(DecisionReason.OBJECTED);
    }

    @Test
    @DisplayName("Art. 21(1): staff not authorised in the register for the purpose's data are refused, and audited")
    void art21_1_refusesStaffNotInTheRegisterAndAuditsTheRefusal() {
      restrictions.object(alice, "census", GROUNDS, Actor.subject());
      // every ordinary category, but census also processes health data (Art. 9), which needs its own grant
      gdpr.authorisations().grantAllOrdinary(StaffUser.of("dpo"), clock.instant(), null, Actor.staff("admin"));

      assertThatThrownBy(() -> restrictions.recordCompellingGrounds(alice, "census", "statutory survey", dpo))
          .isInstanceOfSatisfying(NotAuthorisedException.class, e -> {
            assertThat(e.category()).isEqualTo(DataCategory.HEALTH.id());
            assertThat(e.specialCategory()).isTrue();
          });
      assertThatThrownBy(() -> restrictions.recordCompellingGrounds(alice, "census", "statutory survey",
          Actor.staff("sales-3")))
          .isInstanceOf(NotAuthorisedException.class);

      assertThat(gdpr.decide(alice, "census").reason()).isEqualTo(DecisionReason.OBJECTED);
      assertThat(trail()).extracting(e -> e.record().kind()).containsSubsequence(AuditKind.OBJECTION_CHANGED,
          AuditKind.ACCESS_REFUSED, AuditKind.ACCESS_REFUSED);
    }

    @Test
    @DisplayName("Art. 21(1): grounds recorded by authorised staff override the objection and are audited without"
        + " their text")
    void art21_1_authorisedStaffOverrideTheObjectionAudited() {
      restrictions.object(alice, "census", "", Actor.subject());
      gdpr.authorisations().grantAllOrdinary(StaffUser.of("dpo"), clock.instant(), null, Actor.staff("admin"));
      gdpr.authorisations().grant(StaffUser.of("dpo"), DataCategory.HEALTH, Actor.staff("admin"));

      ObjectionChange change = restrictions.recordCompellingGrounds(alice, "census", GROUNDS, dpo);

      assertThat(change.status()).isEqualTo(ObjectionStatus.OVERRIDDEN);
      assertThat(change.note()).isEqualTo(GROUNDS);
      assertThat(change.changedBy()).isEqualTo(dpo);
      assertThat(gdpr.decide(alice, "census").reason()).isEqualTo(DecisionReason.COMPELLING_GROUNDS);
      AuditEntry last = trail().get(trail().size() - 1);
      assertThat(last.record().kind()).isEqualTo(AuditKind.OBJECTION_CHANGED);
      assertThat(last.record().details()).containsEntry("status", "OVERRIDDEN");
      assertThat(last.record().actor()).isEqualTo(dpo);
      assertThat(last.toString()).doesNotContain("Alice Smith", "Lyon");
    }

    @Test
    @DisplayName("Art. 21(1): a revoked grant no longer lets staff record grounds")
    void art21_1_refusesStaffWhoseGrantWasRevoked() {
      restrictions.object(alice, "fraud-scores", GROUNDS, Actor.subject());
      var grant = gdpr.authorisations().grant(StaffUser.of("dpo"), DataCategory.ONLINE_IDENTIFIERS,
          Actor.staff("admin"));
      gdpr.authorisations().revoke(grant.id(), Actor.staff("admin"));

      assertThatThrownBy(() -> restrictions.recordCompellingGrounds(alice, "fraud-scores", "chargebacks", dpo))
          .isInstanceOf(NotAuthorisedException.class);
      assertThat(gdpr.decide(alice, "fraud-scores").reason()).isEqualTo(DecisionReason.OBJECTED);
    }

    @Test
    @DisplayName("Art. 21(1): grounds for a purpose without declared data categories are refused")
    void art21_1_refusesGroundsForAPurposeWithoutDataCategories() {
      gdpr.authorisations().grantAllOrdinary(StaffUser.of("dpo"), clock.instant(), null, Actor.staff("admin"));
      restrictions.object(alice, "uncategorised", GROUNDS, Actor.subject());

      assertThatThrownBy(() -> restrictions.recordCompellingGrounds(alice, "uncategorised", "chargebacks", dpo))
          .isInstanceOfSatisfying(ObjectionRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.NO_DATA_CATEGORIES))
          .hasMessageContaining("Art. 30(1)(c)");
      assertThat(gdpr.decide(alice, "uncategorised").reason()).isEqualTo(DecisionReason.OBJECTED);
    }

    @Test
    @DisplayName("Art. 21(1): processing for legal claims goes on despite an objection, recorded by authorised staff")
    void art21_1_legalClaimsContinueALegalClaimsPurpose() {
      gdpr.authorisations().grant(StaffUser.of("legal-1"), DataCategory.CONTACT_DETAILS, Actor.staff("admin"));
      restrictions.object(alice, "dispute-files", GROUNDS, Actor.subject());
      assertThat(gdpr.decide(alice, "dispute-files").reason()).isEqualTo(DecisionReason.OBJECTED);

      ObjectionChange change = restrictions.recordLegalClaims(alice, "dispute-files", "claim 2026-117",
          Actor.staff("legal-1"));

      assertThat(change.status()).isEqualTo(ObjectionStatus.LEGAL_CLAIMS);
      assertThat(gdpr.decide(alice, "dispute-files").reason()).isEqualTo(DecisionReason.LEGAL_CLAIMS);
      assertThat(gdpr.decide(alice, "dispute-files").allowed()).isTrue();
      assertThat(trail().get(trail().size() - 1).record().details()).containsEntry("status", "LEGAL_CLAIMS");
    }

    @Test
    @DisplayName("Art. 21(1): legal claims are refused for a purpose not declared for them")
    void art21_1_refusesLegalClaimsForAnotherPurpose() {
      gdpr.authorisations().grantAllOrdinary(StaffUser.of("dpo"), clock.instant(), null, Actor.staff("admin"));
      restrictions.object(alice, "fraud-scores", GROUNDS, Actor.subject());

      assertThatThrownBy(() -> restrictions.recordLegalClaims(alice, "fraud-scores", "claim 17", dpo))
          .isInstanceOfSatisfying(ObjectionRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOR_LEGAL_CLAIMS));

      assertThat(gdpr.decide(alice, "fraud-scores").reason()).isEqualTo(DecisionReason.OBJECTED);
      ObjectionChange grounds = restrictions.recordCompellingGrounds(alice, "fraud-scores", "chargebacks", dpo);
      assertThat(grounds.status()).isEqualTo(ObjectionStatus.OVERRIDDEN);
    }
  }

  @Nested
  @DisplayName("Art. 21(4): presenting the right to object")
  class Presentation {

    @Test
    @DisplayName("Art. 21(4): the presentation is recorded with when, how and which notice version, and audited")
    void art21_4_recordsThePresentationWithTheNoticeVersion() {
      assertThat(restrictions.rightToObjectPresented(alice)).isFalse();
      assertThat(restrictions.rightToObjectPresentation(alice)).isEmpty();

      RightToObjectPresentation shown = restrictions.recordRightToObjectPresented(alice, "2026-03",
          ConsentChannel.WEB_FORM, "signup-form", Actor.subject());

      assertThat(restrictions.rightToObjectPresented(alice)).isTrue();
      assertThat(restrictions.rightToObjectPresented(SubjectId.of("bob"))).isFalse();
      assertThat(restrictions.rightToObjectPresentation(alice)).contains(shown);
      assertThat(shown.presentedAt()).isEqualTo(clock.instant());
      assertThat(shown.noticeVersion()).isEqualTo("2026-03");
      assertThat(shown.channel()).isEqualTo(ConsentChannel.WEB_FORM);
      assertThat(shown.reference()).isEqualTo("signup-form");
      assertThat(trail()).singleElement().satisfies(entry -> {
        assertThat(entry.record().kind()).isEqualTo(AuditKind.OBJECTION_RIGHT_PRESENTED);
        assertThat(entry.record().details()).containsEntry("noticeVersion", "2026-03")
            .containsEntry("channel", "WEB_FORM").containsEntry("reference", "signup-form");
      });
    }

    @Test
    @DisplayName("Art. 21(4): one record per notice version; the first presentation is the one that counts")
    void art21_4_keepsOneRecordPerNoticeVersion() {
      RightToObjectPresentation first = restrictions.recordRightToObjectPresented(alice, "2026-03",
          ConsentChannel.WEB_FORM, "signup-form", Actor.subject());
      clock.advance(Duration.ofDays(30));

      RightToObjectPresentation again = restrictions.recordRightToObjectPresented(alice, "2026-03",
          ConsentChannel.API, "monthly-offer", Actor.system("mailer"));
      RightToObjectPresentation newer = restrictions.recordRightToObjectPresented(alice, "2026-09",
          ConsentChannel.API, "monthly-offer", Actor.system("mailer"));

      assertThat(again).isEqualTo(first);
      assertThat(restrictions.rightToObjectPresentations(alice)).containsExactly(first, newer);
      assertThat(restrictions.rightToObjectPresentation(alice)).contains(first);
      assertThat(trail()).hasSize(2);
    }

    @Test
    @DisplayName("Art. 21(4): a malformed reference or notice version is refused and nothing is written")
    void art21_4_refusesMalformedValues() {
      assertThatThrownBy(() -> restrictions.recordRightToObjectPresented(alice, "2026-03", ConsentChannel.WEB_FORM,
          "alice smith's mail", Actor.subject())).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> restrictions.recordRightToObjectPresented(alice, " ", ConsentChannel.WEB_FORM,
          "signup-form", Actor.subject())).isInstanceOf(InvalidInputException.class);

      assertThat(restrictions.rightToObjectPresented(alice)).isFalse();
      assertThat(trail()).isEmpty();
    }

    @Test
    @DisplayName("Art. 17: erasing the subject erases the record of the presentation")
    void art17_erasesThePresentationWithTheSubject() {
      restrictions.recordRightToObjectPresented(alice, "2026-03", ConsentChannel.WEB_FORM, "signup-form",
          Actor.subject());

      gdpr.erasure().erase(alice);

      assertThat(restrictions.rightToObjectPresentations(alice)).isEmpty();
    }
  }

  @Nested
  @DisplayName("Art. 21: two instances objecting at once")
  class Races {

    /**
     * Two kits on one store stand for two application instances: they share no JVM lock, so both read the same
     * objection history before either writes, and the store's sequence check decides.
     */
    private ObjectionOutcome[] race(Function<GdprKit, ObjectionOutcome> first,
        Function<GdprKit, ObjectionOutcome> second) throws Exception {
      ConsentStore shared = ConsentStore.inMemory();
      CyclicBarrier bothRead = new CyclicBarrier(2);
      AtomicInteger reads = new AtomicInteger();
      ConsentStore meeting = (ConsentStore) Proxy.newProxyInstance(ConsentStore.class.getClassLoader(),
          new Class<?>[] {ConsentStore.class}, (proxy, method, args) -> {
            Object result;
            try {
              result = method.invoke(shared, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
            if (method.getName().equals("objectionHistory") && reads.incrementAndGet() <= 2) {
              bothRead.await(5, TimeUnit.SECONDS);   // neither writes before both have read
            }
            return result;
          });
      GdprKit one = kit(meeting);
      GdprKit two = kit(meeting);
      ExecutorService instances = Executors.newFixedThreadPool(2);
      try {
        CompletableFuture<ObjectionOutcome> a = CompletableFuture.supplyAsync(() -> first.apply(one), instances);
        CompletableFuture<ObjectionOutcome> b = CompletableFuture.supplyAsync(() -> second.apply(two), instances);

        ObjectionOutcome[] outcomes = {a.get(10, TimeUnit.SECONDS), b.get(10, TimeUnit.SECONDS)};
        assertThat(reads.get()).as("the loser read the history again").isGreaterThanOrEqualTo(3);
        assertThat(one.restrictions().objectionHistory(alice)).isEqualTo(two.restrictions().objectionHistory(alice));
        raced = one;
        return outcomes;
      } finally {
        instances.shutdownNow();
      }
    }

    private GdprKit raced;

    @Test
    @DisplayName("Art. 21(2): of two instances objecting to direct marketing at once, one records it and the other"
        + " finds it standing")
    void art21_2_twoRacingObjectionsToDirectMarketingRecordOne() throws Exception {
      ObjectionOutcome[] outcomes = race(kit -> kit.restrictions().objectToDirectMarketing(alice, Actor.subject()),
          kit -> kit.restrictions().object(alice, "postal-offers", "", Actor.system("gpc")));

      assertThat(outcomes).extracting(ObjectionOutcome::recorded).containsExactlyInAnyOrder(true, false);
      assertThat(outcomes[0].objection()).isEqualTo(outcomes[1].objection());
      assertThat(outcomes[0].objection().sequence()).isEqualTo(1);
    }

    @Test
    @DisplayName("Art. 21(1)-(2): two instances objecting to different purposes at once both record, one after the"
        + " other")
    void art21_twoRacingObjectionsToDifferentPurposesBothRecord() throws Exception {
      ObjectionOutcome[] outcomes = race(kit -> kit.restrictions().objectToDirectMarketing(alice, Actor.subject()),
          kit -> kit.restrictions().object(alice, "fraud-scores", GROUNDS, Actor.subject()));

      assertThat(outcomes).extracting(ObjectionOutcome::recorded).containsExactly(true, true);
      assertThat(outcomes).extracting(o -> o.objection().sequence()).containsExactlyInAnyOrder(1L, 2L);
      assertThat(raced.decide(alice, "fraud-scores").reason()).isEqualTo(DecisionReason.OBJECTED);
      assertThat(raced.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.OBJECTED);
    }
  }
}

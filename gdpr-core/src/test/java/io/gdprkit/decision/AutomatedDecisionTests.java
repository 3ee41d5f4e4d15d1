package io.gdprkit.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ExplicitConsentRequiredException;
import io.gdprkit.consent.ExplicitStatement;
import io.gdprkit.purpose.AutomatedDecision;
import io.gdprkit.purpose.AutomatedDecisionGround;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeConfigurationException;
import io.gdprkit.purpose.SpecialCategoryCondition;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.SubjectId;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Art. 22 GDPR: solely automated decisions with legal or similarly significant effect; Art. 9 special categories. */
class AutomatedDecisionTests {

  private static final URI REVIEW = URI.create("https://bank.example/credit/review");
  private static final AutomatedDecision DECLARED = AutomatedDecision.reviewedAt(REVIEW);
  private static final SubjectId ALICE = SubjectId.of("contact-42");

  private final TestClock clock = TestClock.at("2026-12-07T10:00:00Z");

  private static Purpose scoring(LegalBasis basis) {
    return Purpose.of("credit-scoring", basis, "Automated credit decision").withAutomatedDecision(DECLARED);
  }

  private GdprKit kitWith(Purpose... purposes) {
    return GdprKit.builder().clock(clock).purposes(java.util.List.of(purposes)).build();
  }

  @Nested
  @DisplayName("the basis of an automated decision (Art. 22(2))")
  class Basis {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = LegalBasis.class, names = {"CONSENT", "CONTRACT"})
    @DisplayName("Art. 22(2)(a), (c): an automated decision on explicit consent or for a contract is declared")
    void allowsConsentAndContract(LegalBasis basis) {
      GdprKit gdpr = kitWith(scoring(basis));

      AutomatedDecisionNotice notice = gdpr.decisions().automatedDecision("credit-scoring").orElseThrow();

      assertThat(notice.ground()).isEqualTo(basis == LegalBasis.CONSENT ? AutomatedDecisionGround.EXPLICIT_CONSENT
          : AutomatedDecisionGround.CONTRACT);
      assertThat(notice.ground().article()).isEqualTo(basis == LegalBasis.CONSENT ? "22(2)(c)" : "22(2)(a)");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = LegalBasis.class, names = {"LEGAL_OBLIGATION", "VITAL_INTERESTS", "PUBLIC_TASK",
        "LEGITIMATE_INTERESTS"})
    @DisplayName("Art. 22(2): an automated decision on another basis without an authorising law fails the build, "
        + "naming the purpose and the article")
    void refusesOtherBasesWithoutAnAuthorisingLaw(LegalBasis basis) {
      assertThatThrownBy(() -> kitWith(scoring(basis)))
          .isInstanceOfSatisfying(PurposeConfigurationException.class, e -> {
            assertThat(e.purpose()).isEqualTo("credit-scoring");
            assertThat(e.article()).isEqualTo("22(2)");
          })
          .hasMessageContaining("'credit-scoring'").hasMessageContaining("Art. 22(2)")
          .hasMessageContaining(basis.name());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LegalBasis.class)
    @DisplayName("Art. 22(2)(b): with a Union or member-state law that authorises it, any basis is declared")
    void allowsAnyBasisWithAnAuthorisingLaw(LegalBasis basis) {
      Purpose purpose = Purpose.of("tax-fraud-check", basis, "Automated tax-fraud screening")
          .withAutomatedDecision(DECLARED.authorisedBy("Abgabenordnung § 88(5)"));

      AutomatedDecisionNotice notice = kitWith(purpose).decisions().automatedDecision("tax-fraud-check").orElseThrow();

      assertThat(notice.authorisingLaw()).isEqualTo("Abgabenordnung § 88(5)");
      assertThat(notice.ground()).isEqualTo(basis == LegalBasis.CONSENT ? AutomatedDecisionGround.EXPLICIT_CONSENT
          : basis == LegalBasis.CONTRACT ? AutomatedDecisionGround.CONTRACT : AutomatedDecisionGround.AUTHORISED_BY_LAW);
    }

    @Test
    @DisplayName("Art. 22(3): an automated decision cannot be declared without a human-review path")
    void needsAHumanReviewPath() {
      assertThatThrownBy(() -> AutomatedDecision.reviewedAt(null)).isInstanceOf(NullPointerException.class)
          .hasMessageContaining("human review");
    }
  }

  @Nested
  @DisplayName("explicit consent (Art. 22(2)(c), Art. 9(2)(a))")
  class ExplicitConsent {

    private final GdprKit gdpr = kitWith(scoring(LegalBasis.CONSENT),
        Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter"));

    @Test
    @DisplayName("Art. 22(2)(c): a consent to an automated decision without an express statement is refused")
    void refusesAConsentThatIsNotExplicit() {
      assertThatThrownBy(() -> gdpr.consents().grant(ALICE, "credit-scoring", ConsentProof.webForm("apply", "2").build()))
          .isInstanceOfSatisfying(ExplicitConsentRequiredException.class,
              e -> assertThat(e.article()).isEqualTo("22(2)(c)"))
          .hasMessageContaining("Art. 22(2)(c)").hasMessageContaining("'credit-scoring'");
      assertThatThrownBy(() -> gdpr.consents().requestConfirmation(ALICE, "credit-scoring",
          ConsentProof.webForm("apply", "2").build())).isInstanceOf(ExplicitConsentRequiredException.class);

      assertThat(gdpr.consents().history(ALICE)).isEmpty();
      assertThat(gdpr.decide(ALICE, "credit-scoring").reason()).isEqualTo(DecisionReason.NO_CONSENT);
    }

    @Test
    @DisplayName("Art. 22(2)(c): an explicit consent is granted and its statement recorded as evidence (Art. 7(1))")
    void recordsTheExpressStatement() {
      ConsentEvent event = gdpr.consents().grant(ALICE, "credit-scoring", ConsentProof.webForm("apply", "2")
          .explicitly(ExplicitStatement.ELECTRONIC_SIGNATURE).build());

      assertThat(gdpr.decide(ALICE, "credit-scoring").allowed()).isTrue();
      assertThat(gdpr.consents().history(ALICE, "credit-scoring")).containsExactly(event);
      assertThat(event.proof().explicitStatement()).isEqualTo(ExplicitStatement.ELECTRONIC_SIGNATURE);
    }

    @Test
    @DisplayName("Art. 7: an ordinary consent purpose still takes a consent without an express statement")
    void ordinaryConsentNeedsNoStatement() {
      gdpr.consents().grant(ALICE, "newsletter", ConsentProof.webForm("signup", "3").build());

      assertThat(gdpr.decide(ALICE, "newsletter").allowed()).isTrue();
    }

    @Test
    @DisplayName("Art. 9(2)(a): special categories on explicit consent refuse a consent that is not explicit")
    void specialCategoriesOnExplicitConsentNeedTheStatement() {
      GdprKit health = kitWith(Purpose.of("health-tips", LegalBasis.CONSENT, "Tips from your health record")
          .withDataCategories(DataCategory.HEALTH)
          .withSpecialCategoryCondition(SpecialCategoryCondition.EXPLICIT_CONSENT));

      assertThatThrownBy(() -> health.consents().grant(ALICE, "health-tips", ConsentProof.inPerson("nurse-7").build()))
          .isInstanceOfSatisfying(ExplicitConsentRequiredException.class,
              e -> assertThat(e.article()).isEqualTo("9(2)(a)"));
      health.consents().grant(ALICE, "health-tips", ConsentProof.inPerson("nurse-7")
          .explicitly(ExplicitStatement.SIGNED_STATEMENT).build());
      assertThat(health.decide(ALICE, "health-tips").allowed()).isTrue();
    }
  }

  @Nested
  @DisplayName("the right to obtain human intervention (Art. 22(3))")
  class HumanIntervention {

    private final GdprKit gdpr = kitWith(scoring(LegalBasis.CONTRACT),
        Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"));

    @Test
    @DisplayName("Art. 22(3): an automated decision's purpose gives the subject the human-review path")
    void exposesTheHumanReviewPath() {
      AutomatedDecisionNotice notice = gdpr.decisions().automatedDecision("credit-scoring").orElseThrow();

      assertThat(notice.humanReview()).isEqualTo(REVIEW);
      assertThat(notice.purpose()).isEqualTo("credit-scoring");
      assertThat(notice.offersHumanIntervention()).isTrue();
      assertThat(gdpr.decisions().automatedDecision("billing")).isEmpty();
      assertThatThrownBy(() -> gdpr.decisions().automatedDecision("payroll"))
          .isInstanceOf(UnknownPurposeException.class);
      assertThat(gdpr.decide(ALICE, "credit-scoring").allowed()).isTrue();
    }

    @Test
    @DisplayName("Art. 22(2)(b): under an authorising law the law's safeguards apply instead of Art. 22(3)")
    void authorisingLawLaysDownItsOwnSafeguards() {
      GdprKit byLaw = kitWith(Purpose.of("tax-fraud-check", LegalBasis.LEGAL_OBLIGATION, "Screening")
          .withAutomatedDecision(DECLARED.authorisedBy("Abgabenordnung § 88(5)")));

      AutomatedDecisionNotice notice = byLaw.decisions().automatedDecision("tax-fraud-check").orElseThrow();

      assertThat(notice.offersHumanIntervention()).isFalse();
      assertThat(notice.humanReview()).isEqualTo(REVIEW);
    }

    @Test
    @DisplayName("Art. 22(3): deciding an automated decision and reading its notice allocate nothing")
    void decidingAndTheNoticeAllocateNothing() {
      com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long allowed = 0;
      for (int i = 0; i < 200_000; i++) { // warm up: let the JIT compile the path
        allowed += gdpr.decide(ALICE, "credit-scoring").allowed()
            && gdpr.decisions().automatedDecision("credit-scoring").isPresent() ? 1 : 0;
      }
      long threadId = Thread.currentThread().getId();

      long before = threads.getThreadAllocatedBytes(threadId);
      for (int i = 0; i < 100_000; i++) {
        allowed += gdpr.decide(ALICE, "credit-scoring").allowed()
            && gdpr.decisions().automatedDecision("credit-scoring").isPresent() ? 1 : 0;
      }
      long after = threads.getThreadAllocatedBytes(threadId);

      assertThat(allowed).isEqualTo(300_000);
      assertThat(after - before).isLessThan(1_000);
    }
  }

  @Nested
  @DisplayName("special categories (Art. 9(1), Art. 22(4))")
  class SpecialCategories {

    private static final Set<SpecialCategoryCondition> ALLOWED_IN_AUTOMATED = EnumSet.of(
        SpecialCategoryCondition.EXPLICIT_CONSENT, SpecialCategoryCondition.SUBSTANTIAL_PUBLIC_INTEREST);

    @ParameterizedTest(name = "{0}")
    @EnumSource(SpecialCategoryCondition.class)
    @DisplayName("Art. 22(4): an automated decision on special categories is declared only under Art. 9(2)(a) or (g)")
    void automatedDecisionOnSpecialCategoriesNeedsAOrG(SpecialCategoryCondition condition) {
      Purpose purpose = scoring(LegalBasis.CONSENT).withDataCategories(DataCategory.HEALTH)
          .withSpecialCategoryCondition(condition);

      if (ALLOWED_IN_AUTOMATED.contains(condition)) {
        assertThat(kitWith(purpose).decisions().automatedDecision("credit-scoring")).isPresent();
      } else {
        assertThatThrownBy(() -> kitWith(purpose))
            .isInstanceOfSatisfying(PurposeConfigurationException.class,
                e -> assertThat(e.article()).isEqualTo("22(4)"))
            .hasMessageContaining("Art. 22(4)").hasMessageContaining(condition.article());
      }
    }

    @Test
    @DisplayName("Art. 9(1): a purpose that processes special categories must name its Art. 9(2) condition")
    void specialCategoriesNeedACondition() {
      Purpose unnamed = Purpose.of("health-tips", LegalBasis.CONSENT, "Tips").withDataCategories(DataCategory.HEALTH);

      assertThatThrownBy(() -> kitWith(unnamed))
          .isInstanceOfSatisfying(PurposeConfigurationException.class, e -> {
            assertThat(e.purpose()).isEqualTo("health-tips");
            assertThat(e.article()).isEqualTo("9(1)");
          })
          .hasMessageContaining("Art. 9(1)");
      assertThat(kitWith(unnamed.withSpecialCategoryCondition(SpecialCategoryCondition.HEALTH_OR_SOCIAL_CARE))
          .purposes().get("health-tips").processesSpecialCategories()).isTrue();
      assertThat(kitWith(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices")
          .withDataCategories(DataCategory.FINANCIAL)).purposes().all()).hasSize(1);
    }
  }
}

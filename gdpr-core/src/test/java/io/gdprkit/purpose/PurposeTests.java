package io.gdprkit.purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import java.net.URI;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PurposeTests {

  @ParameterizedTest
  @EnumSource(LegalBasis.class)
  void mapsEveryLegalBasisToItsArticleAndDpvIris(LegalBasis basis) {
    String letter = basis.article().substring(5, 6);

    assertThat(basis.article()).matches("6\\(1\\)\\([a-f]\\)");
    assertThat(basis.gdprIri()).hasToString("https://w3id.org/dpv/legal/eu/gdpr#A6-1-" + letter);
    assertThat(basis.dpvIri().toString()).startsWith("https://w3id.org/dpv#");
  }

  @Test
  void usesTheDpvClassesOfTheReferenceTable() {
    assertThat(LegalBasis.CONSENT.dpvIri()).isEqualTo(URI.create("https://w3id.org/dpv#Consent"));
    assertThat(LegalBasis.LEGITIMATE_INTERESTS.dpvIri()).isEqualTo(URI.create("https://w3id.org/dpv#LegitimateInterest"));
    assertThat(LegalBasis.VITAL_INTERESTS.dpvIri()).isEqualTo(URI.create("https://w3id.org/dpv#VitalInterest"));
    assertThat(LegalBasis.PUBLIC_TASK.gdprIri()).isEqualTo(URI.create("https://w3id.org/dpv/legal/eu/gdpr#A6-1-e"));
  }

  @Test
  void carriesItsDeclarations() {
    Purpose purpose = Purpose.of("lead-scoring", LegalBasis.LEGITIMATE_INTERESTS, "Score leads")
        .withNoticeVersion("2026-11")
        .withDataCategories(DataCategory.BEHAVIOURAL, DataCategory.CONTACT_DETAILS)
        .withDpvIri(URI.create("https://w3id.org/dpv#CustomerRelationshipManagement"))
        .requiring(ProcessingSwitch.PROFILING);

    assertThat(purpose.noticeVersion()).isEqualTo("2026-11");
    assertThat(purpose.dataCategories()).containsExactlyInAnyOrder(DataCategory.BEHAVIOURAL, DataCategory.CONTACT_DETAILS);
    assertThat(purpose.requiredSwitches()).containsExactly(ProcessingSwitch.PROFILING);
    assertThat(purpose.needsConsent()).isFalse();
    assertThat(Purpose.of("x", LegalBasis.CONSENT, "X").dpvIri()).isEqualTo(Purpose.DPV_PURPOSE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "News", "has space", "-x", "a-purpose-id-that-is-much-longer-than-sixty-four-characters-in-all-x"})
  void refusesMalformedIds(String id) {
    assertThatThrownBy(() -> Purpose.of(id, LegalBasis.CONSENT, "X")).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("purpose id ");
  }

  @Test
  void allowsAConsentValidityOnlyOnConsentPurposes() {
    assertThatThrownBy(() -> Purpose.of("b", LegalBasis.CONTRACT, "B").withConsentValidity(Period.ofMonths(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("CONSENT");
    assertThatThrownBy(() -> Purpose.of("n", LegalBasis.CONSENT, "N").withConsentValidity(Period.ZERO))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("positive");
  }

  @Test
  void registryFindsDeclaredPurposesAndRefusesOthersAndDuplicates() {
    Purpose news = Purpose.of("newsletter", LegalBasis.CONSENT, "News");
    PurposeRegistry registry = PurposeRegistry.of(List.of(news));

    assertThat(registry.get("newsletter")).isSameAs(news);
    assertThat(registry.find("other")).isEmpty();
    assertThatThrownBy(() -> registry.get("other")).isInstanceOfSatisfying(UnknownPurposeException.class,
        e -> assertThat(e.purpose()).isEqualTo("other"));
    assertThatThrownBy(() -> PurposeRegistry.of(List.of(news, news))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("declared twice");
  }

  @Test
  void keepsEveryDeclarationWhenAnotherIsAdded() {
    AutomatedDecision review = AutomatedDecision.reviewedAt(URI.create("https://example.com/review"))
        .authorisedBy("Consumer Credit Act s. 12");
    Purpose purpose = Purpose.of("credit-check", LegalBasis.CONTRACT, "Automated credit decision")
        .asDirectMarketing()
        .withRetention(Period.ofYears(6))
        .forLegalClaims()
        .withAutomatedDecision(review)
        .withDataCategories(DataCategory.HEALTH)
        .withSpecialCategoryCondition(SpecialCategoryCondition.EXPLICIT_CONSENT)
        .notInformationSocietyService()
        .withNoticeVersion("3");

    assertThat(purpose.directMarketing()).isTrue();
    assertThat(purpose.retention()).isEqualTo(Period.ofYears(6));
    assertThat(purpose.legalClaims()).isTrue();
    assertThat(purpose.automatedDecision()).isEqualTo(review);
    assertThat(purpose.specialCategoryCondition().article()).isEqualTo("9(2)(a)");
    assertThat(purpose.processesSpecialCategories()).isTrue();
    assertThat(purpose.informationSocietyService()).isFalse();
    assertThat(purpose.noticeVersion()).isEqualTo("3");
    assertThat(Purpose.of("x", LegalBasis.CONSENT, "X").informationSocietyService()).isTrue();
  }

  @Test
  void refusesAnUnboundedRetentionAndARelativeReviewAddress() {
    Purpose purpose = Purpose.of("invoices", LegalBasis.LEGAL_OBLIGATION, "Tax records");

    assertThatThrownBy(() -> purpose.withRetention(Period.ofYears(-1))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("retention");
    assertThatThrownBy(() -> AutomatedDecision.reviewedAt(URI.create("/review")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("human review");
  }
}

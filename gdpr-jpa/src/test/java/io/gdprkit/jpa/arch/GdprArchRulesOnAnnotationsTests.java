package io.gdprkit.jpa.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.test.arch.GdprArchRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * gdpr-test's rules on gdpr-jpa's real annotations, which gdpr-test reads by name: the host models of the provider's
 * and the interceptor's tests pass, and an entity that breaks every rule fails each of them.
 */
class GdprArchRulesOnAnnotationsTests {

  @Test
  @DisplayName("the rules name the annotations gdpr-jpa declares")
  void nameTheRealAnnotations() {
    assertThat(GdprArchRules.PERSONAL_DATA).isEqualTo(PersonalData.class.getName());
    assertThat(GdprArchRules.DATA_SUBJECT).isEqualTo(DataSubject.class.getName());
  }

  @Test
  @DisplayName("Art. 15, 17, 25: the host models of gdpr-jpa's tests keep personal data erasable, linked and unlogged")
  void passTheHostModels() {
    JavaClasses models = new ClassFileImporter()
        // Its fixtures are wrong on purpose, such as an entity without a subject link, which the rules find.
        .withImportOption(location -> !location.contains("/PersonalDataEntitiesTests"))
        .importPackages("io.gdprkit.jpa.provider.host", "io.gdprkit.jpa.interceptor");
    assertThat(models.contain("io.gdprkit.jpa.interceptor.ContactNote")).isTrue();

    GdprArchRules.all().check(models);
  }

  @Test
  @DisplayName("Art. 5(1)(f), 15, 17(1): an entity with the real annotations that breaks each rule fails each")
  void failAnEntityBreakingEveryRule() {
    JavaClasses careless = new ClassFileImporter().importPackages("io.gdprkit.jpa.arch.bad");

    assertThat(GdprArchRules.personalDataHasAnErasureStrategy().evaluate(careless).getFailureReport().getDetails())
        .singleElement().asString().contains("CarelessContact.phone");
    assertThat(GdprArchRules.personalDataEntitiesHaveASubjectLink().evaluate(careless).getFailureReport()
        .getDetails()).singleElement().asString().contains("CarelessContact holds @PersonalData but has no");
    assertThat(GdprArchRules.personalDataIsNotLogged().evaluate(careless).getFailureReport().getDetails())
        .singleElement().asString().contains("CarelessContact.getEmail()").contains("java.io.PrintStream.println");
  }
}

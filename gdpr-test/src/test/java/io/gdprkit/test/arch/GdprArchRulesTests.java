package io.gdprkit.test.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules a host runs against its own code, on small sample classes: {@code sample.good} passes every rule, and each
 * class of {@code sample.bad} breaks one, named with its member and line.
 */
class GdprArchRulesTests {

  private static final String SAMPLES = "io.gdprkit.test.arch.sample";
  private static final JavaClasses GOOD = new ClassFileImporter().importPackages(SAMPLES + ".good");
  private static final JavaClasses ALL = new ClassFileImporter().importPackages(SAMPLES);

  @Test
  @DisplayName("Art. 17, 25: classes that keep personal data erasable, linked and out of logs pass every rule")
  void passesAGoodModel() {
    assertThat(GOOD.contain(SAMPLES + ".good.CustomerService")).isTrue();

    GdprArchRules.all().check(GOOD);
  }

  @Test
  @DisplayName("Art. 17(1), 25(1): a @PersonalData field or getter without a strategy or a retention fails")
  void failsPersonalDataWithoutAnErasureStrategy() {
    List<String> violations = violations(GdprArchRules.personalDataHasAnErasureStrategy());

    assertThat(violations).hasSize(2);
    assertThat(violations).anySatisfy(v -> assertThat(v).contains("Unstrategic.phone").contains("Art. 17(1)"));
    assertThat(violations).anySatisfy(v -> assertThat(v).contains("Unstrategic.getNickname()"));
  }

  @Test
  @DisplayName("Art. 15, 17: an entity with personal data and no @DataSubject fails; a mapped superclass is left to"
      + " the entities extending it")
  void failsPersonalDataWithoutASubjectLink() {
    List<String> violations = violations(GdprArchRules.personalDataEntitiesHaveASubjectLink());

    assertThat(violations).singleElement().asString().contains(SAMPLES + ".bad.Unlinked")
        .contains("no @DataSubject").contains("Unlinked.java");
  }

  @Test
  @DisplayName("Art. 5(1)(f), 32(1): every route of a personal-data getter's value into a log fails, each once, with"
      + " its line; masked values, ids, lengths and other streams pass")
  void failsPersonalDataPassedToALogger() {
    List<String> violations = violations(GdprArchRules.personalDataIsNotLogged());

    assertThat(violations).allSatisfy(v -> assertThat(v).contains(SAMPLES + ".bad."));
    assertThat(violations).extracting(GdprArchRulesTests::method).containsExactlyInAnyOrder(
        "LeakyService.direct", "LeakyService.concatenated", "LeakyService.throughALocal",
        "LeakyService.throughABuilder", "LeakyService.formatted", "LeakyService.asVarargs",
        "LeakyService.onOneBranch", "LeakyService.fluently", "LeakyService.toJavaUtilLogging",
        "LeakyService.toStandardOut", "LeakyService.toStandardErr", "ChattyContact.changed");
    assertThat(violations).anySatisfy(v -> assertThat(v)
        .contains("passes the value of <" + SAMPLES + ".good.Customer.getEmail()> to <org.slf4j.Logger.info>")
        .contains("(LeakyService.java:15)"));
    assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("Method <" + SAMPLES + ".bad.LeakyService"
        + ".asVarargs(").contains("CustomerNote.getText()"));
    assertThat(violations).anySatisfy(v -> assertThat(v).contains("ChattyContact.email")
        .contains("java.util.logging.Logger.info"));
  }

  @Test
  @DisplayName("the rules together fail a host's build with every violation, and pass classes without annotations")
  void checksEveryRuleAtOnce() {
    JavaClasses plain = new ClassFileImporter().importClasses(GdprArchRulesTests.class);

    GdprArchRules.all().check(plain);
    assertThatThrownBy(() -> GdprArchRules.all().check(ALL)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Unstrategic.phone").hasMessageContaining("bad.Unlinked")
        .hasMessageContaining("LeakyService.direct");
  }

  private static List<String> violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(ALL);
    return result.getFailureReport().getDetails();
  }

  /** Returns {@code Class.method} of a violation that starts with {@code Method <package.Class.method(...)>}. */
  private static String method(String violation) {
    String name = violation.substring(violation.indexOf('<') + 1, violation.indexOf('('));
    String[] parts = name.split("\\.");
    return parts[parts.length - 2] + "." + parts[parts.length - 1];
  }
}

package io.gdprkit.spring.autoconfigure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * The auto-configurations of the core, JPA, transactions, consent guard and schedules are {@code final} and expose
 * no public members, as Spring Boot's own are (CONVENTIONS.md, ArchUnit rule 8): a host configures them through
 * properties and beans, never by calling or extending them.
 */
class AutoConfigurationShapeTests {

  private static final String[] PACKAGES = {"io.gdprkit.spring.autoconfigure", "io.gdprkit.spring.jpa",
      "io.gdprkit.spring.transaction", "io.gdprkit.spring.consent", "io.gdprkit.spring.schedule"};

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(PACKAGES);

  @Test
  void autoConfigurationsAreFinal() {
    classes().that().areAnnotatedWith(AutoConfiguration.class).should().haveModifier(
        com.tngtech.archunit.core.domain.JavaModifier.FINAL).check(classes);
  }

  @Test
  void autoConfigurationsHaveNoPublicMethods() {
    methods().that().areDeclaredInClassesThat().areAnnotatedWith(AutoConfiguration.class).should().notBePublic()
        .check(classes);
  }

  @Test
  void autoConfigurationsHaveNoPublicConstructors() {
    constructors().that().areDeclaredInClassesThat().areAnnotatedWith(AutoConfiguration.class).should()
        .notBePublic().check(classes);
  }
}

package io.gdprkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps gdpr-core framework-free and its features in their lanes.
 *
 * <p>Each {@code ArchRule} field is one rule, run as a dynamic test over the main classes imported once.
 * (ArchUnit's own JUnit engine is not discovered on JUnit Platform 6 in this build, and a rule that never
 * runs cannot fail.)
 */
class ArchitectureTests {

  private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.gdprkit");

  @TestFactory
  Stream<DynamicTest> rules() {
    return Arrays.stream(ArchitectureTests.class.getDeclaredFields())
        .filter(field -> ArchRule.class.isAssignableFrom(field.getType()))
        .map(field -> DynamicTest.dynamicTest(field.getName(), () -> ((ArchRule) field.get(null)).check(MAIN_CLASSES)));
  }

  @Test
  void importsTheWholeCore() {
    assertThat(MAIN_CLASSES.containPackage("io.gdprkit.consent.internal")).isTrue();
    assertThat(Arrays.stream(ArchitectureTests.class.getDeclaredFields())
        .filter(field -> ArchRule.class.isAssignableFrom(field.getType()))).hasSizeGreaterThanOrEqualTo(11);
  }

  static final ArchRule coreImportsNoFramework = noClasses().that().resideInAPackage("io.gdprkit..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
          "javax.persistence..", "org.hibernate..")
      .because("gdpr-core must run in any JVM application, with or without a framework");

  static final ArchRule internalsStayInTheirFeature = classes()
      .that().resideInAPackage("io.gdprkit.(*).internal..")
      .should(onlyBeAccessedFromTheirOwnFeatureOrTheFacade())
      .because("a feature's internal package is its own; other features use its API");

  static final ArchRule spiHoldsOnlyContracts = classes().that().resideInAPackage("..spi..")
      .should().beInterfaces().orShould().beRecords().orShould().beEnums()
      .because("an SPI package holds what adapters implement, nothing else");

  static final ArchRule featuresAreFreeOfCycles = slices().matching("io.gdprkit.(*)..").should().beFreeOfCycles();

  static final ArchRule publicTypesCarryApiStatus = classes()
      .that().arePublic().and().areTopLevelClasses().and().doNotHaveSimpleName("package-info")
      .should().beAnnotatedWith(API.class)
      .because("every public type states whether it is stable, experimental or internal");

  static final ArchRule exceptionsShareOneRoot = classes()
      .that().areAssignableTo(RuntimeException.class).and().resideInAPackage("io.gdprkit..")
      .should().beAssignableTo(GdprException.class)
      .because("callers catch one hierarchy");

  static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

  static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

  static final ArchRule noGenericExceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

  static final ArchRule caseChangesNameALocale = noClasses().should()
      .callMethod(String.class, "toLowerCase").orShould().callMethod(String.class, "toUpperCase")
      .because("a case change without a Locale breaks in Turkish; pass Locale.ROOT");

  // Issue 9: the IP parser passed strings such as ".1:2" to InetAddress.getByName, a name-service lookup.
  static final ArchRule noNameLookups = noClasses().should()
      .callMethod(java.net.InetAddress.class, "getByName", String.class)
      .orShould().callMethod(java.net.InetAddress.class, "getAllByName", String.class)
      .orShould().callMethod(java.net.InetAddress.class, "getLocalHost")
      .because("input is parsed, never resolved: a lookup leaks the value to DNS and blocks on the network");

  static final ArchRule internalTypesAreFinalOrInterfaces = classes()
      .that().resideInAPackage("..internal..").and().areNotInterfaces().and().areNotRecords()
      .and().areNotEnums().and().areTopLevelClasses()
      .should().haveModifier(JavaModifier.FINAL);

  private static ArchCondition<JavaClass> onlyBeAccessedFromTheirOwnFeatureOrTheFacade() {
    return new ArchCondition<>("only be accessed from their own feature or the GdprKit facade") {
      @Override
      public void check(JavaClass target, ConditionEvents events) {
        String feature = featureOf(target.getPackageName());
        target.getAccessesToSelf().forEach(access -> {
          JavaClass origin = access.getOriginOwner();
          boolean ok = feature.equals(featureOf(origin.getPackageName()))
              || origin.getPackageName().equals("io.gdprkit");
          if (!ok) {
            events.add(SimpleConditionEvent.violated(access, access.getDescription()));
          }
        });
      }
    };
  }

  private static String featureOf(String packageName) {
    String rest = packageName.startsWith("io.gdprkit.") ? packageName.substring("io.gdprkit.".length()) : "";
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

}

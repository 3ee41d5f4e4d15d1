package io.gdprkit.test.arch;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.apiguardian.api.API;

/**
 * ArchUnit rules a host runs against its own code, so that its build fails where its entities promise an erasure they
 * cannot keep or its code writes personal data into a log.
 *
 * <p>Why: the generic JPA provider refuses such entities only when it is built, at start-up; these rules fail the
 * host's build instead, on the classes alone, without a database. And no start-up check sees a log line: logs are
 * copied, shipped and kept where no erasure reaches them (Art. 5(1)(e), (f), Art. 17, Art. 32(1)).
 * <ul>
 *   <li>{@link #personalDataHasAnErasureStrategy()}: every {@code @PersonalData} attribute says what erasure does to
 *       it, a strategy or a retention (Art. 17(1), Art. 25(1));</li>
 *   <li>{@link #personalDataEntitiesHaveASubjectLink()}: every entity with personal data names its subject with
 *       {@code @DataSubject}, or no export or erasure finds its rows (Art. 15, 17);</li>
 *   <li>{@link #personalDataIsNotLogged()}: no value read from a personal-data getter (or field) reaches an SLF4J,
 *       {@code java.util.logging}, {@code System.Logger}, Log4j 2 or Commons Logging logger, or
 *       {@code System.out}/{@code System.err}, directly or through string concatenation, a {@code StringBuilder},
 *       {@code String.format}, boxing, a varargs array, a local variable or a message supplier lambda. A value passed
 *       through any other method of the host's, such as a function that masks it, counts as safe.</li>
 * </ul>
 *
 * <p>The annotations are read by name ({@value #PERSONAL_DATA}, {@value #DATA_SUBJECT}), as ArchUnit reads class files:
 * gdpr-test does not depend on gdpr-jpa, whose own tests depend on gdpr-test. gdpr-jpa's tests run these rules on its
 * annotated host model, so a renamed annotation fails there.
 *
 * <p>Usage example, in a test of the host (a plain JUnit test; no ArchUnit engine needed):
 * <pre>{@code
 * @Test
 * void keepsPersonalDataInCheck() {
 *   GdprArchRules.all().check(new ClassFileImporter()
 *       .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.acme.crm"));
 * }
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class GdprArchRules {

  /** The name of the annotation that marks a personal-data attribute. */
  public static final String PERSONAL_DATA = "io.gdprkit.jpa.annotation.PersonalData";

  /** The name of the annotation that links an entity to its subject. */
  public static final String DATA_SUBJECT = "io.gdprkit.jpa.annotation.DataSubject";

  private GdprArchRules() {}

  /** Returns every rule of this class as one. */
  public static ArchRule all() {
    return CompositeArchRule.of(personalDataHasAnErasureStrategy()).and(personalDataEntitiesHaveASubjectLink())
        .and(personalDataIsNotLogged());
  }

  /**
   * Returns the rule that every {@code @PersonalData} field or getter names an erasure strategy or a retention after
   * which the attribute is cleared.
   */
  public static ArchRule personalDataHasAnErasureStrategy() {
    return ArchRuleDefinition.members().that(annotatedWith(PERSONAL_DATA))
        .should(new ArchCondition<JavaMember>("name an erasure strategy or a retention") {
          @Override
          public void check(JavaMember member, ConditionEvents events) {
            if (!Annotations.hasErasure(member)) {
              events.add(SimpleConditionEvent.violated(member, member.getDescription() + " is @PersonalData without"
                  + " an erasure strategy or a retention: erasure would not know what to do with it (Art. 17(1));"
                  + " declare @PersonalData(strategy = ...) or retention and obligation, in "
                  + member.getSourceCodeLocation()));
            }
          }
        })
        .because("every piece of personal data must be erasable on request (Art. 17(1), Art. 25(1))")
        .allowEmptyShould(true);
  }

  /**
   * Returns the rule that every concrete class with {@code @PersonalData} attributes, its own or inherited, names its
   * subject with {@code @DataSubject}: on the class or a superclass (the path to the subject's id), or on an
   * attribute. Abstract classes, {@code @MappedSuperclass} and {@code @Embeddable} types are left to the entities
   * that extend or embed them.
   */
  public static ArchRule personalDataEntitiesHaveASubjectLink() {
    return ArchRuleDefinition.classes().that(holdPersonalData())
        .should(new ArchCondition<JavaClass>("be linked to their subject with @DataSubject") {
          @Override
          public void check(JavaClass type, ConditionEvents events) {
            if (!Annotations.hasSubjectLink(type)) {
              events.add(SimpleConditionEvent.violated(type, type.getName() + " holds @PersonalData but has no"
                  + " @DataSubject: its rows belong to no subject, so no export or erasure finds them (Art. 15, 17);"
                  + " add @DataSubject with the path to the subject's id, in " + type.getSourceCodeLocation()));
            }
          }
        })
        .because("personal data must be found by the subject it is about (Art. 15, Art. 17)")
        .allowEmptyShould(true);
  }

  /**
   * Returns the rule that no value read from a personal-data getter or field reaches a logger or the standard
   * streams, as the class description lists.
   */
  public static ArchRule personalDataIsNotLogged() {
    return ArchRuleDefinition.classes().should(new LoggedPersonalData())
        .because("a log is copied, shipped and kept where no erasure reaches it (Art. 5(1)(e), (f), Art. 17, Art. 32(1))")
        .allowEmptyShould(true);
  }

  private static DescribedPredicate<JavaMember> annotatedWith(String annotation) {
    return DescribedPredicate.describe("are annotated with @" + simpleName(annotation),
        member -> member.isAnnotatedWith(annotation));
  }

  private static DescribedPredicate<JavaClass> holdPersonalData() {
    return DescribedPredicate.describe("are concrete and hold @PersonalData attributes",
        type -> Annotations.isConcreteHolder(type) && Annotations.holdsPersonalData(type));
  }

  static String simpleName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}

package io.gdprkit.jpa.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.Encrypted;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import io.gdprkit.jpa.annotation.RecordDate;
import io.gdprkit.jpa.annotation.SubjectRelation;
import io.gdprkit.jpa.provider.PersonalDataMappingException.Problem;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Sensitivity;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jspecify.annotations.Nullable;

/**
 * The provider refuses, when it is built, every annotation it could not honour: each mistake with its own typed
 * problem naming the entity and the attribute. Each mapping is booted alone by Hibernate over an empty H2 database.
 */
class PersonalDataMappingTests {

  private static final AtomicInteger UNITS = new AtomicInteger();

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(NoStrategy.class, Problem.NO_STRATEGY, "name"),
        Arguments.of(NoSubject.class, Problem.NO_SUBJECT_LINK, null),
        Arguments.of(TwoSubjects.class, Problem.NO_SUBJECT_LINK, null),
        Arguments.of(YearOfText.class, Problem.STRATEGY_DOES_NOT_FIT, "born"),
        Arguments.of(HashOfNumber.class, Problem.STRATEGY_DOES_NOT_FIT, "code"),
        Arguments.of(LastFourOfDate.class, Problem.STRATEGY_DOES_NOT_FIT, "born"),
        Arguments.of(NullPrimitive.class, Problem.STRATEGY_DOES_NOT_FIT, "age"),
        Arguments.of(BadReplacement.class, Problem.STRATEGY_DOES_NOT_FIT, "score"),
        Arguments.of(RetainedThenDeleted.class, Problem.STRATEGY_DOES_NOT_FIT, "iban"),
        Arguments.of(UnparsableRetention.class, Problem.BAD_RETENTION, "iban"),
        Arguments.of(RetentionWithoutObligation.class, Problem.BAD_RETENTION, "iban"),
        Arguments.of(RetentionWithoutDate.class, Problem.BAD_RETENTION, "iban"),
        Arguments.of(UnknownCategory.class, Problem.UNKNOWN_CATEGORY, "shoeSize"),
        Arguments.of(EncryptedWithoutConverter.class, Problem.ENCRYPTION_NOT_WIRED, "email"),
        Arguments.of(EncryptedWithoutListener.class, Problem.ENCRYPTION_NOT_WIRED, "email"),
        Arguments.of(EncryptedHash.class, Problem.STRATEGY_DOES_NOT_FIT, "email"),
        Arguments.of(BlindIndexMissing.class, Problem.ENCRYPTION_NOT_WIRED, "email"),
        Arguments.of(PathNowhere.class, Problem.BAD_SUBJECT_PATH, null),
        Arguments.of(PathToAssociation.class, Problem.BAD_SUBJECT_PATH, null),
        Arguments.of(RelationOnText.class, Problem.BAD_RELATION, "parentId"),
        Arguments.of(ErasedSubjectLink.class, Problem.NOT_SUPPORTED, "ownerId"));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("mistakes")
  @DisplayName("Art. 17(1), 25(1): a personal-data annotation the provider cannot honour fails the build, named")
  void refusesMappingsItCannotHonour(Class<?> entity, Problem problem, @Nullable String attribute) {
    EntityManagerFactory factory = factory(entity, Target.class);
    try {
      assertThatThrownBy(() -> JpaPersonalDataProvider.builder(JpaTransactions.resourceLocal(factory))
          .metamodel(factory.getMetamodel()).build())
          .isInstanceOfSatisfying(PersonalDataMappingException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.entity()).isEqualTo(name(entity));
            assertThat(e.attribute()).isEqualTo(attribute);
            assertThat(e.getMessage()).contains(entity.getSimpleName()).contains(attribute == null ? "" : attribute);
          });
    } finally {
      factory.close();
    }
  }

  @Test
  @DisplayName("Art. 30(1)(c): a category registered on the builder is the one the descriptor names")
  void takesRegisteredCategories() {
    DataCategory shoes = DataCategory.of("shoe-size", "Shoe sizes", Sensitivity.NORMAL);
    EntityManagerFactory factory = factory(UnknownCategory.class, Target.class);
    try {
      JpaPersonalDataProvider provider = JpaPersonalDataProvider.builder(JpaTransactions.resourceLocal(factory))
          .metamodel(factory.getMetamodel()).category(shoes).build();

      assertThat(provider.describe().field(name(UnknownCategory.class) + ".shoeSize")).get()
          .satisfies(field -> assertThat(field.category()).isSameAs(shoes));
    } finally {
      factory.close();
    }
  }

  /** Returns the entity name Hibernate gives a nested class: {@code Outer$Inner}. */
  private static String name(Class<?> entity) {
    return entity.getName().substring(entity.getName().lastIndexOf('.') + 1);
  }

  private static EntityManagerFactory factory(Class<?>... entities) {
    PersistenceConfiguration configuration = new PersistenceConfiguration("mapping-" + UNITS.incrementAndGet())
        .provider("org.hibernate.jpa.HibernatePersistenceProvider")
        .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL);
    for (Class<?> entity : entities) {
      configuration.managedClass(entity);
    }
    return configuration.property(PersistenceConfiguration.JDBC_URL, "jdbc:h2:mem:mapping;DB_CLOSE_DELAY=-1")
        .property(PersistenceConfiguration.JDBC_USER, "sa")
        .property(PersistenceConfiguration.JDBC_PASSWORD, "")
        .property("hibernate.hbm2ddl.auto", "none")
        .createEntityManagerFactory();
  }

  /** An entity linked to its subject, which the others point to. */
  @Entity
  @DataSubject("id")
  static class Target {
    @Id
    String id;
    @PersonalData(category = "contact-details", strategy = Strategy.NULL)
    String name;
  }

  @Entity
  @DataSubject("id")
  static class NoStrategy {
    @Id
    String id;
    @PersonalData(category = "contact-details")
    String name;
  }

  @Entity
  static class NoSubject {
    @Id
    String id;
    @PersonalData(category = "contact-details", strategy = Strategy.NULL)
    String name;
  }

  @Entity
  @DataSubject("id")
  static class TwoSubjects {
    @Id
    String id;
    @DataSubject
    @ManyToOne
    Target owner;
    @PersonalData(category = "contact-details", strategy = Strategy.NULL)
    String name;
  }

  @Entity
  @DataSubject("id")
  static class YearOfText {
    @Id
    String id;
    @PersonalData(category = "contact-details", strategy = Strategy.KEEP_YEAR)
    String born;
  }

  @Entity
  @DataSubject("id")
  static class HashOfNumber {
    @Id
    String id;
    @PersonalData(category = "financial", strategy = Strategy.HASH)
    Long code;
  }

  @Entity
  @DataSubject("id")
  static class LastFourOfDate {
    @Id
    String id;
    @PersonalData(category = "contact-details", strategy = Strategy.KEEP_LAST_FOUR)
    LocalDate born;
  }

  @Entity
  @DataSubject("id")
  static class NullPrimitive {
    @Id
    String id;
    @PersonalData(category = "contact-details", strategy = Strategy.NULL)
    int age;
  }

  @Entity
  @DataSubject("id")
  static class BadReplacement {
    @Id
    String id;
    @PersonalData(category = "behavioural", strategy = Strategy.REPLACE, replacement = "none")
    Integer score;
  }

  @Entity
  @DataSubject("id")
  static class RetainedThenDeleted {
    @Id
    String id;
    @RecordDate
    LocalDate issued;
    @PersonalData(category = "financial", strategy = Strategy.DELETE_RECORD, retention = "P10Y", obligation = "AO §147")
    String iban;
  }

  @Entity
  @DataSubject("id")
  static class UnparsableRetention {
    @Id
    String id;
    @RecordDate
    LocalDate issued;
    @PersonalData(category = "financial", retention = "ten years", obligation = "AO §147")
    String iban;
  }

  @Entity
  @DataSubject("id")
  static class RetentionWithoutObligation {
    @Id
    String id;
    @RecordDate
    LocalDate issued;
    @PersonalData(category = "financial", retention = "P10Y")
    String iban;
  }

  @Entity
  @DataSubject("id")
  static class RetentionWithoutDate {
    @Id
    String id;
    @PersonalData(category = "financial", retention = "P10Y", obligation = "AO §147")
    String iban;
  }

  @Entity
  @DataSubject("id")
  static class UnknownCategory {
    @Id
    String id;
    @PersonalData(category = "shoe-size", strategy = Strategy.NULL)
    Integer shoeSize;
  }

  @Entity
  @DataSubject("id")
  @EntityListeners(EncryptionListener.class)
  static class EncryptedWithoutConverter {
    @Id
    String id;
    @PersonalData(category = "contact-details", strategy = Strategy.NULL)
    @Encrypted
    String email;
  }

  @Entity
  @DataSubject("id")
  static class EncryptedWithoutListener {
    @Id
    String id;
    @PersonalData(category = "contact-details", strategy = Strategy.NULL)
    @Encrypted
    @Convert(converter = EncryptedStringConverter.class)
    String email;
  }

  @Entity
  @DataSubject("id")
  @EntityListeners(EncryptionListener.class)
  static class EncryptedHash {
    @Id
    String id;
    @PersonalData(category = "contact-details", strategy = Strategy.HASH)
    @Encrypted
    @Convert(converter = EncryptedStringConverter.class)
    String email;
  }

  @Entity
  @DataSubject("id")
  @EntityListeners(EncryptionListener.class)
  static class BlindIndexMissing {
    @Id
    String id;
    @PersonalData(category = "contact-details", strategy = Strategy.NULL)
    @Encrypted(blindIndex = "emailHash")
    @Convert(converter = EncryptedStringConverter.class)
    String email;
  }

  @Entity
  @DataSubject("owner.id")
  static class PathNowhere {
    @Id
    String id;
    @PersonalData(category = "contact-details", strategy = Strategy.NULL)
    String name;
  }

  @Entity
  @DataSubject("target")
  static class PathToAssociation {
    @Id
    String id;
    @ManyToOne
    Target target;
    @PersonalData(category = "contact-details", strategy = Strategy.NULL)
    String name;
  }

  @Entity
  @DataSubject("id")
  static class RelationOnText {
    @Id
    String id;
    @SubjectRelation("parent-child")
    String parentId;
    @PersonalData(category = "contact-details", strategy = Strategy.NULL)
    String name;
  }

  @Entity
  @DataSubject("ownerId")
  static class ErasedSubjectLink {
    @Id
    String id;
    @PersonalData(category = "contact-details", strategy = Strategy.NULL)
    String ownerId;
  }
}

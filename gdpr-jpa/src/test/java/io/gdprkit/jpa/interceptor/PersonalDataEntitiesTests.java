package io.gdprkit.jpa.interceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import io.gdprkit.jpa.provider.PersonalDataMappingException;
import io.gdprkit.jpa.provider.PersonalDataMappingException.Problem;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Entity;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How the interceptor finds an entity's personal data and its subject (Art. 4(1)): the provider's annotations,
 * {@code @PersonalData} and {@code @DataSubject}, read once per class.
 */
class PersonalDataEntitiesTests {

  private final PersonalDataEntities entities = PersonalDataEntities.annotated();

  @Entity(name = "Person")
  @DataSubject(value = "id", tenant = "tenant")
  static class Person {
    long id;
    String tenant;
    @PersonalData(category = "contact-details", strategy = Strategy.NULL)
    String name;

    Person(long id, String tenant) {
      this.id = id;
      this.tenant = tenant;
    }
  }

  @Entity(name = "Customer")
  static class Customer extends Person {
    Customer(long id, String tenant) {
      super(id, tenant);
    }
  }

  @Entity
  @DataSubject("owner.key")
  static class Device {
    final Owner owner;
    @PersonalData(category = "online-identifiers", strategy = Strategy.MASK_IP)
    String ip;

    Device(Owner owner) {
      this.owner = owner;
    }
  }

  static class Owner {
    private final UUID key;

    Owner(UUID key) {
      this.key = key;
    }

    UUID getKey() {
      return key;
    }
  }

  @Entity
  @DataSubject("contactId")
  static class Misnamed {
    String contact;
    @PersonalData(category = "contact-details", strategy = Strategy.NULL)
    String email;
  }

  @Entity
  static class Unlinked {
    @PersonalData(category = "contact-details", strategy = Strategy.NULL)
    String email;
  }

  @Entity
  @DataSubject("id")
  static class LinkedOnly {
    String id;
  }

  @Entity
  static class Plain {
  }

  @Test
  @DisplayName("Art. 4(1): a class with @PersonalData attributes, and its subclasses, hold personal data, named by their"
      + " entity names; a class with a subject link but no personal-data attribute does not, nor does a plain one")
  void findsClassesWithPersonalData() {
    assertThat(entities.isPersonalData(Person.class)).isTrue();
    assertThat(entities.isPersonalData(Customer.class)).isTrue();
    assertThat(entities.isPersonalData(Device.class)).isTrue();
    assertThat(entities.isPersonalData(LinkedOnly.class)).isFalse();
    assertThat(entities.isPersonalData(Plain.class)).isFalse();
    assertThat(entities.name(Person.class)).isEqualTo("Person");
    assertThat(entities.name(Customer.class)).isEqualTo("Customer");
  }

  @Test
  @DisplayName("the subject is read from its @DataSubject path, with its tenant, or through a relation's getter")
  void readsTheSubject() {
    UUID key = UUID.fromString("7d0f2a8e-4f57-4c52-9a59-1d2b7b0d6c11");

    assertThat(entities.subjectOf(new Customer(42, "acme"))).isEqualTo(SubjectId.of(TenantId.of("acme"), "42"));
    assertThat(entities.subjectOf(new Device(new Owner(key)))).isEqualTo(SubjectId.of(key.toString()));
    assertThat(entities.subjectOf(new Device(null))).isNull();
  }

  @Test
  @DisplayName("a subject's key is bound in the attribute's type, and one that cannot be is refused")
  void bindsSubjectKeysInTheAttributesType() {
    assertThat(entities.subjectKey(Person.class, SubjectId.of("42"))).isEqualTo(42L);
    assertThat(entities.subjectKey(Device.class, SubjectId.of("7d0f2a8e-4f57-4c52-9a59-1d2b7b0d6c11")))
        .isInstanceOf(UUID.class);
    assertThatThrownBy(() -> entities.subjectKey(Person.class, SubjectId.of("contact-42")))
        .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("contact-42");
  }

  @Test
  @DisplayName("a @DataSubject path naming an attribute the class lacks fails with the attribute's name")
  void refusesAPathToNoAttribute() {
    assertThatThrownBy(() -> entities.isPersonalData(Misnamed.class))
        .isInstanceOfSatisfying(PersonalDataMappingException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.BAD_SUBJECT_PATH))
        .hasMessageContaining("'contactId'");
  }

  @Test
  @DisplayName("Art. 5(2), 18: personal data without a subject link fails, since it could not be audited as anyone's")
  void refusesPersonalDataWithoutASubjectLink() {
    assertThatThrownBy(() -> entities.isPersonalData(Unlinked.class))
        .isInstanceOfSatisfying(PersonalDataMappingException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.NO_SUBJECT_LINK))
        .hasMessageContaining("Unlinked");
  }
}

package io.gdprkit.jpa.interceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import io.gdprkit.jpa.audit.annotation.AuditedPersonalData;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Entity;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the interceptor finds an entity's subject (Art. 4(1)): the marker, read once per class. */
class PersonalDataEntitiesTests {

  private final PersonalDataEntities entities = PersonalDataEntities.annotated();

  @Entity(name = "Person")
  @AuditedPersonalData(subject = "id", tenant = "tenant")
  static class Person {
    long id;
    String tenant;

    Person(long id, String tenant) {
      this.id = id;
      this.tenant = tenant;
    }
  }

  @Entity
  static class Customer extends Person {
    Customer(long id, String tenant) {
      super(id, tenant);
    }
  }

  @Entity
  @AuditedPersonalData(subject = "owner.key")
  static class Device {
    final Owner owner;

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
  @AuditedPersonalData(subject = "contactId")
  static class Misnamed {
    String contact;
  }

  @Entity
  static class Plain {
  }

  @Test
  @DisplayName("a marked class and its subclasses hold personal data, named by their entity names; others do not")
  void findsMarkedClasses() {
    assertThat(entities.isPersonalData(Person.class)).isTrue();
    assertThat(entities.isPersonalData(Customer.class)).isTrue();
    assertThat(entities.isPersonalData(Plain.class)).isFalse();
    assertThat(entities.name(Person.class)).isEqualTo("Person");
    assertThat(entities.name(Customer.class)).isEqualTo("Customer");
  }

  @Test
  @DisplayName("the subject is read from its attribute, with its tenant, or through a relation's getter")
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
  @DisplayName("a marker naming an attribute the class lacks fails with the attribute's name")
  void refusesAPathToNoAttribute() {
    assertThatThrownBy(() -> entities.isPersonalData(Misnamed.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'contactId'");
  }
}

package io.gdprkit.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SubjectTests {

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", "has space", "-leading-dash", "tab\tinside"})
  void refusesSubjectIdsThatAreBlankOrMalformed(String bad) {
    assertThatThrownBy(() -> SubjectId.of(bad)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("subject id ");
  }

  // Issue 9: an e-mail address was accepted as a subject id and reached messages and the key-destroyed log line.
  @ParameterizedTest
  @ValueSource(strings = {"alice@example.com", "Alice.Smith+news@mail.example.co.uk", "crm:alice@example.com",
      "crm/alice@example.com/7", "a@b.de", "x_y-z@sub-domain.example.org:42"})
  void refusesSubjectIdsThatHoldAnEmailAddressWithoutEchoingThem(String email) {
    assertThatThrownBy(() -> SubjectId.of(TenantId.of("acme"), email))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("subject id");
          assertThat(e.getMessage()).startsWith("subject id must not be or contain an e-mail address")
              .doesNotContain("@").doesNotContain("example").doesNotContain("alice");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"user@tenant", "42@v2", "contact-42", "a@b", "team@acme.42", "x@host.c", "x@1.2.3.4"})
  void acceptsIdsWithAnAtSignThatFormsNoEmailAddress(String id) {
    SubjectId subject = SubjectId.of(id);

    assertThat(subject.value()).isEqualTo(id);
  }

  @Test
  void refusesOverlongIdsAndNulls() {
    assertThatThrownBy(() -> SubjectId.of("x".repeat(129))).isInstanceOf(InvalidInputException.class)
        .hasMessage("subject id must be at most 128 characters long");
    assertThatThrownBy(() -> SubjectId.of((String) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("subject id must not be null");
    assertThatThrownBy(() -> TenantId.of(" ")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void scopesSubjectsByTenant() {
    SubjectId plain = SubjectId.of("contact-42");
    SubjectId acme = SubjectId.of(TenantId.of("acme"), "contact-42");

    assertThat(plain.tenant()).isEqualTo(TenantId.DEFAULT);
    assertThat(plain).isNotEqualTo(acme);
    assertThat(plain.toString()).isEqualTo("contact-42");
    assertThat(acme.toString()).isEqualTo("acme/contact-42");
    assertThat(plain.compareTo(acme)).isPositive();
  }

  @Test
  void redactsPersonalDataUnlessReadExplicitly() {
    PersonalData<String> email = PersonalData.of("alice@example.com");

    assertThat(email.toString()).isEqualTo("PersonalData[redacted]");
    assertThat(String.valueOf(email)).doesNotContain("alice");
    assertThat(email.value(PersonalDataAccess.unredacted())).isEqualTo("alice@example.com");
    assertThat(email).isEqualTo(PersonalData.of("alice@example.com")).hasSameHashCodeAs(PersonalData.of("alice@example.com"));
  }

  @Test
  void namesStaffAndSystemActorsButNotTheSubject() {
    assertThat(Actor.staff("user-17").id()).isEqualTo("user-17");
    assertThat(Actor.subject().id()).isNull();
    assertThatThrownBy(() -> new Actor(Actor.Type.SUBJECT, "x")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Actor.staff(" ")).isInstanceOf(InvalidInputException.class);
  }
}

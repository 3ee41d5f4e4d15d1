package io.gdprkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubjectsWithDataTests {

  private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2026-04-01T00:00:00Z");

  private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(PersonalDataProviderTests.CONTACTS);

  @Test
  void listsSubjectsWithDataOfTheCategoryCollectedInTheWindowOnceEach() {
    contacts.put(SubjectId.of("at-start"), "r1", Map.of("email", "a@example.com"), FROM);
    contacts.put(SubjectId.of("at-end"), "r1", Map.of("email", "b@example.com"), UNTIL);
    contacts.put(SubjectId.of("before"), "r1", Map.of("email", "c@example.com"), FROM.minusSeconds(1));
    contacts.put(SubjectId.of("twice"), "r1", Map.of("email", "d@example.com"), FROM.plusSeconds(10));
    contacts.put(SubjectId.of("twice"), "r2", Map.of("email", "e@example.com"), FROM.plusSeconds(20));
    contacts.put(SubjectId.of("only-ip"), "r1", Map.of("last-ip", "203.0.113.7"), FROM.plusSeconds(30));
    Map<String, Object> nullEmail = new HashMap<>();
    nullEmail.put("email", null);
    contacts.put(SubjectId.of("erased-email"), "r1", nullEmail, FROM.plusSeconds(40));

    List<SubjectId> subjects = contacts.subjectsWithData(DataCategory.CONTACT_DETAILS, FROM, UNTIL, null, 10);

    assertThat(subjects).containsExactly(SubjectId.of("at-start"), SubjectId.of("twice"));
    assertThat(contacts.subjectsWithData(DataCategory.ONLINE_IDENTIFIERS, FROM, UNTIL, null, 10))
        .containsExactly(SubjectId.of("only-ip"));
    assertThat(contacts.subjectsWithData(DataCategory.HEALTH, FROM, UNTIL, null, 10)).isEmpty();
  }

  @Test
  void pagesInSubjectOrderAcrossTenantsAfterTheGivenSubject() {
    SubjectId acmeZed = SubjectId.of(TenantId.of("acme"), "zed");
    SubjectId defaultAmy = SubjectId.of("amy");
    SubjectId defaultBob = SubjectId.of("bob");
    SubjectId globexAmy = SubjectId.of(TenantId.of("globex"), "amy");
    for (SubjectId subject : List.of(globexAmy, defaultBob, acmeZed, defaultAmy)) {
      contacts.put(subject, "r", Map.of("email", "x@example.com"), FROM);
    }

    List<SubjectId> first = contacts.subjectsWithData(DataCategory.CONTACT_DETAILS, FROM, UNTIL, null, 2);
    List<SubjectId> second = contacts.subjectsWithData(DataCategory.CONTACT_DETAILS, FROM, UNTIL, first.get(1), 2);
    List<SubjectId> third = contacts.subjectsWithData(DataCategory.CONTACT_DETAILS, FROM, UNTIL, second.get(1), 2);

    assertThat(first).containsExactly(acmeZed, defaultAmy);
    assertThat(second).containsExactly(defaultBob, globexAmy);
    assertThat(third).isEmpty();
  }

  @Test
  void refusesAnEmptyWindowAndALimitBelowOne() {
    assertThatThrownBy(() -> contacts.subjectsWithData(DataCategory.CONTACT_DETAILS, UNTIL, FROM, null, 1))
        .isInstanceOf(InvalidInputException.class).hasMessage("until must be after from");
    assertThatThrownBy(() -> contacts.subjectsWithData(DataCategory.CONTACT_DETAILS, FROM, UNTIL, null, 0))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aProviderThatDoesNotImplementItSaysSoInAFullSentence() {
    PersonalDataProvider minimal = new PersonalDataProvider() {
      @Override
      public ProviderDescriptor describe() {
        return PersonalDataProviderTests.CONTACTS;
      }

      @Override
      public void export(SubjectId subject, DataSink sink) {}

      @Override
      public void erase(SubjectId subject, ErasureContext context) {}
    };

    assertThatThrownBy(() -> minimal.subjectsWithData(DataCategory.CONTACT_DETAILS, FROM, UNTIL, null, 1))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("Provider contacts cannot list the subjects whose data of a category was collected in a time "
            + "window.");
  }
}

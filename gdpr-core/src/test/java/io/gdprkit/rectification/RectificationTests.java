package io.gdprkit.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RectificationTests {

  private final SubjectId alice = SubjectId.of("contact-42");
  private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(ProviderDescriptor.of(
      "contacts", "Contacts", List.of(FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()))));
  private final PersonalDataProvider readOnly = new PersonalDataProvider() {
    @Override
    public ProviderDescriptor describe() {
      return ProviderDescriptor.of("visits", "Visits",
          List.of(FieldDescriptor.of("page", DataCategory.BEHAVIOURAL, ErasureStrategy.deleteRecord())));
    }

    @Override
    public void export(SubjectId subject, DataSink sink) {}

    @Override
    public void erase(SubjectId subject, ErasureContext context) {}
  };
  private final GdprKit gdpr = GdprKit.builder().personalData(contacts).personalData(readOnly).build();

  @Test
  void writesTheCorrectedValueThroughTheProvider() {
    contacts.put(alice, "c-42", Map.of("email", "alice@old.example"), Instant.EPOCH);

    gdpr.rectification().rectify(alice, "contacts", "c-42", "email", "alice@new.example");

    assertThat(contacts.records(alice).get("c-42")).containsEntry("email", "alice@new.example");
  }

  @Test
  void refusesUnknownProvidersFieldsAndProvidersThatCannotRectifyWithoutEchoingTheValue() {
    contacts.put(alice, "c-42", Map.of("email", "alice@old.example"), Instant.EPOCH);

    assertThatThrownBy(() -> gdpr.rectification().rectify(alice, "crm", "c-42", "email", "secret@example.com"))
        .isInstanceOf(RectificationRefusedException.class).hasMessageContaining("crm").hasMessageNotContaining("secret");
    assertThatThrownBy(() -> gdpr.rectification().rectify(alice, "contacts", "c-42", "phone", "+49 30 1"))
        .isInstanceOf(RectificationRefusedException.class).hasMessageContaining("phone");
    assertThatThrownBy(() -> gdpr.rectification().rectify(alice, "visits", "v-1", "page", "/secret"))
        .isInstanceOf(RectificationRefusedException.class).hasMessageContaining("does not support")
        .hasMessageNotContaining("/secret");
    assertThat(contacts.records(alice).get("c-42")).containsEntry("email", "alice@old.example");
  }
}

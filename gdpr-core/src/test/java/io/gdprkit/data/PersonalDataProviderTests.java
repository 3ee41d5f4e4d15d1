package io.gdprkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalDataProviderTests {

  static final ProviderDescriptor CONTACTS = ProviderDescriptor.of("contacts", "CRM contacts", List.of(
      FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.keyedHash()).providedBySubject(),
      FieldDescriptor.of("last-ip", DataCategory.ONLINE_IDENTIFIERS, ErasureStrategy.maskIp())));

  private final SubjectId alice = SubjectId.of("contact-42");

  @Test
  void exportsEveryFieldOfEveryRecordAsItems() {
    InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(CONTACTS);
    Instant created = Instant.parse("2026-01-02T03:04:05Z");
    contacts.put(alice, "c-42", Map.of("email", "alice@example.com", "last-ip", "203.0.113.7"), created);
    List<DataItem> items = new ArrayList<>();

    contacts.export(alice, items::add);

    assertThat(items).extracting(DataItem::field, DataItem::value, DataItem::providedBySubject).containsExactly(
        org.assertj.core.groups.Tuple.tuple("email", "alice@example.com", true),
        org.assertj.core.groups.Tuple.tuple("last-ip", "203.0.113.7", false));
    assertThat(items.get(0).toString()).doesNotContain("alice@").contains("redacted");
    assertThat(items.get(0).collectedAt()).isEqualTo(created);
  }

  @Test
  void refusesUndeclaredFieldsAndDuplicateNames() {
    InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(CONTACTS);

    assertThatThrownBy(() -> contacts.put(alice, "c", Map.of("shoe-size", 42), Instant.EPOCH))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("shoe-size");
    assertThatThrownBy(() -> ProviderDescriptor.of("x", "X", List.of(
        FieldDescriptor.of("a", DataCategory.LOCATION, ErasureStrategy.setNull()),
        FieldDescriptor.of("a", DataCategory.LOCATION, ErasureStrategy.setNull()))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("declared twice");
  }

  @Test
  void registersProvidersOnTheBuilderAndThroughServiceLoader() {
    GdprKit gdpr = GdprKit.builder().personalData(new InMemoryPersonalDataProvider(CONTACTS))
        .discoverPersonalData().build();

    assertThat(gdpr.personalData().descriptors()).extracting(ProviderDescriptor::id)
        .containsExactly("contacts", "discovered-notes");
    assertThatThrownBy(() -> GdprKit.builder().personalData(new InMemoryPersonalDataProvider(CONTACTS))
        .personalData(new InMemoryPersonalDataProvider(CONTACTS)).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("registered twice");
  }

  /** Listed in META-INF/services for the ServiceLoader test. */
  public static final class DiscoveredNotes implements io.gdprkit.data.spi.PersonalDataProvider {
    @Override
    public ProviderDescriptor describe() {
      return ProviderDescriptor.of("discovered-notes", "Notes found by ServiceLoader",
          List.of(FieldDescriptor.of("note", DataCategory.CONTACT_DETAILS, ErasureStrategy.deleteRecord())));
    }

    @Override
    public void export(SubjectId subject, DataSink sink) {}

    @Override
    public void erase(SubjectId subject, ErasureContext context) {}
  }
}

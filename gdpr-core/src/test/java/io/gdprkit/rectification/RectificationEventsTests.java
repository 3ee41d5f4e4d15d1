package io.gdprkit.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RectificationEventsTests {

  private final SubjectId alice = SubjectId.of("contact-42");
  private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(ProviderDescriptor.of(
      "contacts", "Contacts",
      List.of(FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()))));
  private final List<String> told = new CopyOnWriteArrayList<>();
  private final GdprKit gdpr = GdprKit.builder().personalData(contacts)
      .onEvent(event -> {
        if (event instanceof SubjectRectified r) {
          told.add(r.subject().value() + " " + r.provider() + "." + r.field() + " " + r.record());
        }
      })
      .build();

  @Test
  void publishesWhichFieldWasRectifiedButNotTheValue() {
    contacts.put(alice, "c-42", Map.of("email", "alice@old.example"), Instant.EPOCH);

    gdpr.rectification().rectify(alice, "contacts", "c-42", "email", "alice@new.example");

    assertThat(told).containsExactly("contact-42 contacts.email c-42");
    assertThat(gdpr.audit().entries(alice.tenant(), 0, 10)).extracting(e -> e.record().kind())
        .contains(io.gdprkit.audit.AuditKind.UPDATED);
  }

  @Test
  void publishesNothingForARefusedRectification() {
    assertThatThrownBy(() -> gdpr.rectification().rectify(alice, "contacts", "c-42", "phone", "+49 30 1"))
        .isInstanceOf(RectificationRefusedException.class);

    assertThat(told).isEmpty();
  }
}

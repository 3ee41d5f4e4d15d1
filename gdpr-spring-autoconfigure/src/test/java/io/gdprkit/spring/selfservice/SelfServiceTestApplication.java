package io.gdprkit.spring.selfservice;

import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.preference.Topic;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.gdprkit.spring.autoconfigure.GdprKitCustomizer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A host application with two newsletter topics and one store of personal data, which fails while it exports the
 * subject {@link FailingProvider#FAILS}; no component scanning, so the endpoints come from the auto-configuration alone.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SelfServiceTestApplication {

  @Bean
  FailingProvider contacts() {
    return new FailingProvider();
  }

  /** The provider bean above is the kit's through the starter; this adds the topics. */
  @Bean
  GdprKitCustomizer topics() {
    return builder -> builder
        .topic(Topic.of("newsletter", "Monthly newsletter", "newsletter"))
        .topic(Topic.of("offers", "Special offers", "offers"));
  }

  /** Contacts in memory; exporting {@link #FAILS} breaks down after a large record has been written. */
  static final class FailingProvider implements PersonalDataProvider {

    static final SubjectId FAILS = SubjectId.of("c-export-breaks-down");

    private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(ProviderDescriptor.of(
        "contacts", "CRM contacts",
        List.of(FieldDescriptor.of("notes", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()))));

    FailingProvider() {
      contacts.put(FAILS, "c-1", Map.of("notes", "n".repeat(64 * 1024)), Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public ProviderDescriptor describe() {
      return contacts.describe();
    }

    @Override
    public void export(SubjectId subject, DataSink sink) {
      contacts.export(subject, sink);
      if (subject.equals(FAILS)) {
        throw new IllegalStateException("the contacts database went away");
      }
    }

    @Override
    public void erase(SubjectId subject, ErasureContext context) {
      contacts.erase(subject, context);
    }
  }
}

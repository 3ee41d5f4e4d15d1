package io.gdprkit.spring.web;

import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.request.InMemoryMailer;
import io.gdprkit.spring.autoconfigure.GdprKitCustomizer;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A host of the admin endpoints: the starter's auto-configuration, a CRM's contacts as an in-memory provider, a mailer
 * that keeps what it sends, and two users, a data protection officer with the admin role and a clerk without it.
 * No component scan: the endpoints come from the auto-configuration alone.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class WebTestApplication {

  static final String ADMIN = "dpo";
  static final String ADMIN_PASSWORD = "dpo-secret";
  static final String CLERK = "clerk";
  static final String CLERK_PASSWORD = "clerk-secret";

  static final ProviderDescriptor CONTACTS = ProviderDescriptor.of("contacts", "CRM contacts", List.of(
      FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.deleteRecord()),
      FieldDescriptor.of("name", DataCategory.CONTACT_DETAILS, ErasureStrategy.deleteRecord())));

  @Bean
  InMemoryPersonalDataProvider contacts() {
    return new InMemoryPersonalDataProvider(CONTACTS);
  }

  @Bean
  InMemoryMailer mailer() {
    return new InMemoryMailer();
  }

  @Bean
  GdprKitCustomizer crm(InMemoryMailer mailer) {
    return builder -> builder.mailer(mailer); // the provider bean reaches the kit through the starter
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername(ADMIN).password("{noop}" + ADMIN_PASSWORD).roles("GDPR_ADMIN").build(),
        User.withUsername(CLERK).password("{noop}" + CLERK_PASSWORD).roles("USER").build());
  }

  /** Adds a contact with an e-mail address on record, for identity verification and erasure. */
  static void contact(InMemoryPersonalDataProvider contacts, io.gdprkit.subject.SubjectId subject, String email) {
    contacts.put(subject, "contact", java.util.Map.of("email", email, "name", "Alice Example"),
        java.time.Instant.now());
    contacts.contactPoint(subject, ContactPoint.email(email));
  }
}

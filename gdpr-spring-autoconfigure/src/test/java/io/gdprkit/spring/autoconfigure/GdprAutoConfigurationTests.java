package io.gdprkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.AgeAssurance;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.MemberState;
import io.gdprkit.consent.ParentalAuthorisationRequiredException;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.Sensitivity;
import io.gdprkit.subject.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The kit bean: what the {@code gdpr.*} properties and the host's beans make of it. */
class GdprAutoConfigurationTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class));

  @Test
  void setsWhenTheAuditTrailIsChainedFromItsProperty() {
    // The builder takes the drain once: a customizer setting it again after the property fails, one alone does not.
    GdprKitCustomizer again = builder -> builder.auditDrain(io.gdprkit.audit.AuditDrain.AFTER_COMMIT);
    runner.withPropertyValues("gdpr.audit-drain=background").withBean(GdprKitCustomizer.class, () -> again)
        .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("auditDrain"));
    runner.withBean(GdprKitCustomizer.class, () -> again).run(context -> assertThat(context).hasNotFailed());
    runner.withPropertyValues("gdpr.audit-drain=background").run(context -> {
      assertThat(context).hasNotFailed();
      GdprKit kit = context.getBean(GdprKit.class);
      kit.audit().record(new io.gdprkit.audit.AuditRecord(io.gdprkit.audit.AuditKind.REGISTER_CHANGED,
          io.gdprkit.subject.TenantId.DEFAULT, null, io.gdprkit.subject.Actor.staff("dpo"), null, java.util.Map.of()));
      kit.audit().drainAll();
      assertThat(kit.audit().size(io.gdprkit.subject.TenantId.DEFAULT)).isEqualTo(1);
    });
    runner.withPropertyValues("gdpr.audit-drain=sometimes")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void buildsTheKitFromThePurposesItIsGiven() {
    runner.withPropertyValues("gdpr.purposes.newsletter.basis=CONSENT",
            "gdpr.purposes.newsletter.description=Monthly newsletter")
        .run(context -> {
          GdprKit kit = context.getBean(GdprKit.class);
          assertThat(kit.decide(SubjectId.of("c-1"), "newsletter").reason()).isEqualTo(DecisionReason.NO_CONSENT);
        });
  }

  @Test
  void bindsEverySettingOfAPurpose() {
    runner.withPropertyValues("gdpr.purposes.offers.basis=CONSENT", "gdpr.purposes.offers.description=Offers",
            "gdpr.purposes.offers.direct-marketing=true",
            "gdpr.purposes.offers.data-categories=contact-details,shoe-size",
            "gdpr.purposes.offers.consent-validity=P1Y", "gdpr.purposes.offers.retention=P2Y",
            "gdpr.purposes.offers.switches-required=PROFILING", "gdpr.purposes.offers.notice-version=v7",
            "gdpr.data-categories.shoe-size.description=Shoe size", "gdpr.data-categories.shoe-size.sensitivity=NORMAL")
        .run(context -> {
          Purpose offers = context.getBean(GdprKit.class).purposes().get("offers");

          assertThat(offers.legalBasis()).isEqualTo(LegalBasis.CONSENT);
          assertThat(offers.directMarketing()).isTrue();
          assertThat(offers.dataCategories()).containsExactlyInAnyOrder(DataCategory.CONTACT_DETAILS,
              DataCategory.of("shoe-size", "Shoe size", Sensitivity.NORMAL));
          assertThat(offers.consentValidity()).isEqualTo(Period.ofYears(1));
          assertThat(offers.retention()).isEqualTo(Period.ofYears(2));
          assertThat(offers.requiredSwitches()).containsExactly(ProcessingSwitch.PROFILING);
          assertThat(offers.noticeVersion()).isEqualTo("v7");
        });
  }

  @Test
  void appliesTheConfiguredDigitalAgeOfConsent() {
    runner.withPropertyValues("gdpr.purposes.newsletter.basis=CONSENT",
            "gdpr.purposes.newsletter.description=Monthly newsletter", "gdpr.default-member-state=BE",
            "gdpr.digital-consent-ages.BE.age=15", "gdpr.digital-consent-ages.BE.source=Test law")
        .run(context -> {
          GdprKit kit = context.getBean(GdprKit.class);

          assertThatThrownBy(() -> kit.consents().grant(SubjectId.of("child"), "newsletter",
              ConsentProof.webForm("signup", "v1").age(AgeAssurance.declaredAge(14)).build()))
              .isInstanceOf(ParentalAuthorisationRequiredException.class);
          kit.consents().grant(SubjectId.of("teen"), "newsletter",
              ConsentProof.webForm("signup", "v1").age(AgeAssurance.declaredAge(14), MemberState.of("DK")).build());
          assertThat(kit.decide(SubjectId.of("teen"), "newsletter").allowed()).isTrue();
        });
  }

  @Test
  void registersTheHostsPersonalDataProviders() {
    runner.withBean(PersonalDataProvider.class, HostProvider::new).run(context -> assertThat(
        context.getBean(GdprKit.class).personalData().provider("host-crm")).isPresent());
  }

  @Test
  void readsTimeFromTheHostsClock() {
    Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    runner.withBean(Clock.class, () -> fixed)
        .run(context -> assertThat(context.getBean(GdprKit.class).clock()).isSameAs(fixed));
  }

  @Test
  void appliesTheHostsCustomizersAfterTheProperties() {
    runner.withPropertyValues("gdpr.purposes.newsletter.basis=CONSENT",
            "gdpr.purposes.newsletter.description=Monthly newsletter")
        .withBean(GdprKitCustomizer.class, () -> builder -> builder.purpose(
            Purpose.of("billing", LegalBasis.CONTRACT, "Invoices")))
        .run(context -> assertThat(context.getBean(GdprKit.class).purposes().all()).extracting(Purpose::id)
            .containsExactlyInAnyOrder("newsletter", "billing"));
  }

  @Test
  void refusesToGuessBetweenTwoStoresOfOneKind() {
    runner.withBean("first", ConsentStore.class, ConsentStore::inMemory)
        .withBean("second", ConsentStore.class, ConsentStore::inMemory)
        .run(context -> assertThat(context).hasFailed().getFailure()
            .hasRootCauseInstanceOf(NoUniqueBeanDefinitionException.class));
  }

  @Test
  void backsOffWhenTheHostBuildsItsOwnKit() {
    GdprKit own = GdprKit.builder().allowGeneratedKeys().build();
    runner.withBean(GdprKit.class, () -> own).run(context -> assertThat(context.getBean(GdprKit.class)).isSameAs(own));
  }

  @Test
  void takesKeysFromTheConfiguration() {
    runner.withPropertyValues("gdpr.keys.pseudonym.id=p7",
            "gdpr.keys.pseudonym.secret=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
            "gdpr.keys.signing.id=s7", "gdpr.keys.signing.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
        .run(context -> {
          GdprKit kit = context.getBean(GdprKit.class);

          assertThat(kit.pseudonymKey().versionId()).isEqualTo("p7");
          assertThat(kit.signingKey().keyId()).isEqualTo("s7");
        });
  }

  /** A host's own store of personal data. */
  static final class HostProvider implements PersonalDataProvider {

    @Override
    public ProviderDescriptor describe() {
      return ProviderDescriptor.of("host-crm", "The host's CRM", List.of());
    }

    @Override
    public void export(SubjectId subject, DataSink sink) {}

    @Override
    public void erase(SubjectId subject, ErasureContext context) {}
  }
}

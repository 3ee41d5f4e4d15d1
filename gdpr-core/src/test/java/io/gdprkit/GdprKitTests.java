package io.gdprkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.IpPolicy;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.request.DueDates;
import io.gdprkit.request.EmailVerificationOptions;
import io.gdprkit.request.IdentityVerificationUnavailableException;
import io.gdprkit.request.InMemoryMailer;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.request.spi.IdentityVerifier;
import io.gdprkit.request.spi.RequestStore;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GdprKitTests {

  @Test
  void worksWithNothingConfigured() {
    GdprKit gdpr = GdprKit.builder().build();

    assertThat(gdpr.purposes().all()).isEmpty();
    assertThat(gdpr.clock()).isEqualTo(Clock.systemUTC());
    assertThat(gdpr.keys().keyIds()).hasSize(1);
    assertThat(gdpr.sources().tags(SubjectId.of("x"))).isEmpty();
  }

  @Test
  void walksTheQuickStart() {
    GdprKit gdpr = GdprKit.builder()
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter"))
        .purpose(Purpose.of("profiling", LegalBasis.CONSENT, "Lead scoring").requiring(ProcessingSwitch.PROFILING))
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
        .build();
    SubjectId alice = SubjectId.of("contact-42");

    gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("signup-form", "v3").ip("203.0.113.7").build());

    assertThat(gdpr.decide(alice, "newsletter").allowed()).isTrue();
    assertThat(gdpr.decide(alice, "billing").allowed()).isTrue();
    assertThatThrownBy(() -> gdpr.guard().require(alice, "profiling"))
        .isInstanceOf(io.gdprkit.decision.ProcessingNotPermittedException.class);
  }

  @Test
  void refusesASingleValuedSettingSetTwice() {
    GdprKit.Builder builder = GdprKit.builder().clock(Clock.systemUTC()).ipPolicy(IpPolicy.KEEP)
        .consentStore(ConsentStore.inMemory()).sourceStore(SourceStore.inMemory()).keyRing(KeyRing.generate())
        .switchDefault(ProcessingSwitch.TRACKING, true).confirmationTokenValidity(Duration.ofHours(1));

    assertThatThrownBy(() -> builder.clock(Clock.systemUTC())).isInstanceOf(IllegalStateException.class)
        .hasMessage("clock was already set");
    assertThatThrownBy(() -> builder.ipPolicy(IpPolicy.TRUNCATE)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.consentStore(ConsentStore.inMemory())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.sourceStore(SourceStore.inMemory())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.keyRing(KeyRing.generate())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.switchDefault(ProcessingSwitch.TRACKING, false))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.confirmationTokenValidity(Duration.ofHours(2)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void checksArgumentsAtOnce() {
    assertThatThrownBy(() -> GdprKit.builder().confirmationTokenValidity(Duration.ofSeconds(5)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> GdprKit.builder().unsubscribeTokenValidity(Duration.ofHours(1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> GdprKit.builder().purpose(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("purpose must not be null");
    assertThatThrownBy(() -> GdprKit.builder()
        .purpose(Purpose.of("a", LegalBasis.CONSENT, "A")).purpose(Purpose.of("a", LegalBasis.CONTRACT, "A")).build())
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void configuresSubjectRequestsOnceEach() {
    GdprKit.Builder builder = GdprKit.builder().requestStore(RequestStore.inMemory()).mailer(new InMemoryMailer())
        .emailVerification(EmailVerificationOptions.defaults()).requestZone(ZoneId.of("Europe/Berlin"))
        .requestFulfiller(RequestKind.ERASURE, request -> { });
    IdentityVerifier verifier = new IdentityVerifier() {
      @Override
      public void begin(SubjectRequest request) {}

      @Override
      public void check(SubjectRequest request, String token) {}
    };

    assertThatThrownBy(() -> builder.requestStore(RequestStore.inMemory())).isInstanceOf(IllegalStateException.class)
        .hasMessage("requestStore was already set");
    assertThatThrownBy(() -> builder.mailer(new InMemoryMailer())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.emailVerification(EmailVerificationOptions.defaults()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.requestZone(ZoneId.of("UTC"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.requestFulfiller(RequestKind.ERASURE, request -> { }))
        .isInstanceOf(IllegalStateException.class).hasMessage("requestFulfiller(ERASURE) was already set");
    assertThatThrownBy(() -> builder.identityVerifier(verifier)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("emailVerification");
    GdprKit.Builder other = GdprKit.builder().identityVerifier(verifier);
    assertThatThrownBy(() -> other.identityVerifier(verifier)).isInstanceOf(IllegalStateException.class)
        .hasMessage("identityVerifier was already set");
    assertThatThrownBy(() -> other.emailVerification(EmailVerificationOptions.defaults()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> GdprKit.builder().requestFulfiller(null, request -> { }))
        .isInstanceOf(NullPointerException.class).hasMessage("kind must not be null");
  }

  @Test
  void takesSubjectRequestsWithNothingConfiguredButCannotMailWithoutAMailer() {
    GdprKit gdpr = GdprKit.builder().build();

    SubjectRequest request = gdpr.requests().receive(SubjectId.of("x"), RequestKind.ACCESS, Actor.subject());

    assertThat(gdpr.requests().find(request.id())).contains(request);
    assertThat(request.dueAt()).isEqualTo(DueDates.dueAt(request.receivedAt(), ZoneOffset.UTC));
    assertThatThrownBy(() -> gdpr.requests().startVerification(request.id()))
        .isInstanceOf(IdentityVerificationUnavailableException.class);
  }
}

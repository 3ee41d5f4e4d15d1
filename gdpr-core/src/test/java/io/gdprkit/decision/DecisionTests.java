package io.gdprkit.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DecisionTests {

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");
  private final GdprKit gdpr = GdprKit.builder()
      .clock(clock)
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News").withConsentValidity(Period.ofMonths(6)))
      .purpose(Purpose.of("lead-scoring", LegalBasis.LEGITIMATE_INTERESTS, "Score leads")
          .requiring(ProcessingSwitch.PROFILING))
      .purpose(Purpose.of("ip-tracking", LegalBasis.CONSENT, "Track visits").requiring(ProcessingSwitch.TRACKING))
      .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
      .build();

  private static ConsentProof form() {
    return ConsentProof.webForm("f", "1").build();
  }

  @Test
  void deniesWithoutConsent() {
    Decision decision = gdpr.decide(alice, "newsletter");

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo(DecisionReason.NO_CONSENT);
    assertThat(decision.legalBasis()).isEqualTo(LegalBasis.CONSENT);
  }

  @Test
  void followsTheConsentThroughItsLife() {
    gdpr.consents().requestConfirmation(alice, "newsletter", form());
    assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_PENDING);

    gdpr.consents().grant(alice, "newsletter", form());
    assertThat(gdpr.decide(alice, "newsletter")).isEqualTo(Decision.of(DecisionReason.CONSENT_GIVEN, LegalBasis.CONSENT));

    clock.advance(Duration.ofDays(190));
    assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_EXPIRED);

    gdpr.consents().recordExpiries(10);
    assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_EXPIRED);

    gdpr.consents().grant(alice, "newsletter", form());
    gdpr.consents().withdraw(alice, "newsletter");
    assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
  }

  @Test
  void allowsANonConsentBasisWithoutAnyConsent() {
    Decision decision = gdpr.decide(alice, "billing");

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
    assertThat(decision.legalBasis()).isEqualTo(LegalBasis.CONTRACT);
  }

  @Test
  void needsTheProfilingSwitchForLeadScoringWhateverTheBasis() {
    assertThat(gdpr.decide(alice, "lead-scoring").reason()).isEqualTo(DecisionReason.PROFILING_OFF);

    gdpr.consents().setSwitch(alice, ProcessingSwitch.PROFILING, true, Actor.subject());
    assertThat(gdpr.decide(alice, "lead-scoring").reason()).isEqualTo(DecisionReason.LEGAL_BASIS);

    gdpr.consents().setSwitch(alice, ProcessingSwitch.PROFILING, false, Actor.subject());
    assertThat(gdpr.decide(alice, "lead-scoring").reason()).isEqualTo(DecisionReason.PROFILING_OFF);
  }

  @Test
  void needsBothConsentAndTheTrackingSwitchForIpTracking() {
    gdpr.consents().setSwitch(alice, ProcessingSwitch.TRACKING, true, Actor.subject());
    assertThat(gdpr.decide(alice, "ip-tracking").reason()).isEqualTo(DecisionReason.NO_CONSENT);

    gdpr.consents().grant(alice, "ip-tracking", form());
    gdpr.consents().setSwitch(alice, ProcessingSwitch.TRACKING, false, Actor.subject());
    assertThat(gdpr.decide(alice, "ip-tracking").reason()).isEqualTo(DecisionReason.TRACKING_OFF);
  }

  @Test
  void honoursAKitWideSwitchDefault() {
    GdprKit on = GdprKit.builder().switchDefault(ProcessingSwitch.PROFILING, true)
        .purpose(Purpose.of("lead-scoring", LegalBasis.LEGITIMATE_INTERESTS, "Score").requiring(ProcessingSwitch.PROFILING))
        .build();

    assertThat(on.decide(alice, "lead-scoring").allowed()).isTrue();
    on.consents().setSwitch(alice, ProcessingSwitch.PROFILING, false, Actor.subject());
    assertThat(on.decide(alice, "lead-scoring").reason()).isEqualTo(DecisionReason.PROFILING_OFF);
  }

  @Test
  void guardThrowsOnDenialWithTheReasonAndPassesOnAllow() {
    assertThatThrownBy(() -> gdpr.guard().require(alice, "newsletter"))
        .isInstanceOfSatisfying(ProcessingNotPermittedException.class, e -> {
          assertThat(e.decision().reason()).isEqualTo(DecisionReason.NO_CONSENT);
          assertThat(e.purpose()).isEqualTo("newsletter");
          assertThat(e.subject()).isEqualTo(alice);
        })
        .hasMessageContaining("NO_CONSENT");

    gdpr.consents().grant(alice, "newsletter", form());

    assertThat(gdpr.guard().require(alice, "newsletter").allowed()).isTrue();
  }

  @Test
  void refusesAnUndeclaredOrBlankPurposeAndANullSubject() {
    assertThatThrownBy(() -> gdpr.decide(alice, "profiling")).isInstanceOf(UnknownPurposeException.class);
    assertThatThrownBy(() -> gdpr.guard().require(alice, "profiling")).isInstanceOf(UnknownPurposeException.class);
    assertThatThrownBy(() -> gdpr.decide(alice, " ")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> gdpr.decide(null, "billing")).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("subject");
  }

  @ParameterizedTest
  @EnumSource(DecisionReason.class)
  void internsOneDecisionPerReasonAndBasis(DecisionReason reason) {
    for (LegalBasis basis : LegalBasis.values()) {
      assertThat(Decision.of(reason, basis)).isSameAs(Decision.of(reason, basis));
      assertThat(Decision.of(reason, basis).allowed()).isEqualTo(reason.allows());
    }
  }

  @Test
  void allocatesNothingWhenItAllows() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    gdpr.consents().grant(alice, "newsletter", form());
    gdpr.consents().setSwitch(alice, ProcessingSwitch.PROFILING, true, Actor.subject());
    String[] purposes = {"newsletter", "billing", "lead-scoring"};
    long allowed = 0;
    for (int i = 0; i < 200_000; i++) { // warm up: let the JIT compile the path
      allowed += gdpr.decide(alice, purposes[i % 3]).allowed() ? 1 : 0;
    }
    long threadId = Thread.currentThread().getId();

    long before = threads.getThreadAllocatedBytes(threadId);
    for (int i = 0; i < 100_000; i++) {
      allowed += gdpr.decide(alice, purposes[i % 3]).allowed() ? 1 : 0;
    }
    long after = threads.getThreadAllocatedBytes(threadId);

    assertThat(allowed).isEqualTo(300_000);
    // Allow for the measuring call itself; 100,000 decisions allocating even 8 bytes each would be 800,000.
    assertThat(after - before).isLessThan(1_000);
  }
}

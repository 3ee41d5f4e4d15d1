package io.gdprkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.internal.Hashing;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.PersonalDataAccess;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentServiceTests {

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");
  private final GdprKit gdpr = GdprKit.builder()
      .clock(clock)
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter").withNoticeVersion("2026-10"))
      .purpose(Purpose.of("offers", LegalBasis.CONSENT, "Special offers").withConsentValidity(Period.ofMonths(24)))
      .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
      .build();
  private final ConsentService consents = gdpr.consents();

  private static ConsentProof signupForm() {
    return ConsentProof.webForm("signup-form", "v3").ip("203.0.113.7").userAgent("Mozilla/5.0")
        .noticeText("We send a monthly newsletter.").locale(Locale.GERMANY).build();
  }

  @Nested
  class Granting {

    @Test
    void recordsAGrantWithItsProofAndTheClockTime() {
      ConsentEvent event = consents.grant(alice, "newsletter", signupForm());

      assertThat(event.type()).isEqualTo(ConsentEventType.GRANTED);
      assertThat(event.sequence()).isEqualTo(1);
      assertThat(event.occurredAt()).isEqualTo(clock.instant());
      assertThat(event.recordedAt()).isEqualTo(clock.instant());
      assertThat(event.noticeVersion()).isEqualTo("2026-10");
      assertThat(event.proof().channel()).isEqualTo(ConsentChannel.WEB_FORM);
      assertThat(event.proof().formId()).isEqualTo("signup-form");
      assertThat(event.proof().formVersion()).isEqualTo("v3");
      assertThat(event.proof().noticeSha256()).isEqualTo(Hashing.sha256Hex("We send a monthly newsletter."));
      assertThat(event.proof().locale()).isEqualTo(Locale.GERMANY);
      assertThat(event.proof().userAgent()).isEqualTo("Mozilla/5.0");
      assertThat(event.proof().recordedBy()).isEqualTo(Actor.subject());
      assertThat(consents.state(alice, "newsletter")).get().extracting(ConsentState::status)
          .isEqualTo(ConsentStatus.GRANTED);
      assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
    }

    @Test
    void fingerprintsTheNoticeWithSha256() {
      ConsentProof proof = ConsentProof.webForm("f", "1").noticeText("abc").build();

      assertThat(proof.noticeSha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void truncatesIpAddressesByDefault() {
      ConsentEvent v4 = consents.grant(alice, "newsletter", ConsentProof.webForm("f", "1").ip("203.0.113.7").build());
      ConsentEvent v6 = consents.grant(SubjectId.of("b"), "newsletter",
          ConsentProof.webForm("f", "1").ip("2001:db8:abcd:12:34:56:78:9").build());

      assertThat(v4.proof().ip().policy()).isEqualTo(IpPolicy.TRUNCATE);
      assertThat(v4.proof().ip().value().value(PersonalDataAccess.unredacted())).isEqualTo("203.0.113.0");
      assertThat(v6.proof().ip().value().value(PersonalDataAccess.unredacted())).isEqualTo("2001:db8:abcd:0:0:0:0:0");
    }

    @Test
    void keepsOrHashesIpAddressesWhenConfigured() {
      GdprKit keeping = GdprKit.builder().ipPolicy(IpPolicy.KEEP)
          .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News")).build();
      GdprKit hashing = GdprKit.builder().ipPolicy(IpPolicy.KEYED_HASH)
          .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News")).build();

      String kept = keeping.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").ip("203.0.113.7").build())
          .proof().ip().value().value(PersonalDataAccess.unredacted());
      String hashed = hashing.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").ip("203.0.113.7").build())
          .proof().ip().value().value(PersonalDataAccess.unredacted());
      String hashedAgain = hashing.consents().grant(SubjectId.of("b"), "newsletter",
          ConsentProof.webForm("f", "1").ip("203.0.113.7").build()).proof().ip().value().value(PersonalDataAccess.unredacted());

      assertThat(kept).isEqualTo("203.0.113.7");
      assertThat(hashed).startsWith(hashing.pseudonymKey().versionId() + ":").doesNotContain("203").isEqualTo(hashedAgain);
    }

    @Test
    void neverPrintsTheIpAddressInAProof() {
      ConsentEvent event = consents.grant(alice, "newsletter", signupForm());

      assertThat(event.toString()).doesNotContain("203.0.113").contains("redacted");
    }

    @Test
    void tagsTheSubjectWithTheProofsSource() {
      consents.grant(alice, "newsletter", signupForm());

      assertThat(gdpr.sources().tags(alice)).singleElement().satisfies(tag -> {
        assertThat(tag.origin()).isEqualTo(Origin.form("signup-form"));
        assertThat(tag.taggedAt()).isEqualTo(clock.instant());
      });
    }

    @Test
    void recordsAConsentGivenEarlierWithItsOwnDateAndExpiry() {
      Instant onPaper = Instant.parse("2025-01-15T09:00:00Z");

      ConsentEvent event = consents.grant(alice, "offers", ConsentProof.inPerson("user-17").build(), onPaper);

      assertThat(event.occurredAt()).isEqualTo(onPaper);
      assertThat(event.recordedAt()).isEqualTo(clock.instant());
      assertThat(event.expiresAt()).isEqualTo(Instant.parse("2027-01-15T09:00:00Z"));
      assertThat(event.proof().recordedBy()).isEqualTo(Actor.staff("user-17"));
    }

    @Test
    void renewsAGrantedConsent() {
      ConsentEvent first = consents.grant(alice, "newsletter", signupForm());
      clock.advance(Duration.ofDays(3));

      ConsentEvent second = consents.grant(alice, "newsletter", signupForm());

      assertThat(second.sequence()).isEqualTo(2);
      assertThat(consents.state(alice, "newsletter")).get().satisfies(s -> {
        assertThat(s.eventId()).isEqualTo(second.id()).isNotEqualTo(first.id());
        assertThat(s.since()).isEqualTo(clock.instant());
      });
    }

    @Test
    void doesNotLetABackdatedGrantUndoALaterWithdrawal() {
      consents.grant(alice, "newsletter", signupForm());
      clock.advance(Duration.ofDays(30));
      consents.withdraw(alice, "newsletter");
      clock.advance(Duration.ofDays(1));

      assertThatThrownBy(() -> consents.grant(alice, "newsletter", ConsentProof.inPerson("user-17").build(),
          clock.instant().minus(Duration.ofDays(10))))
          .isInstanceOfSatisfying(OutdatedConsentException.class,
              e -> assertThat(e.latest()).isEqualTo(clock.instant().minus(Duration.ofDays(1))));
      assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
      assertThat(consents.history(alice, "newsletter")).hasSize(2);
    }

    @Test
    void refusesAGrantForAPurposeWhoseBasisIsNotConsent() {
      assertThatThrownBy(() -> consents.grant(alice, "billing", signupForm()))
          .isInstanceOf(LegalBasisMismatchException.class)
          .hasMessageContaining("billing").hasMessageContaining("CONTRACT");
      assertThat(consents.history(alice)).isEmpty();
      assertThat(gdpr.sources().tags(alice)).isEmpty();
    }

    @Test
    void refusesAnUndeclaredPurpose() {
      assertThatThrownBy(() -> consents.grant(alice, "newsleter", signupForm()))
          .isInstanceOf(UnknownPurposeException.class).hasMessageContaining("newsleter");
      assertThat(consents.history(alice)).isEmpty();
    }

    @Test
    void refusesAGrantDatedInTheFuture() {
      assertThatThrownBy(() -> consents.grant(alice, "newsletter", signupForm(), clock.instant().plusSeconds(1)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("occurredAt");
      assertThat(consents.history(alice)).isEmpty();
    }
  }

  @Nested
  class BadProofs {

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "203.0.113", "203.0.113.256", "203.0.113.07", "1.2.3.4.5", "::g",
        "1:2:3:4:5:6:7:8:9", "203.0.113.7 ", "fe80::1%eth0", "localhost"})
    void refusesWhatIsNotAnIpLiteral(String notAnIp) {
      assertThatThrownBy(() -> ConsentProof.webForm("f", "1").ip(notAnIp))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("ip must be an IPv4 or IPv6 literal");
    }

    @Test
    void refusesAMalformedNoticeFingerprint() {
      assertThatThrownBy(() -> ConsentProof.webForm("f", "1").noticeSha256("ABC"))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("notice SHA-256");
    }

    @Test
    void refusesAnOverlongUserAgentWithoutEchoingIt() {
      String ua = "x".repeat(513);

      assertThatThrownBy(() -> ConsentProof.webForm("f", "1").userAgent(ua))
          .isInstanceOf(InvalidInputException.class).hasMessage("user agent must be at most 512 characters long");
    }

    @Test
    void refusesABlankFormId() {
      assertThatThrownBy(() -> ConsentProof.webForm(" ", "1")).isInstanceOf(InvalidInputException.class)
          .hasMessage("form id must not be blank");
    }
  }

  @Nested
  class Withdrawing {

    @Test
    void withdrawsInOneCallWithNoProofRequired() {
      consents.grant(alice, "newsletter", signupForm());
      clock.advance(Duration.ofHours(1));

      ConsentEvent event = consents.withdraw(alice, "newsletter");

      assertThat(event.type()).isEqualTo(ConsentEventType.WITHDRAWN);
      assertThat(event.proof().recordedBy()).isEqualTo(Actor.subject());
      assertThat(consents.state(alice, "newsletter")).get().extracting(ConsentState::status)
          .isEqualTo(ConsentStatus.WITHDRAWN);
      assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
    }

    @Test
    void refusesToWithdrawAConsentNeverGiven() {
      assertThatThrownBy(() -> consents.withdraw(alice, "newsletter"))
          .isInstanceOf(ConsentNotGrantedException.class)
          .hasMessageContaining("contact-42").hasMessageContaining("newsletter").hasMessageContaining("none");
      assertThat(consents.history(alice)).isEmpty();
    }

    @Test
    void refusesToWithdrawTwice() {
      consents.grant(alice, "newsletter", signupForm());
      consents.withdraw(alice, "newsletter");

      assertThatThrownBy(() -> consents.withdraw(alice, "newsletter"))
          .isInstanceOfSatisfying(ConsentNotGrantedException.class,
              e -> assertThat(e.status()).isEqualTo(ConsentStatus.WITHDRAWN));
      assertThat(consents.history(alice)).hasSize(2);
    }

    @Test
    void refusesToWithdrawFromAContractPurpose() {
      assertThatThrownBy(() -> consents.withdraw(alice, "billing")).isInstanceOf(LegalBasisMismatchException.class);
    }
  }

  @Nested
  class History {

    @Test
    void keepsEveryEventWithItsProofInOrder() {
      consents.grant(alice, "newsletter", signupForm());
      consents.grant(alice, "offers", ConsentProof.phone("user-17").build());
      consents.withdraw(alice, "newsletter");

      assertThat(consents.history(alice)).extracting(ConsentEvent::purpose, ConsentEvent::type).containsExactly(
          org.assertj.core.groups.Tuple.tuple("newsletter", ConsentEventType.GRANTED),
          org.assertj.core.groups.Tuple.tuple("offers", ConsentEventType.GRANTED),
          org.assertj.core.groups.Tuple.tuple("newsletter", ConsentEventType.WITHDRAWN));
      assertThat(consents.history(alice, "newsletter")).extracting(ConsentEvent::sequence).containsExactly(1L, 2L);
      assertThat(ConsentState.fold(consents.history(alice, "newsletter"))).isEqualTo(consents.state(alice, "newsletter"));
    }

    @Test
    void keepsTenantsApart() {
      SubjectId acmeAlice = SubjectId.of(io.gdprkit.subject.TenantId.of("acme"), "contact-42");
      consents.grant(acmeAlice, "newsletter", signupForm());

      assertThat(consents.history(alice)).isEmpty();
      assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.NO_CONSENT);
      assertThat(gdpr.decide(acmeAlice, "newsletter").allowed()).isTrue();
    }
  }

  @Nested
  class Expiry {

    @Test
    void deniesAfterTheValidityRunsOutAndRecordsTheExpiry() {
      consents.grant(alice, "offers", signupForm());
      clock.advance(Duration.ofDays(731));

      assertThat(gdpr.decide(alice, "offers").reason()).isEqualTo(DecisionReason.CONSENT_EXPIRED);
      assertThat(consents.state(alice, "offers")).get().satisfies(s -> {
        assertThat(s.status()).isEqualTo(ConsentStatus.GRANTED);
        assertThat(s.statusAt(clock.instant())).isEqualTo(ConsentStatus.EXPIRED);
      });

      int recorded = consents.recordExpiries(100);

      assertThat(recorded).isEqualTo(1);
      assertThat(consents.history(alice, "offers")).last().satisfies(e -> {
        assertThat(e.type()).isEqualTo(ConsentEventType.EXPIRED);
        assertThat(e.proof().channel()).isEqualTo(ConsentChannel.SYSTEM);
      });
      assertThat(consents.state(alice, "offers")).get().extracting(ConsentState::status)
          .isEqualTo(ConsentStatus.EXPIRED);
      assertThat(consents.recordExpiries(100)).isZero();
    }

    @Test
    void recordsNoExpiryBeforeTheValidityRunsOut() {
      consents.grant(alice, "offers", signupForm());
      clock.advance(Duration.ofDays(700));

      assertThat(consents.recordExpiries(100)).isZero();
      assertThat(gdpr.decide(alice, "offers").allowed()).isTrue();
    }

    @Test
    void recordsExpiriesInBoundedBatches() {
      for (int i = 0; i < 5; i++) {
        consents.grant(SubjectId.of("s" + i), "offers", signupForm());
      }
      clock.advance(Duration.ofDays(800));

      assertThat(consents.recordExpiries(2)).isEqualTo(2);
      assertThat(consents.recordExpiries(2)).isEqualTo(2);
      assertThat(consents.recordExpiries(2)).isEqualTo(1);
    }

    @Test
    void refusesANonPositiveLimit() {
      assertThatThrownBy(() -> consents.recordExpiries(0)).isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  class Switches {

    @Test
    void areOffByDefaultAndKeepTheirHistory() {
      assertThat(consents.isSwitchOn(alice, io.gdprkit.purpose.ProcessingSwitch.PROFILING)).isFalse();

      consents.setSwitch(alice, io.gdprkit.purpose.ProcessingSwitch.PROFILING, true, Actor.subject());
      clock.advance(Duration.ofMinutes(5));
      consents.setSwitch(alice, io.gdprkit.purpose.ProcessingSwitch.PROFILING, false, Actor.staff("user-17"));

      assertThat(consents.isSwitchOn(alice, io.gdprkit.purpose.ProcessingSwitch.PROFILING)).isFalse();
      assertThat(consents.switchHistory(alice)).extracting(SwitchChange::on, SwitchChange::changedBy)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(true, Actor.subject()),
              org.assertj.core.groups.Tuple.tuple(false, Actor.staff("user-17")));
    }
  }

  @ParameterizedTest
  @EnumSource(value = LegalBasis.class, names = "CONSENT", mode = EnumSource.Mode.EXCLUDE)
  void refusesConsentOperationsOnEveryOtherBasis(LegalBasis basis) {
    GdprKit kit = GdprKit.builder().purpose(Purpose.of("p", basis, "Some processing")).build();

    assertThatThrownBy(() -> kit.consents().grant(alice, "p", signupForm()))
        .isInstanceOfSatisfying(LegalBasisMismatchException.class, e -> {
          assertThat(e.declared()).isEqualTo(basis);
          assertThat(e.expected()).isEqualTo(LegalBasis.CONSENT);
        });
    assertThatThrownBy(() -> kit.consents().requestConfirmation(alice, "p", signupForm()))
        .isInstanceOf(LegalBasisMismatchException.class);
    assertThat(kit.decide(alice, "p").reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
    assertThat(kit.decide(alice, "p").legalBasis()).isEqualTo(basis);
  }
}

package io.gdprkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.crypto.InvalidTokenException.Reason;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Period;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DoubleOptInTests {

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final KeyRing keys = KeyRing.of("2026-11", secret(1));
  private final SubjectId alice = SubjectId.of("contact-42");
  private final GdprKit gdpr = GdprKit.builder()
      .clock(clock)
      .keyRing(keys)
      .confirmationTokenValidity(Duration.ofHours(48))
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter").withConsentValidity(Period.ofYears(2)))
      .purpose(Purpose.of("offers", LegalBasis.CONSENT, "Offers"))
      .build();
  private final ConsentService consents = gdpr.consents();

  private static byte[] secret(int seed) {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) seed);
    return secret;
  }

  private PendingConsent request() {
    return consents.requestConfirmation(alice, "newsletter", ConsentProof.webForm("signup", "v3").ip("203.0.113.7").build());
  }

  @Test
  void isPendingUntilConfirmedThenGranted() {
    PendingConsent pending = request();

    assertThat(pending.event().type()).isEqualTo(ConsentEventType.PENDING_CONFIRMATION);
    assertThat(pending.tokenExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(48)));
    assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_PENDING);

    clock.advance(Duration.ofHours(2));
    ConsentEvent confirmed = consents.confirm(pending.token(), ConsentProof.emailConfirmation().ip("198.51.100.4").build());

    assertThat(confirmed.type()).isEqualTo(ConsentEventType.CONFIRMED);
    assertThat(confirmed.proof().channel()).isEqualTo(ConsentChannel.EMAIL_DOUBLE_OPT_IN);
    assertThat(confirmed.expiresAt()).isEqualTo(clock.instant().atZone(java.time.ZoneOffset.UTC).plusYears(2).toInstant());
    assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
    assertThat(consents.history(alice, "newsletter")).extracting(ConsentEvent::type)
        .containsExactly(ConsentEventType.PENDING_CONFIRMATION, ConsentEventType.CONFIRMED);
  }

  @Test
  void refusesAReusedToken() {
    PendingConsent pending = request();
    consents.confirm(pending.token());

    assertThatThrownBy(() -> consents.confirm(pending.token()))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_USED));
    assertThat(consents.history(alice, "newsletter")).hasSize(2);
  }

  @Test
  void refusesAnExpiredToken() {
    PendingConsent pending = request();
    clock.advance(Duration.ofHours(48));

    assertThatThrownBy(() -> consents.confirm(pending.token()))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_PENDING);
  }

  @Test
  void refusesATokenSupersededByANewerRequestOrAWithdrawal() {
    PendingConsent first = request();
    PendingConsent second = request();

    assertThatThrownBy(() -> consents.confirm(first.token()))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SUPERSEDED));

    consents.withdraw(alice, "newsletter");

    assertThatThrownBy(() -> consents.confirm(second.token()))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SUPERSEDED));
    assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
  }

  @Test
  void refusesEverySingleCharacterTamperingOfAToken() {
    String token = request().token();

    for (int i = 0; i < token.length(); i++) {
      char original = token.charAt(i);
      char replacement = original == 'A' ? 'B' : 'A';
      String tampered = token.substring(0, i) + replacement + token.substring(i + 1);

      assertThatThrownBy(() -> consents.confirm(tampered)).as("tampered at %d", i)
          .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason())
              .isIn(Reason.MALFORMED, Reason.BAD_SIGNATURE, Reason.UNKNOWN_KEY));
    }
    assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_PENDING);
  }

  @Test
  void refusesATokenWhosePayloadWasSwappedForAnotherSubject() {
    String aliceToken = request().token();
    String bobToken = consents.requestConfirmation(SubjectId.of("bob"), "newsletter",
        ConsentProof.webForm("signup", "v3").build()).token();
    String[] a = aliceToken.split("\\.");
    String[] b = bobToken.split("\\.");

    String spliced = a[0] + "." + a[1] + "." + b[2] + "." + a[3];

    assertThatThrownBy(() -> consents.confirm(spliced))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
  }

  @Test
  void refusesGarbageAndTokensOfAnotherKind() {
    String unsubscribe = "uns1.2026-11." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString("x".repeat(20).getBytes(StandardCharsets.UTF_8)) + ".AAAA";

    for (String bad : new String[] {"", "abc", "doi1...", "doi1.2026-11.!!!.AAAA", unsubscribe, "doi1.k.AA.AA.AA",
        "x".repeat(5000)}) {
      assertThatThrownBy(() -> consents.confirm(bad)).as(bad.length() > 40 ? "long" : bad)
          .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
  }

  @Test
  void keepsTokensInFlightWorkingAcrossAKeyRotationUntilTheOldKeyIsRetired() {
    PendingConsent beforeRotation = request();
    PendingConsent forOffers = consents.requestConfirmation(alice, "offers", ConsentProof.webForm("signup", "v3").build());

    keys.rotate("2026-12", secret(2));
    PendingConsent afterRotation = consents.requestConfirmation(SubjectId.of("bob"), "newsletter",
        ConsentProof.webForm("signup", "v3").build());

    assertThat(afterRotation.token()).startsWith("doi1.2026-12.");
    assertThat(consents.confirm(beforeRotation.token()).type()).isEqualTo(ConsentEventType.CONFIRMED);
    assertThat(consents.confirm(afterRotation.token()).type()).isEqualTo(ConsentEventType.CONFIRMED);

    keys.retire("2026-11");

    assertThatThrownBy(() -> consents.confirm(forOffers.token()))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
  }

  @Test
  void refusesATokenFromAnotherKitsKeys() {
    GdprKit other = GdprKit.builder().keyRing(KeyRing.of("2026-11", secret(9)))
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News")).build();
    String foreign = other.consents().requestConfirmation(alice, "newsletter",
        ConsentProof.webForm("signup", "v3").build()).token();

    assertThatThrownBy(() -> consents.confirm(foreign))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
  }

  @Test
  void doesNotLetARequestWeakenAGrantedConsent() {
    consents.grant(alice, "newsletter", ConsentProof.webForm("signup", "v3").build());

    assertThatThrownBy(this::request).isInstanceOf(ConsentAlreadyGrantedException.class);
    assertThat(gdpr.decide(alice, "newsletter").allowed()).isTrue();
    assertThat(consents.history(alice, "newsletter")).hasSize(1);
  }

  @Test
  void asksAgainOnceAGrantHasExpired() {
    consents.grant(alice, "newsletter", ConsentProof.webForm("signup", "v3").build());
    clock.advance(Duration.ofDays(800));

    PendingConsent pending = request();

    assertThat(consents.history(alice, "newsletter")).extracting(ConsentEvent::type).containsExactly(
        ConsentEventType.GRANTED, ConsentEventType.EXPIRED, ConsentEventType.PENDING_CONFIRMATION);
    consents.confirm(pending.token());
    assertThat(gdpr.decide(alice, "newsletter").allowed()).isTrue();
  }

  @Test
  void confirmsOnceWhenTheSameLinkIsClickedTwiceAtOnce() throws Exception {
    for (int round = 0; round < 50; round++) {
      SubjectId subject = SubjectId.of("racer-" + round);
      String token = consents.requestConfirmation(subject, "newsletter", ConsentProof.webForm("f", "1").build()).token();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Callable<Boolean> click = () -> {
          try {
            consents.confirm(token);
            return true;
          } catch (InvalidTokenException e) {
            assertThat(e.reason()).isEqualTo(Reason.ALREADY_USED);
            return false;
          }
        };
        Future<Boolean> one = pool.submit(click);
        Future<Boolean> two = pool.submit(click);

        assertThat(one.get(5, TimeUnit.SECONDS) ^ two.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(consents.history(subject, "newsletter")).hasSize(2);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void neverShowsTheTokenInToString() {
    PendingConsent pending = request();

    assertThat(pending.toString()).doesNotContain(pending.token()).doesNotContain("contact-42");
  }

  @Test
  @org.junit.jupiter.api.DisplayName("Art. 7(1): the CONFIRMED event keeps the request's form, notice hash, locale and "
      + "notice version, even when the notice changed before the click; the click's own proof wins where it has one")
  void confirmsTheNoticeTheRequestShowed() {
    ConsentStore store = ConsentStore.inMemory();
    io.gdprkit.crypto.PseudonymKey pseudonyms = io.gdprkit.crypto.PseudonymKey.of("p-1", secret(9));
    Purpose v1 = Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter").withNoticeVersion("1");
    GdprKit before = GdprKit.builder().clock(clock).keyRing(keys).pseudonymKey(pseudonyms).consentStore(store)
        .purpose(v1).build();
    GdprKit after = GdprKit.builder().clock(clock).keyRing(keys).pseudonymKey(pseudonyms).consentStore(store)
        .purpose(v1.withNoticeVersion("2")).build();
    PendingConsent first = before.consents().requestConfirmation(alice, "newsletter", ConsentProof
        .webForm("signup", "v3").noticeText("Monthly news, cancel any time.").locale(java.util.Locale.FRANCE).build());

    ConsentEvent confirmed = after.consents().confirm(first.token());
    PendingConsent second = after.consents().requestConfirmation(SubjectId.of("contact-43"), "newsletter",
        ConsentProof.webForm("signup", "v4").build());
    ConsentEvent ownForm = after.consents().confirm(second.token(),
        ConsentProof.emailConfirmation().form("confirm-page", "v1").locale(java.util.Locale.ITALY).build());

    assertThat(confirmed.noticeVersion()).isEqualTo("1");
    assertThat(confirmed.proof().formId()).isEqualTo("signup");
    assertThat(confirmed.proof().formVersion()).isEqualTo("v3");
    assertThat(confirmed.proof().noticeSha256()).isEqualTo(first.event().proof().noticeSha256()).isNotNull();
    assertThat(confirmed.proof().locale()).isEqualTo(java.util.Locale.FRANCE);
    assertThat(confirmed.proof().channel()).isEqualTo(ConsentChannel.EMAIL_DOUBLE_OPT_IN);
    assertThat(ownForm.noticeVersion()).isEqualTo("2");
    assertThat(ownForm.proof().formId()).isEqualTo("confirm-page");
    assertThat(ownForm.proof().formVersion()).isEqualTo("v1");
    assertThat(ownForm.proof().locale()).isEqualTo(java.util.Locale.ITALY);
  }
}

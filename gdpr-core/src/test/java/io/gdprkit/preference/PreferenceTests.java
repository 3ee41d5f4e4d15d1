package io.gdprkit.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.crypto.InvalidTokenException.Reason;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PreferenceTests {

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");
  private final GdprKit gdpr = GdprKit.builder()
      .clock(clock)
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter"))
      .purpose(Purpose.of("marketing-offers", LegalBasis.CONSENT, "Special offers"))
      .purpose(Purpose.of("event-invitations", LegalBasis.CONSENT, "Invitations to events"))
      .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
      .topic(Topic.of("newsletter", "Newsletter", "newsletter"))
      .topic(Topic.of("offers", "Special offers", "marketing-offers"))
      .topic(Topic.of("invitations", "Event invitations", "event-invitations"))
      .build();
  private final PreferenceService preferences = gdpr.preferences();

  private static ConsentProof form() {
    return ConsentProof.webForm("preferences", "2").build();
  }

  @Test
  void subscribesThroughTheBackingConsentPurpose() {
    ConsentEvent event = preferences.subscribe(alice, "offers", form());

    assertThat(event.purpose()).isEqualTo("marketing-offers");
    assertThat(gdpr.decide(alice, "marketing-offers").allowed()).isTrue();
    assertThat(preferences.subscriptions(alice))
        .extracting(s -> s.topic().id(), Subscription::subscribed, Subscription::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("newsletter", false, null),
            org.assertj.core.groups.Tuple.tuple("offers", true, ConsentStatus.GRANTED),
            org.assertj.core.groups.Tuple.tuple("invitations", false, null));
  }

  @Test
  void withdrawsInOneCallFromASignedTokenWithoutLogin() {
    preferences.subscribe(alice, "newsletter", form());
    preferences.subscribe(alice, "offers", form());
    String token = preferences.unsubscribeToken(alice, "newsletter");

    UnsubscribeResult result = preferences.unsubscribe(token);

    assertThat(result.subject()).isEqualTo(alice);
    assertThat(result.withdrawn()).containsExactly("newsletter");
    assertThat(result.notSubscribed()).isEmpty();
    assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
    assertThat(gdpr.decide(alice, "marketing-offers").allowed()).isTrue();
    assertThat(gdpr.consents().history(alice, "newsletter")).last()
        .satisfies(e -> assertThat(e.proof().channel()).isEqualTo(ConsentChannel.UNSUBSCRIBE_LINK));
  }

  @Test
  void unsubscribesFromEveryTopicWithTheAllToken() {
    preferences.subscribe(alice, "newsletter", form());
    preferences.subscribe(alice, "invitations", form());

    UnsubscribeResult result = preferences.unsubscribe(preferences.unsubscribeAllToken(alice));

    assertThat(result.withdrawn()).containsExactly("newsletter", "invitations");
    assertThat(result.notSubscribed()).containsExactly("offers");
    assertThat(preferences.subscriptions(alice)).noneMatch(Subscription::subscribed);
  }

  @Test
  void succeedsWithNothingWithdrawnWhenTheLinkIsClickedTwice() {
    preferences.subscribe(alice, "newsletter", form());
    String token = preferences.unsubscribeToken(alice, "newsletter");
    preferences.unsubscribe(token);

    UnsubscribeResult again = preferences.unsubscribe(token);

    assertThat(again.withdrawn()).isEmpty();
    assertThat(again.notSubscribed()).containsExactly("newsletter");
    assertThat(gdpr.consents().history(alice, "newsletter")).hasSize(2);
  }

  @Test
  void keepsTokensWorkingForOldEmailsAndTenantsApart() {
    SubjectId acmeAlice = SubjectId.of(TenantId.of("acme"), "contact-42");
    preferences.subscribe(alice, "newsletter", form());
    preferences.subscribe(acmeAlice, "newsletter", form());
    String token = preferences.unsubscribeToken(acmeAlice, "newsletter");
    clock.advance(Duration.ofDays(3 * 365));

    preferences.unsubscribe(token);

    assertThat(gdpr.decide(acmeAlice, "newsletter").allowed()).isFalse();
    assertThat(gdpr.decide(alice, "newsletter").allowed()).isTrue();
  }

  @Test
  void expiresTokensWhenTheKitSaysSo() {
    GdprKit expiring = GdprKit.builder().clock(clock).unsubscribeTokenValidity(Duration.ofDays(30))
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News"))
        .topic(Topic.of("newsletter", "Newsletter", "newsletter")).build();
    String token = expiring.preferences().unsubscribeToken(alice, "newsletter");
    clock.advance(Duration.ofDays(30));

    assertThatThrownBy(() -> expiring.preferences().unsubscribe(token))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
  }

  @Test
  void refusesATamperedTokenAndAConfirmationToken() {
    preferences.subscribe(alice, "newsletter", form());
    String token = preferences.unsubscribeToken(alice, "newsletter");
    char[] chars = token.toCharArray();
    int middle = token.lastIndexOf('.') - 3;
    chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
    String doiToken = gdpr.consents().requestConfirmation(SubjectId.of("bob"), "newsletter", form()).token();

    assertThatThrownBy(() -> preferences.unsubscribe(new String(chars)))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason())
            .isIn(Reason.BAD_SIGNATURE, Reason.MALFORMED));
    assertThatThrownBy(() -> preferences.unsubscribe(doiToken))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    assertThat(gdpr.decide(alice, "newsletter").allowed()).isTrue();
  }

  @Test
  void refusesUnknownTopics() {
    assertThatThrownBy(() -> preferences.subscribe(alice, "ofers", form()))
        .isInstanceOf(UnknownTopicException.class).hasMessageContaining("ofers");
    assertThatThrownBy(() -> preferences.unsubscribeToken(alice, "ofers")).isInstanceOf(UnknownTopicException.class);
  }

  @Test
  void refusesTopicsThatAreDeclaredWrongly() {
    Purpose news = Purpose.of("newsletter", LegalBasis.CONSENT, "News");
    Purpose billing = Purpose.of("billing", LegalBasis.CONTRACT, "Invoices");

    assertThatThrownBy(() -> GdprKit.builder().purpose(news).topic(Topic.of("n", "N", "missing")).build())
        .isInstanceOf(UnknownPurposeException.class);
    assertThatThrownBy(() -> GdprKit.builder().purpose(billing).topic(Topic.of("b", "B", "billing")).build())
        .isInstanceOf(LegalBasisMismatchException.class);
    assertThatThrownBy(() -> GdprKit.builder().purpose(news)
        .topic(Topic.of("a", "A", "newsletter")).topic(Topic.of("b", "B", "newsletter")).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("each topic needs its own purpose");
    assertThatThrownBy(() -> GdprKit.builder().purpose(news)
        .topic(Topic.of("a", "A", "newsletter")).topic(Topic.of("a", "A", "newsletter")).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("declared twice");
    assertThatThrownBy(() -> Topic.of("", "A", "newsletter")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void listsTopicsInDeclarationOrder() {
    assertThat(preferences.topics()).extracting(Topic::id).containsExactly("newsletter", "offers", "invitations");
    assertThat(Arrays.asList(preferences.topics().get(1).name())).containsExactly("Special offers");
  }
}

package io.gdprkit.gpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprException;
import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.VerificationResult;
import io.gdprkit.audit.internal.EntryHashing;
import io.gdprkit.authorisation.StaffUser;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.consent.ConsentWithdrawn;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.restriction.ObjectionRecorded;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Global Privacy Control through {@code GdprKit.gpc()}: mapping, proof, idempotence and the conflict rule. */
class GpcServiceTests {

  private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
  private static final String PAGE = "https://shop.example/checkout?email=alice%40example.com";
  private static final SubjectId ALICE = SubjectId.of("contact-42");

  private final TestClock clock = TestClock.at("2026-12-07T09:00:00Z");
  private final List<GdprEvent> published = new ArrayList<>();

  /** Ad sharing and the newsletter rest on consent; profiling for ads and analytics on legitimate interests. */
  private GdprKit kit(GpcConflictRule rule) {
    return GdprKit.builder()
        .clock(clock)
        .purpose(Purpose.of("ad-sharing", LegalBasis.CONSENT, "Sharing with ad partners"))
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Newsletter").asDirectMarketing())
        .purpose(Purpose.of("reviews", LegalBasis.CONSENT, "Review invitations"))
        .purpose(Purpose.of("ad-profiling", LegalBasis.LEGITIMATE_INTERESTS, "Profiling for ads").asDirectMarketing())
        .purpose(Purpose.of("analytics", LegalBasis.LEGITIMATE_INTERESTS, "Cross-site analytics")
            .withDataCategories(DataCategory.ONLINE_IDENTIFIERS))
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
        .gpc(GpcPolicy.defaults()
            .withWithdrawal("ad-sharing", "newsletter")
            .withObjection("ad-profiling", "analytics")
            .withConflictRule(rule))
        .onEvent(published::add)
        .build();
  }

  private static GpcSignal headerSignal() {
    return GpcSignal.fromHeaders(RequestHeaders.of(Map.of("Sec-GPC", List.of("1"), "User-Agent", List.of(FIREFOX))))
        .orElseThrow().atPage(PAGE);
  }

  private static ConsentProof form() {
    return ConsentProof.webForm("signup", "v3").build();
  }

  private void later() {
    clock.advance(Duration.ofMinutes(5));
  }

  @Nested
  @DisplayName("mapping")
  class Mapping {

    private final GdprKit gdpr = kit(GpcConflictRule.LATEST_DIRECT_CHOICE_WINS);

    @Test
    @DisplayName("Art. 7(3): a signal withdraws the consent of each purpose mapped to withdrawal, and of no other")
    void withdrawsTheConsentOfTheMappedPurposes() {
      gdpr.consents().grant(ALICE, "ad-sharing", form());
      gdpr.consents().grant(ALICE, "newsletter", form());
      gdpr.consents().grant(ALICE, "reviews", form());
      later();

      GpcOutcome outcome = gdpr.gpc().apply(ALICE, headerSignal());

      assertThat(outcome.withdrawals()).extracting(ConsentEvent::purpose).containsExactly("ad-sharing", "newsletter");
      assertThat(gdpr.decide(ALICE, "ad-sharing").reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
      // withdrawn too, but the signal's objection to direct marketing as a whole (Art. 21(3)) is what decides first
      assertThat(gdpr.decide(ALICE, "newsletter").reason()).isEqualTo(DecisionReason.OBJECTED);
      assertThat(gdpr.decide(ALICE, "reviews").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
      ConsentEvent withdrawal = last(gdpr.consents().history(ALICE, "ad-sharing"));
      assertThat(withdrawal.type()).isEqualTo(ConsentEventType.WITHDRAWN);
      assertThat(withdrawal.occurredAt()).isEqualTo(clock.instant());
      assertThat(withdrawal.proof().channel()).isEqualTo(ConsentChannel.GLOBAL_PRIVACY_CONTROL);
      assertThat(withdrawal.proof().formId()).isEqualTo("Sec-GPC");
      assertThat(withdrawal.proof().recordedBy()).isEqualTo(Actor.subject());
      assertThat(withdrawal.proof().userAgent()).as("the text of the user agent is not kept").isNull();
      assertThat(withdrawal.proof().ip()).as("no IP address").isNull();
    }

    @Test
    @DisplayName("Art. 21(5) with 21(1) and 21(2): a signal records the subject's objection to each purpose mapped to it")
    void recordsAnObjectionByAutomatedMeans() {
      GpcOutcome outcome = gdpr.gpc().apply(ALICE, headerSignal());

      // Art. 21(2)-(3): the objection to one direct-marketing purpose is recorded as one to direct marketing as a whole
      assertThat(outcome.objections()).extracting(ObjectionChange::purpose)
          .containsExactly(ObjectionChange.DIRECT_MARKETING, "analytics");
      assertThat(gdpr.restrictions().objectionHistory(ALICE)).allSatisfy(change -> {
        assertThat(change.status()).isEqualTo(ObjectionStatus.OBJECTED);
        assertThat(change.changedBy()).isEqualTo(Actor.subject());
        assertThat(change.changedAt()).isEqualTo(clock.instant());
        assertThat(change.note()).contains("Global Privacy Control", "Art. 21(5)", "https://shop.example")
            .doesNotContain("alice");
      });
      assertThat(gdpr.decide(ALICE, "ad-profiling").reason()).isEqualTo(DecisionReason.OBJECTED);
      assertThat(gdpr.decide(ALICE, "analytics").reason()).isEqualTo(DecisionReason.OBJECTED);
      assertThat(gdpr.decide(ALICE, "billing").reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
      gdpr.consents().grant(ALICE, "newsletter", form());
      assertThat(gdpr.decide(ALICE, "newsletter").reason())
          .as("every direct-marketing purpose, the consent-based newsletter included, is objected to")
          .isEqualTo(DecisionReason.OBJECTED);
    }

    @Test
    @DisplayName("GPC §3.4: a navigator.globalPrivacyControl report applies as the header does, and says so")
    void appliesTheNavigatorPropertyAsTheHeader() {
      gdpr.consents().grant(ALICE, "ad-sharing", form());
      later();

      GpcOutcome outcome = gdpr.gpc().apply(ALICE, GpcSignal.fromNavigator(true).orElseThrow());

      assertThat(outcome.withdrawals()).singleElement().satisfies(event ->
          assertThat(event.proof().formId()).isEqualTo("navigator.globalPrivacyControl"));
      assertThat(gdpr.gpc().history(ALICE)).singleElement().satisfies(record ->
          assertThat(record.source()).isEqualTo(GpcSignal.Source.NAVIGATOR_PROPERTY));
    }

    @Test
    @DisplayName("Art. 21(2): direct marketing on any basis but consent can be mapped to an objection")
    void acceptsAnObjectionToDirectMarketingOnContract() {
      GdprKit gdpr = GdprKit.builder()
          .purpose(Purpose.of("postal-offers", LegalBasis.CONTRACT, "Offers by post").asDirectMarketing())
          .gpc(GpcPolicy.defaults().withObjection("postal-offers"))
          .build();

      gdpr.gpc().apply(ALICE, headerSignal());

      assertThat(gdpr.decide(ALICE, "postal-offers").reason()).isEqualTo(DecisionReason.OBJECTED);
    }

    @Test
    @DisplayName("Art. 7(3): a withdrawal mapped to a purpose not based on consent is refused at build time")
    void refusesAWithdrawalOfAPurposeNotBasedOnConsent() {
      GdprKit.Builder builder = GdprKit.builder()
          .purpose(Purpose.of("analytics", LegalBasis.LEGITIMATE_INTERESTS, "Analytics"))
          .gpc(GpcPolicy.defaults().withWithdrawal("analytics"));

      assertThatThrownBy(builder::build).isInstanceOf(LegalBasisMismatchException.class)
          .hasMessageContaining("analytics").hasMessageContaining("LEGITIMATE_INTERESTS");
    }

    @Test
    @DisplayName("Art. 21(1): an objection mapped to a purpose on contract that is not direct marketing is refused")
    void refusesAnObjectionTheRightDoesNotReach() {
      GdprKit.Builder builder = GdprKit.builder()
          .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
          .gpc(GpcPolicy.defaults().withObjection("billing"));

      assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("billing").hasMessageContaining("CONTRACT").hasMessageContaining("Art. 21(1)");
    }

    @Test
    @DisplayName("Art. 7(3): an objection mapped to a consent purpose is refused: the answer there is a withdrawal")
    void refusesAnObjectionToAConsentPurpose() {
      GdprKit.Builder builder = GdprKit.builder()
          .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Newsletter").asDirectMarketing())
          .gpc(GpcPolicy.defaults().withObjection("newsletter"));

      assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("withWithdrawal");
    }

    @Test
    @DisplayName("a policy naming an undeclared purpose, or one purpose twice, is refused")
    void refusesAnUnknownOrRepeatedPurpose() {
      GdprKit.Builder unknown = GdprKit.builder().gpc(GpcPolicy.defaults().withWithdrawal("ad-sharing"));

      assertThatThrownBy(unknown::build).isInstanceOf(UnknownPurposeException.class);
      assertThatThrownBy(() -> GpcPolicy.defaults().withWithdrawal("ads").withObjection("ads"))
          .isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("without a mapping, signals are not honoured: nothing is written and gpc.json says false")
    void honoursNothingWithoutAMapping() {
      GdprKit plain = GdprKit.builder().purpose(Purpose.of("ad-sharing", LegalBasis.CONSENT, "Ads")).build();
      plain.consents().grant(ALICE, "ad-sharing", form());

      GpcOutcome outcome = plain.gpc().apply(ALICE, headerSignal());

      assertThat(outcome).isEqualTo(GpcOutcome.nothing());
      assertThat(plain.gpc().history(ALICE)).isEmpty();
      assertThat(plain.decide(ALICE, "ad-sharing").allowed()).isTrue();
      assertThat(plain.gpc().supportResource().toJson()).isEqualTo("{\"gpc\":false}");
    }
  }

  @Nested
  @DisplayName("proof")
  class Proof {

    private final GdprKit gdpr = kit(GpcConflictRule.LATEST_DIRECT_CHOICE_WINS);

    @Test
    @DisplayName("the signal is recorded with its source, time, page origin and a keyed hash of the user agent only")
    void recordsTheSignalWithItsProof() {
      gdpr.consents().grant(ALICE, "newsletter", form());
      later();

      GpcOutcome outcome = gdpr.gpc().apply(ALICE, headerSignal());

      GpcSignalRecord record = gdpr.gpc().history(ALICE).get(0);
      assertThat(outcome.record()).isEqualTo(record);
      assertThat(record.sequence()).isEqualTo(1);
      assertThat(record.receivedAt()).isEqualTo(clock.instant());
      assertThat(record.source()).isEqualTo(GpcSignal.Source.SEC_GPC_HEADER);
      assertThat(record.origin()).isEqualTo("https://shop.example");
      assertThat(record.userAgentHash()).isEqualTo(gdpr.pseudonymKey().pseudonym("gpc-user-agent",
          FIREFOX.getBytes(StandardCharsets.UTF_8))).doesNotContain("Firefox");
      assertThat(record.withdrawn()).containsExactly("newsletter");
      assertThat(record.objected()).containsExactly(ObjectionChange.DIRECT_MARKETING, "analytics");
    }

    @Test
    @DisplayName("Art. 5(2): the signal and each change it made are in the verified audit trail, without personal data")
    void auditsTheSignalAndEachChange() {
      gdpr.consents().grant(ALICE, "newsletter", form());
      long before = gdpr.audit().size(TenantId.DEFAULT);
      later();

      gdpr.gpc().apply(ALICE, headerSignal());

      List<AuditEntry> trail = gdpr.audit().entries(TenantId.DEFAULT, before, 100);
      assertThat(gdpr.audit().verify(TenantId.DEFAULT)).isEqualTo(VerificationResult.ok(before + trail.size()));
      assertThat(trail).extracting(entry -> entry.record().kind()).containsExactly(AuditKind.CONSENT_CHANGED,
          AuditKind.OBJECTION_CHANGED, AuditKind.OBJECTION_CHANGED, AuditKind.PRIVACY_SIGNAL);
      assertThat(trail.get(3).record().details()).containsEntry("signal", "Sec-GPC")
          .containsEntry("origin", "https://shop.example").containsEntry("sequence", "1")
          .containsEntry("purpose:newsletter", "consent withdrawn")
          .containsEntry("purpose:analytics", "objection recorded");
      assertThat(trail).allSatisfy(entry -> {
        assertThat(entry.record().actor()).isEqualTo(Actor.subject());
        String canonical = new String(EntryHashing.canonicalBytes(entry), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
        assertThat(canonical).doesNotContain("contact-42", "firefox", "alice", "checkout");
      });
    }

    @Test
    @DisplayName("never silently: the withdrawals, objections and the signal are published as events")
    void publishesEveryChange() {
      gdpr.consents().grant(ALICE, "ad-sharing", form());
      later();
      published.clear();

      gdpr.gpc().apply(ALICE, headerSignal());

      assertThat(published).hasSize(4);
      assertThat(published.get(0)).isInstanceOfSatisfying(ConsentWithdrawn.class, w ->
          assertThat(w.purpose()).isEqualTo("ad-sharing"));
      assertThat(published.subList(1, 3)).allSatisfy(e -> assertThat(e).isInstanceOf(ObjectionRecorded.class));
      assertThat(published.get(3)).isInstanceOfSatisfying(GpcSignalRecorded.class, g -> {
        assertThat(g.withdrawn()).containsExactly("ad-sharing");
        assertThat(g.objected()).containsExactly(ObjectionChange.DIRECT_MARKETING, "analytics");
      });
    }

    @Test
    @DisplayName("a subject's first signal is recorded even when it changes nothing, and only once")
    void recordsTheFirstSignalOnce() {
      GdprKit gdpr = GdprKit.builder().clock(clock)
          .purpose(Purpose.of("ad-sharing", LegalBasis.CONSENT, "Ads"))
          .gpc(GpcPolicy.defaults().withWithdrawal("ad-sharing")).build();

      GpcOutcome first = gdpr.gpc().apply(ALICE, headerSignal());
      later();
      GpcOutcome second = gdpr.gpc().apply(ALICE, headerSignal());

      assertThat(first.record()).isNotNull().satisfies(r -> assertThat(r.changedAnything()).isFalse());
      assertThat(second).isEqualTo(GpcOutcome.nothing());
      assertThat(gdpr.gpc().history(ALICE)).containsExactly(first.record());
    }
  }

  @Nested
  @DisplayName("idempotence")
  class Idempotence {

    private final GdprKit gdpr = kit(GpcConflictRule.SIGNAL_WINS);

    @ParameterizedTest(name = "{0}")
    @EnumSource(GpcConflictRule.class)
    @DisplayName("GPC §3.3 and Appendix A: the signal on every later request records no second withdrawal, "
        + "objection, record or audit entry")
    void recordsNothingForARepeatedSignal(GpcConflictRule rule) {
      GdprKit gdpr = kit(rule);
      gdpr.consents().grant(ALICE, "ad-sharing", form());
      later();
      gdpr.gpc().apply(ALICE, headerSignal());
      int ledger = gdpr.consents().history(ALICE).size();
      int objections = gdpr.restrictions().objectionHistory(ALICE).size();
      long audit = gdpr.audit().size(TenantId.DEFAULT);

      List<GpcOutcome> repeated = new ArrayList<>();
      for (int request = 0; request < 3; request++) {
        later();
        repeated.add(gdpr.gpc().apply(ALICE, headerSignal()));
      }

      assertThat(repeated).containsOnly(GpcOutcome.nothing());
      assertThat(gdpr.consents().history(ALICE)).hasSize(ledger);
      assertThat(gdpr.restrictions().objectionHistory(ALICE)).hasSize(objections);
      assertThat(gdpr.gpc().history(ALICE)).hasSize(1);
      assertThat(gdpr.audit().size(TenantId.DEFAULT)).isEqualTo(audit);
    }

    @Test
    @DisplayName("a consent withdrawn directly before the signal is not withdrawn again")
    void leavesAWithdrawnConsentAlone() {
      gdpr.consents().grant(ALICE, "ad-sharing", form());
      gdpr.consents().withdraw(ALICE, "ad-sharing");
      later();

      GpcOutcome outcome = gdpr.gpc().apply(ALICE, headerSignal());

      assertThat(outcome.withdrawals()).isEmpty();
      assertThat(gdpr.consents().history(ALICE, "ad-sharing")).hasSize(2);
    }
  }

  @Nested
  @DisplayName("conflict with a direct choice: LATEST_DIRECT_CHOICE_WINS (the default)")
  class LatestDirectChoiceWins {

    private final GdprKit gdpr = kit(GpcConflictRule.LATEST_DIRECT_CHOICE_WINS);

    @Test
    @DisplayName("is the default rule")
    void isTheDefault() {
      assertThat(GpcPolicy.defaults().conflictRule()).isEqualTo(GpcConflictRule.LATEST_DIRECT_CHOICE_WINS);
    }

    @Test
    @DisplayName("11 CCR §7025(c)(3): a consent given directly after the signal was presented stands against it")
    void keepsAConsentGivenAfterTheSignal() {
      gdpr.consents().grant(ALICE, "ad-sharing", form());
      later();
      gdpr.gpc().apply(ALICE, headerSignal()); // withdraws the consent that predates the signal
      later();
      gdpr.consents().grant(ALICE, "ad-sharing", form()); // the person consents again, on the form, knowingly
      later();

      GpcOutcome outcome = gdpr.gpc().apply(ALICE, headerSignal());

      assertThat(outcome.withdrawals()).isEmpty();
      assertThat(outcome.directChoicesKept()).containsExactly("ad-sharing");
      assertThat(outcome.record()).isNull();
      assertThat(gdpr.decide(ALICE, "ad-sharing").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
    }

    @Test
    @DisplayName("a consent given after a first signal that changed nothing also stands: the first signal is on record")
    void keepsAConsentGivenAfterAFirstSignalThatChangedNothing() {
      gdpr.gpc().apply(ALICE, headerSignal()); // nothing to withdraw yet
      later();
      gdpr.consents().grant(ALICE, "newsletter", form());
      later();

      GpcOutcome outcome = gdpr.gpc().apply(ALICE, headerSignal());

      assertThat(outcome.directChoicesKept()).containsExactly("newsletter");
      assertThat(gdpr.consents().state(ALICE, "newsletter")).hasValueSatisfying(state ->
          assertThat(state.status()).isEqualTo(ConsentStatus.GRANTED));
    }

    @Test
    @DisplayName("a consent recorded on the very request that carried the signal, after applying it, stands")
    void keepsAConsentOfTheSameRequest() {
      gdpr.gpc().apply(ALICE, headerSignal());
      gdpr.consents().grant(ALICE, "ad-sharing", form()); // same instant: the form was submitted with the signal on
      later();

      GpcOutcome outcome = gdpr.gpc().apply(ALICE, headerSignal());

      assertThat(outcome.directChoicesKept()).containsExactly("ad-sharing");
      assertThat(gdpr.decide(ALICE, "ad-sharing").allowed()).isTrue();
    }

    @Test
    @DisplayName("a consent given before the first signal is withdrawn by it: the signal is the later choice")
    void withdrawsAConsentGivenBeforeTheSignal() {
      gdpr.consents().grant(ALICE, "ad-sharing", form());
      later();

      GpcOutcome outcome = gdpr.gpc().apply(ALICE, headerSignal());

      assertThat(outcome.withdrawals()).extracting(ConsentEvent::purpose).containsExactly("ad-sharing");
      assertThat(outcome.directChoicesKept()).isEmpty();
    }

    @Test
    @DisplayName("Art. 21(5): an objection the person withdrew after the signal stands withdrawn")
    void keepsAnObjectionWithdrawnAfterTheSignal() {
      gdpr.gpc().apply(ALICE, headerSignal());
      later();
      gdpr.restrictions().withdrawObjection(ALICE, "analytics", Actor.subject());
      later();

      GpcOutcome outcome = gdpr.gpc().apply(ALICE, headerSignal());

      assertThat(outcome.objections()).isEmpty();
      assertThat(outcome.directChoicesKept()).containsExactly("analytics");
      assertThat(gdpr.decide(ALICE, "analytics").allowed()).isTrue();
    }

    @Test
    @DisplayName("Art. 21(5): an objection withdrawn before the first signal is recorded again by it")
    void objectsAgainWhenTheObjectionWasWithdrawnBeforeTheSignal() {
      gdpr.restrictions().object(ALICE, "analytics", "no tracking", Actor.subject());
      gdpr.restrictions().withdrawObjection(ALICE, "analytics", Actor.subject());
      later();

      GpcOutcome outcome = gdpr.gpc().apply(ALICE, headerSignal());

      assertThat(outcome.objections()).extracting(ObjectionChange::purpose)
          .containsExactly(ObjectionChange.DIRECT_MARKETING, "analytics");
      assertThat(gdpr.decide(ALICE, "analytics").reason()).isEqualTo(DecisionReason.OBJECTED);
    }
  }

  @Nested
  @DisplayName("conflict with a direct choice: SIGNAL_WINS")
  class SignalWins {

    private final GdprKit gdpr = kit(GpcConflictRule.SIGNAL_WINS);

    @Test
    @DisplayName("Art. 7(3): a consent given directly after the signal is withdrawn by the next signal")
    void withdrawsAConsentGivenAfterTheSignal() {
      gdpr.consents().grant(ALICE, "ad-sharing", form());
      later();
      gdpr.gpc().apply(ALICE, headerSignal());
      later();
      gdpr.consents().grant(ALICE, "ad-sharing", form());
      later();

      GpcOutcome outcome = gdpr.gpc().apply(ALICE, headerSignal());

      assertThat(outcome.withdrawals()).extracting(ConsentEvent::purpose).containsExactly("ad-sharing");
      assertThat(outcome.directChoicesKept()).isEmpty();
      assertThat(outcome.record()).isNotNull().satisfies(r -> assertThat(r.sequence()).isEqualTo(2));
      assertThat(gdpr.decide(ALICE, "ad-sharing").reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
      assertThat(gdpr.consents().history(ALICE, "ad-sharing")).extracting(ConsentEvent::type).containsExactly(
          ConsentEventType.GRANTED, ConsentEventType.WITHDRAWN, ConsentEventType.GRANTED, ConsentEventType.WITHDRAWN);
    }

    @Test
    @DisplayName("Art. 21(5): an objection the person withdrew after the signal is recorded again by the next signal")
    void objectsAgainAfterTheObjectionWasWithdrawn() {
      gdpr.gpc().apply(ALICE, headerSignal());
      later();
      gdpr.restrictions().withdrawObjection(ALICE, "analytics", Actor.subject());
      later();

      GpcOutcome outcome = gdpr.gpc().apply(ALICE, headerSignal());

      assertThat(outcome.objections()).extracting(ObjectionChange::purpose).containsExactly("analytics");
      assertThat(gdpr.decide(ALICE, "analytics").reason()).isEqualTo(DecisionReason.OBJECTED);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(GpcConflictRule.class)
  @DisplayName("Art. 21(1): an objection the controller overrode with compelling grounds is left as it is")
  void leavesAnOverriddenObjectionAsItIs(GpcConflictRule rule) {
    GdprKit gdpr = kit(rule);
    gdpr.authorisations().grant(StaffUser.of("dpo"), DataCategory.ONLINE_IDENTIFIERS, Actor.staff("admin"));
    gdpr.restrictions().object(ALICE, "analytics", "no tracking", Actor.subject());
    gdpr.restrictions().recordCompellingGrounds(ALICE, "analytics", "fraud prevention on this account",
        Actor.staff("dpo"));
    later();

    GpcOutcome outcome = gdpr.gpc().apply(ALICE, headerSignal());

    assertThat(outcome.objections()).extracting(ObjectionChange::purpose).containsExactly(ObjectionChange.DIRECT_MARKETING);
    assertThat(gdpr.decide(ALICE, "analytics").reason()).isEqualTo(DecisionReason.COMPELLING_GROUNDS);
  }

  @Nested
  @DisplayName("unit of work and erasure")
  class UnitOfWorkAndErasure {

    @Test
    @DisplayName("the withdrawals, objections and the record are written all together or not at all")
    void writesEverythingOrNothing() {
      GdprKit gdpr = GdprKit.builder().clock(clock)
          .purpose(Purpose.of("ad-sharing", LegalBasis.CONSENT, "Ads"))
          .purpose(Purpose.of("analytics", LegalBasis.LEGITIMATE_INTERESTS, "Analytics"))
          .gpc(GpcPolicy.defaults().withWithdrawal("ad-sharing").withObjection("analytics"))
          .eventPublisher(event -> {
            if (event instanceof GpcSignalRecorded) {
              throw new IllegalStateException("outbox unavailable");
            }
          })
          .build();
      gdpr.consents().grant(ALICE, "ad-sharing", form());
      long audit = gdpr.audit().size(TenantId.DEFAULT);
      later();

      assertThatThrownBy(() -> gdpr.gpc().apply(ALICE, headerSignal())).isInstanceOf(GdprException.class);

      assertThat(gdpr.consents().history(ALICE)).hasSize(1);
      assertThat(gdpr.restrictions().objectionHistory(ALICE)).isEmpty();
      assertThat(gdpr.gpc().history(ALICE)).isEmpty();
      assertThat(gdpr.audit().size(TenantId.DEFAULT)).isEqualTo(audit);
      assertThat(gdpr.decide(ALICE, "ad-sharing").allowed()).isTrue();
    }

    @Test
    @DisplayName("Art. 17: erasing the subject erases its signal records, and a signal afterwards records nothing")
    void erasesTheSignalRecordsWithTheSubject() {
      GdprKit gdpr = kit(GpcConflictRule.LATEST_DIRECT_CHOICE_WINS);
      gdpr.gpc().apply(ALICE, headerSignal());

      gdpr.erasure().erase(ALICE);
      later();
      GpcOutcome afterwards = gdpr.gpc().apply(ALICE, headerSignal());

      assertThat(gdpr.gpc().history(ALICE)).isEmpty();
      assertThat(afterwards).isEqualTo(GpcOutcome.nothing());
      assertThat(gdpr.restrictions().objectionHistory(ALICE)).isEmpty();
    }
  }

  private static ConsentEvent last(List<ConsentEvent> events) {
    return events.get(events.size() - 1);
  }

  @Test
  @DisplayName("the signal record refuses a sequence below 1 and a malformed origin")
  void validatesARecord() {
    Instant at = clock.instant();

    assertThatThrownBy(() -> new GpcSignalRecord(ALICE, 0, at, GpcSignal.Source.SEC_GPC_HEADER, null, null,
        List.of(), List.of())).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new GpcSignalRecord(ALICE, 1, at, GpcSignal.Source.SEC_GPC_HEADER,
        "https://shop.example/path", null, List.of(), List.of())).isInstanceOf(InvalidInputException.class);
  }
}

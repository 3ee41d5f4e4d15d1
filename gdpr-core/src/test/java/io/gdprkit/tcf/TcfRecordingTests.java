package io.gdprkit.tcf;

import static io.gdprkit.tcf.TcModel.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdprkit.GdprException;
import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.consent.ConsentChanged;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.export.ExportFormat;
import io.gdprkit.export.ExportKind;
import io.gdprkit.internal.Hashing;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.tcf.TcfRecording.Action;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Recording a TC string through {@code GdprKit.tcf()}: mapped signals become consents and withdrawals (Art. 7(1)
 * and 7(3)) whose proof keeps the string's SHA-256 and the CMP's record, never the string; all of it or nothing.
 */
class TcfRecordingTests {

  static final int HOST_VENDOR = 4242;
  static final SubjectId ALICE = SubjectId.of("contact-42");

  final TestClock clock = TestClock.at("2026-04-02T09:00:00Z");

  GdprKit kit(TcfMapping mapping) {
    return kit(mapping, null);
  }

  GdprKit kit(TcfMapping mapping, io.gdprkit.event.@org.jspecify.annotations.Nullable GdprEventPublisher publisher) {
    GdprKit.Builder builder = GdprKit.builder().clock(clock)
        .purpose(Purpose.of("storage", LegalBasis.CONSENT, "Cookies and device storage"))
        .purpose(Purpose.of("personalised-ads", LegalBasis.CONSENT, "Personalised advertising"))
        .purpose(Purpose.of("precise-geo", LegalBasis.CONSENT, "Precise geolocation"))
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
        .tcf(mapping);
    if (publisher != null) {
      builder.eventPublisher(publisher);
    }
    return builder.build();
  }

  static TcfMapping vendorMapping() {
    return TcfMapping.forVendor(HOST_VENDOR).withPurpose(1, "storage").withPurpose(3, "personalised-ads")
        .withPurpose(4, "personalised-ads").withSpecialFeature(1, "precise-geo");
  }

  @Nested
  @DisplayName("proof")
  class Proof {

    @Test
    @DisplayName("Art. 7(1): each mapped purpose the string gives is granted with a TCF proof: hash, CMP id and version, created time")
    void grantsWithTheStringsHashAsProof() {
      GdprKit gdpr = kit(vendorMapping());
      String tcString = TcModel.fixed().encode();

      TcfRecording recording = gdpr.tcf().record(ALICE, tcString);

      assertThat(recording.outcomes()).extracting(TcfRecording.Outcome::purpose, TcfRecording.Outcome::action)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("personalised-ads", Action.GRANTED),
              org.assertj.core.groups.Tuple.tuple("precise-geo", Action.GRANTED),
              org.assertj.core.groups.Tuple.tuple("storage", Action.GRANTED));
      String sha256 = Hashing.sha256Hex(tcString);
      assertThat(recording.sha256()).isEqualTo(sha256);
      for (ConsentEvent event : gdpr.consents().history(ALICE)) {
        ConsentProof proof = event.proof();
        assertThat(event.type()).isEqualTo(ConsentEventType.GRANTED);
        assertThat(proof.channel()).isEqualTo(ConsentChannel.TCF_STRING);
        assertThat(proof.tcf().sha256()).isEqualTo(sha256);
        assertThat(proof.tcf().cmpId()).isEqualTo(300);
        assertThat(proof.tcf().cmpVersion()).isEqualTo(7);
        assertThat(proof.tcf().consentScreen()).isEqualTo(2);
        assertThat(proof.tcf().created()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(proof.tcf().tcfPolicyVersion()).isEqualTo(5);
        assertThat(proof.formId()).isEqualTo("iab-tcf-cmp-300");
        assertThat(proof.formVersion()).isEqualTo("7");
        assertThat(proof.locale()).isEqualTo(Locale.GERMAN);
      }
      assertThat(gdpr.decide(ALICE, "storage").allowed()).isTrue();
    }

    @Test
    @DisplayName("CJEU C-604/22: the TC string itself is kept nowhere, neither in the ledger nor in the subject's export")
    void keepsTheStringNowhere() {
      GdprKit gdpr = kit(vendorMapping());
      String tcString = TcModel.fixed().encode();
      gdpr.tcf().record(ALICE, tcString);
      ByteArrayOutputStream json = new ByteArrayOutputStream();

      gdpr.exports().write(ALICE, ExportKind.ACCESS, ExportFormat.JSON, json);

      String exported = json.toString(StandardCharsets.UTF_8);
      assertThat(exported).contains(Hashing.sha256Hex(tcString)).contains("\"cmpId\":300")
          .doesNotContain(tcString.substring(0, 20));
      assertThat(gdpr.consents().history(ALICE).toString()).doesNotContain(tcString.substring(0, 20));
    }
  }

  @Nested
  @DisplayName("mapping")
  class Mapping {

    @Test
    @DisplayName("TCF vendor consent: without consent to the host's vendor id no purpose is given")
    void needsConsentToTheHostsVendorId() {
      GdprKit gdpr = kit(vendorMapping());
      TcModel.Builder model = TcModel.fixed();
      model.vendorConsents = new TcModel.Vendors(800, set(1, 2, 755), true);

      TcfRecording recording = gdpr.tcf().record(ALICE, model.encode());

      assertThat(recording.outcomes()).allSatisfy(o -> assertThat(o.action()).isEqualTo(Action.UNCHANGED));
      assertThat(gdpr.consents().history(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("TCF spec RestrictionType 0: a purpose the publisher does not allow for the host's vendor is not given")
    void honoursPublisherRestrictions() {
      GdprKit gdpr = kit(vendorMapping());
      TcModel.Builder model = TcModel.fixed();
      model.restrictions = List.of(new TcModel.Restriction(1, 0, set(HOST_VENDOR)));

      TcfRecording recording = gdpr.tcf().record(ALICE, model.encode());

      assertThat(recording.outcome("storage").action()).isEqualTo(Action.UNCHANGED);
      assertThat(recording.outcome("personalised-ads").action()).isEqualTo(Action.GRANTED);
    }

    @Test
    @DisplayName("TcfMapping: a kit purpose mapped from two TCF purposes is given only when both are")
    void needsEverySignalMappedToAPurpose() {
      GdprKit gdpr = kit(vendorMapping());
      TcModel.Builder model = TcModel.fixed();
      model.purposes = set(1, 3);

      TcfRecording recording = gdpr.tcf().record(ALICE, model.encode());

      assertThat(recording.outcome("personalised-ads").action()).isEqualTo(Action.UNCHANGED);
      assertThat(recording.outcome("storage").action()).isEqualTo(Action.GRANTED);
    }

    @Test
    @DisplayName("TCF spec SpecialFeatureOptIns: special feature 1 without the opt-in leaves precise geolocation off")
    void mapsSpecialFeatures() {
      GdprKit gdpr = kit(vendorMapping());
      TcModel.Builder model = TcModel.fixed();
      model.specialFeatures = set(2);

      assertThat(gdpr.tcf().choices(gdpr.tcf().decode(model.encode())))
          .containsEntry("precise-geo", false).containsEntry("storage", true);
    }

    @Test
    @DisplayName("TCF spec Publisher TC segment: a publisher host reads PubPurposesConsent, and no segment gives nothing")
    void readsThePublisherSegmentForAPublisher() {
      GdprKit gdpr = kit(TcfMapping.forPublisher().withPurpose(1, "storage").withPurpose(3, "personalised-ads"));
      TcModel.Builder withSegment = TcModel.fixed();
      withSegment.publisher = new TcModel.Publisher(set(1), set(), 0, set(), set());
      TcModel.Builder withoutSegment = TcModel.fixed();

      assertThat(gdpr.tcf().choices(gdpr.tcf().decode(withSegment.encode())))
          .containsEntry("storage", true).containsEntry("personalised-ads", false);
      assertThat(gdpr.tcf().choices(gdpr.tcf().decode(withoutSegment.encode())))
          .containsEntry("storage", false).containsEntry("personalised-ads", false);
    }

    @Test
    @DisplayName("TcfMapping: an undeclared purpose or one not based on consent is refused when the kit is built")
    void refusesMappingsToPurposesThatCannotTakeConsent() {
      assertThatThrownBy(() -> kit(TcfMapping.forVendor(1).withPurpose(1, "analytics")))
          .isInstanceOf(UnknownPurposeException.class);
      assertThatThrownBy(() -> kit(TcfMapping.forVendor(1).withPurpose(1, "billing")))
          .isInstanceOf(LegalBasisMismatchException.class);
      assertThatThrownBy(() -> TcfMapping.forVendor(1).withPurpose(1, "storage").withPurpose(1, "billing"))
          .isInstanceOf(io.gdprkit.InvalidInputException.class).hasMessageContaining("already mapped");
      assertThatThrownBy(() -> TcfMapping.forVendor(1).withPurpose(25, "storage"))
          .isInstanceOf(io.gdprkit.InvalidInputException.class);
    }

    @Test
    @DisplayName("a kit with nothing mapped decodes strings but refuses to record them")
    void refusesToRecordWithoutAMapping() {
      GdprKit gdpr = GdprKit.builder().build();
      String tcString = TcModel.fixed().encode();

      assertThat(gdpr.tcf().decode(tcString).cmpId()).isEqualTo(300);
      assertThatThrownBy(() -> gdpr.tcf().record(ALICE, tcString)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Nested
  @DisplayName("withdrawal and conflicts")
  class Withdrawal {

    @Test
    @DisplayName("Art. 7(3): a later string without consent withdraws what an earlier one granted, with its own proof")
    void withdrawsWhatALaterStringNoLongerGives() {
      GdprKit gdpr = kit(vendorMapping());
      gdpr.tcf().record(ALICE, TcModel.fixed().encode());
      TcModel.Builder later = TcModel.fixed().lastUpdated(Instant.parse("2026-04-02T00:00:00Z"));
      later.purposes = set(1);
      String laterString = later.encode();

      TcfRecording recording = gdpr.tcf().record(ALICE, laterString);

      assertThat(recording.outcome("storage").action()).isEqualTo(Action.UNCHANGED);
      assertThat(recording.outcome("personalised-ads").action()).isEqualTo(Action.WITHDRAWN);
      assertThat(recording.outcome("personalised-ads").event().proof().tcf().sha256())
          .isEqualTo(Hashing.sha256Hex(laterString));
      assertThat(gdpr.consents().state(ALICE, "personalised-ads").orElseThrow().status())
          .isEqualTo(ConsentStatus.WITHDRAWN);
      assertThat(gdpr.decide(ALICE, "personalised-ads").allowed()).isFalse();
    }

    @Test
    @DisplayName("Art. 7(3): a string last updated before the subject withdrew directly does not revive the consent")
    void keepsADirectWithdrawalAgainstAnOlderString() {
      GdprKit gdpr = kit(vendorMapping());
      gdpr.consents().grant(ALICE, "storage", ConsentProof.webForm("settings", "v1").build());
      clock.advance(Duration.ofHours(1));
      gdpr.consents().withdraw(ALICE, "storage");
      TcModel.Builder stale = TcModel.fixed().lastUpdated(Instant.parse("2026-04-02T00:00:00Z"));
      TcModel.Builder fresh = TcModel.fixed().lastUpdated(Instant.parse("2026-04-03T00:00:00Z"));

      TcfRecording staleRecording = gdpr.tcf().record(ALICE, stale.encode());
      clock.advance(Duration.ofDays(1));
      TcfRecording freshRecording = gdpr.tcf().record(ALICE, fresh.encode());

      assertThat(staleRecording.outcome("storage").action()).isEqualTo(Action.KEPT_WITHDRAWAL);
      assertThat(freshRecording.outcome("storage").action()).isEqualTo(Action.GRANTED);
    }

    @Test
    @DisplayName("Art. 7(3): a replayed string no newer than the one that withdrew does not revive the consent")
    void keepsAWithdrawalFromAStringAgainstAReplayedOne() {
      GdprKit gdpr = kit(vendorMapping());
      String first = TcModel.fixed().encode();
      gdpr.tcf().record(ALICE, first);
      TcModel.Builder refusal = TcModel.fixed().lastUpdated(Instant.parse("2026-04-02T00:00:00Z"));
      refusal.purposes = set();
      refusal.specialFeatures = set();
      gdpr.tcf().record(ALICE, refusal.encode());
      TcModel.Builder later = TcModel.fixed().lastUpdated(Instant.parse("2026-04-05T00:00:00Z"));

      TcfRecording replayed = gdpr.tcf().record(ALICE, first);
      TcfRecording renewed = gdpr.tcf().record(ALICE, later.encode());

      assertThat(replayed.outcomes()).allSatisfy(o -> assertThat(o.action()).isEqualTo(Action.KEPT_WITHDRAWAL));
      assertThat(renewed.outcome("storage").action()).isEqualTo(Action.GRANTED);
    }

    @Test
    @DisplayName("recording the same string twice changes nothing the second time")
    void recordsTheSameStringOnce() {
      GdprKit gdpr = kit(vendorMapping());
      String tcString = TcModel.fixed().encode();
      gdpr.tcf().record(ALICE, tcString);

      TcfRecording again = gdpr.tcf().record(ALICE, tcString);

      assertThat(again.outcomes()).allSatisfy(o -> assertThat(o.action()).isEqualTo(Action.UNCHANGED));
      assertThat(gdpr.consents().history(ALICE)).hasSize(3);
    }
  }

  @Nested
  @DisplayName("all or nothing")
  class AllOrNothing {

    @Test
    @DisplayName("Art. 5(1)(f): when the second of three writes fails, none of them remains")
    void rollsBackEveryPurposeWhenOneFails() {
      AtomicInteger published = new AtomicInteger();
      GdprKit gdpr = kit(vendorMapping(), event -> {
        if (event instanceof ConsentChanged && published.incrementAndGet() == 2) {
          throw new IllegalStateException("outbox down");
        }
      });

      Throwable failed = catchThrowable(() -> gdpr.tcf().record(ALICE, TcModel.fixed().encode()));

      assertThat(failed).isInstanceOf(GdprException.class);
      assertThat(gdpr.consents().history(ALICE)).isEmpty();
      assertThat(gdpr.decide(ALICE, "storage").allowed()).isFalse();
    }

    @Test
    @DisplayName("TCF spec TcfPolicyVersion: a string under an outdated policy is refused before anything is written")
    void writesNothingForAnInvalidString() {
      GdprKit gdpr = kit(vendorMapping());
      TcModel.Builder old = TcModel.fixed();
      old.policy = 2;

      Throwable refused = catchThrowable(() -> gdpr.tcf().record(ALICE, old.encode()));
      Throwable malformed = catchThrowable(() -> gdpr.tcf().record(ALICE, old.encode().substring(0, 30)));

      assertThat(refused).isInstanceOf(InvalidTcStringException.class);
      assertThat(malformed).isInstanceOf(InvalidTcStringException.class);
      assertThat(gdpr.consents().history(ALICE)).isEmpty();
    }
  }
}

package io.gdprkit.jpa.consent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprStoreException;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.consent.IpPolicy;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.consent.RecordedIp;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.PersonalData;
import io.gdprkit.subject.SubjectId;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConsentCodecTests {

  private static final SubjectId ALICE = SubjectId.of("alice");
  private static final Instant START = Instant.parse("2026-03-02T09:00:00.123456Z");

  @Nested
  @DisplayName("proofs (Art. 7(1))")
  class Proofs {

    @Test
    @DisplayName("a proof with every field reads back equal")
    void roundTripsAFullProof() {
      ConsentProof proof = ConsentProof.webForm("signup-form", "v3")
          .ip("203.0.113.7").userAgent("Mozilla/5.0 \"quoted\" \u00e9").noticeText("We send a monthly newsletter.")
          .locale(Locale.GERMANY).recordedBy(Actor.staff("rep-17")).build();

      ConsentProof read = ConsentCodec.proof(ConsentCodec.proof(proof));

      assertThat(read).isEqualTo(proof);
      assertThat(read.ip().value().value(io.gdprkit.subject.PersonalDataAccess.unredacted())).isEqualTo("203.0.113.7");
      assertThat(read.userAgent()).isEqualTo(proof.userAgent());
    }

    @Test
    @DisplayName("the smallest proof is a channel and who recorded it, and reads back equal")
    void roundTripsTheSmallestProof() {
      ConsentProof proof = ConsentProof.of(ConsentChannel.API, Actor.subject());

      String json = ConsentCodec.proof(proof);

      assertThat(json).isEqualTo("{\"channel\":\"API\",\"recordedBy\":\"SUBJECT\"}");
      assertThat(ConsentCodec.proof(json)).isEqualTo(proof);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IpPolicy.class)
    @DisplayName("an IP address reads back in the form its policy keeps")
    void roundTripsEveryIpPolicy(IpPolicy policy) {
      String value = switch (policy) {
        case KEEP -> "2001:db8::7";
        case TRUNCATE -> "203.0.113.0";
        case KEYED_HASH -> "k1:" + "A".repeat(42) + "E";
      };
      ConsentProof proof = ConsentProof.builder(ConsentChannel.WEB_FORM).build();
      ConsentProof withIp = new ConsentProof(proof.channel(), null, null, null, null,
          new RecordedIp(PersonalData.of(value), policy), null, Actor.system("import-job"), Origin.thirdParty("Broker"));

      assertThat(ConsentCodec.proof(ConsentCodec.proof(withIp))).isEqualTo(withIp);
    }

    @Test
    @DisplayName("a field written by a later version of the kit is skipped, so a rolled-back kit still reads its ledger")
    void skipsFieldsItDoesNotKnow() {
      String later = "{\"channel\":\"PHONE\",\"recordedBy\":\"STAFF\",\"recordedById\":\"rep-1\","
          + "\"witness\":{\"name\":\"x\",\"times\":[1,2]},\"scanned\":true}";

      ConsentProof read = ConsentCodec.proof(later);

      assertThat(read).isEqualTo(ConsentProof.of(ConsentChannel.PHONE, Actor.staff("rep-1")));
    }

    @Test
    @DisplayName("every component of ConsentProof is written: a new one must be added to the codec")
    void coversEveryComponentOfTheProof() {
      // When this fails, ConsentProof gained a component: write and read it in ConsentCodec, then list it here.
      assertThat(Arrays.stream(ConsentProof.class.getRecordComponents()).map(RecordComponent::getName))
          .containsExactly("channel", "formId", "formVersion", "noticeSha256", "locale", "ip", "userAgent",
              "recordedBy", "source", "explicitStatement", "ageAssurance", "parentalAuthorisation",
              "tcf");
    }

    @Test
    @DisplayName("damaged text is a store failure whose message holds none of the text")
    void refusesDamagedText() {
      assertThatThrownBy(() -> ConsentCodec.proof("{\"channel\":\"API\",\"userAgent\":\"secret-agent\""))
          .isInstanceOf(GdprStoreException.class)
          .hasMessageNotContaining("secret-agent");
      assertThatThrownBy(() -> ConsentCodec.proof("{\"channel\":\"API\"}")).isInstanceOf(GdprStoreException.class);
    }
  }

  @Nested
  @DisplayName("snapshots")
  class Snapshots {

    @Test
    @DisplayName("a snapshot with states, switches, a restriction and objections reads back equal")
    void roundTripsAFullSnapshot() {
      SubjectConsents snapshot = SubjectConsents.EMPTY
          .with(state("newsletter", ConsentStatus.GRANTED, START.plusSeconds(86_400)))
          .with(state("sales-calls", ConsentStatus.WITHDRAWN, null))
          .with(state("profiling", ConsentStatus.PENDING, null))
          .with(ProcessingSwitch.TRACKING, false)
          .with(ProcessingSwitch.PROFILING, true)
          .withRestriction(true)
          .withObjection("sales-calls", ObjectionStatus.OVERRIDDEN)
          .withObjection("newsletter", ObjectionStatus.OBJECTED);

      SubjectConsents read = ConsentCodec.snapshot(ALICE, ConsentCodec.snapshot(snapshot));

      assertThat(read).isEqualTo(snapshot);
      assertThat(read.states().keySet()).containsExactly("newsletter", "sales-calls", "profiling");
      assertThat(read.state("newsletter").since()).isEqualTo(START);
      assertThat(read.statusAt("newsletter", START.plusSeconds(86_400).toEpochMilli())).isEqualTo(ConsentStatus.EXPIRED);
      assertThat(read.objections()).containsExactly(Map.entry("sales-calls", ObjectionStatus.OVERRIDDEN),
          Map.entry("newsletter", ObjectionStatus.OBJECTED));
    }

    @Test
    @DisplayName("the empty snapshot is written as an empty object and read back as EMPTY")
    void roundTripsTheEmptySnapshot() {
      String json = ConsentCodec.snapshot(SubjectConsents.EMPTY);

      assertThat(json).isEqualTo(ConsentSnapshotRow.EMPTY_BODY);
      assertThat(ConsentCodec.snapshot(ALICE, json)).isSameAs(SubjectConsents.EMPTY);
    }

    @Test
    @DisplayName("a read snapshot names its purposes with the very strings a host declares them with, so that a"
        + " decision finds them by reference")
    void internsThePurposesItReads() {
      String declared = "newsletter"; // a constant, interned as every string literal is
      SubjectConsents snapshot = SubjectConsents.EMPTY
          .with(state(new String("newsletter".toCharArray()), ConsentStatus.GRANTED, null))
          .withObjection(new String("newsletter".toCharArray()), ObjectionStatus.OBJECTED);

      SubjectConsents read = ConsentCodec.snapshot(ALICE, ConsentCodec.snapshot(snapshot));

      assertThat(read.states().keySet()).singleElement().isSameAs(declared);
      assertThat(read.objections().keySet()).singleElement().isSameAs(declared);
    }

    @Test
    @DisplayName("a lifted restriction and instants before 1970 read back equal")
    void roundTripsALiftedRestrictionAndEarlyInstants() {
      SubjectConsents snapshot = SubjectConsents.EMPTY
          .with(new ConsentState(ALICE, "newsletter", ConsentStatus.GRANTED, 7, UUID.randomUUID(),
              Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("9999-12-31T23:59:59Z"), "2026-01"))
          .withRestriction(false);

      assertThat(ConsentCodec.snapshot(ALICE, ConsentCodec.snapshot(snapshot))).isEqualTo(snapshot);
    }
  }

  private static ConsentState state(String purpose, ConsentStatus status, Instant expiresAt) {
    return new ConsentState(ALICE, purpose, status, 3, UUID.randomUUID(), START, expiresAt, "v1");
  }
}

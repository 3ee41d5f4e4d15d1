package io.gdprkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.PersonalData;
import io.gdprkit.subject.PersonalDataAccess;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IP addresses in consent proofs: parsed as literals only, reduced so that no embedded IPv4 address survives
 * truncation, and kept in the kit's policy however the proof was built.
 */
class IpAddressPolicyTests {

  private static final SubjectId ALICE = SubjectId.of("contact-42");

  private static GdprKit kit(IpPolicy policy) {
    return GdprKit.builder().ipPolicy(policy)
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter")).build();
  }

  private static String recordedIp(GdprKit gdpr, ConsentProof proof) {
    return gdpr.consents().grant(ALICE, "newsletter", proof).proof().ip().value().value(PersonalDataAccess.unredacted());
  }

  private static ConsentProof proofWith(RecordedIp ip) {
    return new ConsentProof(ConsentChannel.WEB_FORM, "signup-form", "v3", null, Locale.GERMANY, ip, "Mozilla/5.0",
        Actor.subject(), Origin.form("signup-form"));
  }

  private static RecordedIp recorded(String value, IpPolicy policy) {
    return new RecordedIp(PersonalData.of(value), policy);
  }

  @Nested
  class Literals {

    // Issue 9
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        203.0.113.7                                   | 203.0.113.7
        0.0.0.0                                       | 0.0.0.0
        255.255.255.255                               | 255.255.255.255
        ::                                            | 0:0:0:0:0:0:0:0
        ::1                                           | 0:0:0:0:0:0:0:1
        1::                                           | 1:0:0:0:0:0:0:0
        2001:DB8::1                                   | 2001:db8:0:0:0:0:0:1
        2001:0db8:0000:0000:0000:ff00:0042:8329       | 2001:db8:0:0:0:ff00:42:8329
        2001:db8::ff00:42:8329                        | 2001:db8:0:0:0:ff00:42:8329
        1:2:3:4:5:6:7::                               | 1:2:3:4:5:6:7:0
        ::2:3:4:5:6:7:8                               | 0:2:3:4:5:6:7:8
        1:2:3:4:5:6:7:8                               | 1:2:3:4:5:6:7:8
        ::ffff:203.0.113.7                            | 203.0.113.7
        ::FFFF:cb00:7107                              | 203.0.113.7
        0:0:0:0:0:ffff:203.0.113.7                    | 203.0.113.7
        ::203.0.113.7                                 | 0:0:0:0:0:0:cb00:7107
        64:ff9b::203.0.113.7                          | 64:ff9b:0:0:0:0:cb00:7107
        2002:cb00:7107::1                             | 2002:cb00:7107:0:0:0:0:1
        1:2:3:4:5:6:1.2.3.4                           | 1:2:3:4:5:6:102:304
        0000:0000:0000:0000:0000:ffff:255.255.255.255 | 255.255.255.255
        """)
    void keepsEveryLiteralInItsCanonicalText(String literal, String canonical) {
      String kept = recordedIp(kit(IpPolicy.KEEP), ConsentProof.webForm("f", "1").ip(literal).build());

      assertThat(kept).isEqualTo(canonical);
    }

    // Issue 9: ".1:2" and similar strings reached InetAddress.getByName, a name-service lookup.
    @ParameterizedTest
    @ValueSource(strings = {".1:2", "1:2", ":1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:", "1:2:3:4:5:6:7", "::1::",
        ":::", "1:::2", "12345::", "::g", "::1.2.3", "::1.2.3.4.5", "::256.1.1.1", "::01.1.1.1", "1.2.3.4::",
        "1:2:3:4:5:6:7:1.2.3.4", "::1:2:3:4:5:6:1.2.3.4", "[::1]", "fe80::1%eth0", "fe80::1%", "::1 ", " ::1",
        "example.com", "a.b.c.d", "1.2.3", "1.2.3.4.", ".1.2.3.4", "1..2.3", "01.2.3.4", "1.2.3.1000", "+1.2.3.4",
        "１.２.３.４", "::１", "٣.٣.٣.٣", "alice@example.com", "0x7f.1.1.1", "2130706433", "::ffff:1.2.3.4%1",
        "2001:db8::1/48", "1:2:3:4:5:6:7:8:9"})
    void refusesWhatIsNotALiteralWithoutEchoingIt(String notAnIp) {
      assertThatThrownBy(() -> ConsentProof.webForm("f", "1").ip(notAnIp))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("ip");
            assertThat(e.getMessage()).isEqualTo("ip must be an IPv4 or IPv6 literal");
          });
    }
  }

  @Nested
  class Truncation {

    // Issue 9: 6to4 kept its whole IPv4 address after a /48 truncation; mapped and NAT64 forms now truncate as IPv4.
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        203.0.113.7                               | 203.0.113.0
        203.0.113.0                               | 203.0.113.0
        2001:db8:abcd:12:34:56:78:9               | 2001:db8:abcd:0:0:0:0:0
        ::1                                       | 0:0:0:0:0:0:0:0
        ::ffff:203.0.113.7                        | 203.0.113.0
        ::ffff:cb00:7107                          | 203.0.113.0
        ::203.0.113.7                             | 203.0.113.0
        64:ff9b::203.0.113.7                      | 203.0.113.0
        64:ff9b::cb00:7107                        | 203.0.113.0
        64:ff9b:1:cb00:71:700::                   | 64:ff9b:1:0:0:0:0:0
        64:ff9b:1::cb00:7107                      | 64:ff9b:1:0:0:0:0:0
        2002:cb00:7107::                          | 2002:cb00:7100:0:0:0:0:0
        2002:cb00:7107:1234:5678::1               | 2002:cb00:7100:0:0:0:0:0
        2002:c000:0204::c000:204                  | 2002:c000:200:0:0:0:0:0
        2001:0:4136:e378:8000:63bf:3fff:fdd2      | 2001:0:4136:0:0:0:0:0
        2001:0000:cb00:7107:0:f227:34ff:8ef8      | 2001:0:cb00:0:0:0:0:0
        fe80::200:5efe:cb00:7107                  | fe80:0:0:0:0:0:0:0
        ::ffff:0:cb00:7107                        | 0:0:0:0:0:0:0:0
        """)
    void reducesEachFormSoThatNoEmbeddedIpv4Survives(String literal, String network) {
      String kept = recordedIp(kit(IpPolicy.TRUNCATE), ConsentProof.webForm("f", "1").ip(literal).build());

      assertThat(kept).isEqualTo(network);
      assertThat(kept).doesNotContain("7107").doesNotContain("113.7");
    }

    // Issue 9
    @Test
    void teredoKeepsNeitherTheClientNorMoreThanSixteenBitsOfTheServer() {
      // Teredo: server 65.54.227.120 in bits 32-63, client 192.0.2.45 obfuscated (XOR ffff) in the last 32 bits.
      String teredo = "2001:0:4136:e378:8000:63bf:3fff:fdd2";

      String kept = recordedIp(kit(IpPolicy.TRUNCATE), ConsentProof.webForm("f", "1").ip(teredo).build());

      assertThat(kept).isEqualTo("2001:0:4136:0:0:0:0:0").doesNotContain("e378").doesNotContain("3fff:fdd2");
    }
  }

  @Nested
  class ErasureMasking {

    // Issue 9: the IP mask of an erasure kept the whole IPv4 address of a 6to4 or mapped address.
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        2002:cb00:7107::1    | 2002:cb00:7100:0:0:0:0:0
        ::ffff:203.0.113.7   | 203.0.113.0
        64:ff9b::203.0.113.7 | 203.0.113.0
        not an address       |
        """)
    void masksEmbeddedIpv4AddressesWhenErasing(String stored, String masked) {
      InMemoryPersonalDataProvider visits = new InMemoryPersonalDataProvider(
          ProviderDescriptor.of("visits", "Web visits", List.of(
              FieldDescriptor.of("last-ip", DataCategory.ONLINE_IDENTIFIERS,
                  ErasureStrategy.maskIp()))));
      GdprKit gdpr = GdprKit.builder().personalData(visits).build();
      visits.put(ALICE, "v-1", Map.of("last-ip", stored), Instant.EPOCH);

      gdpr.erasure().erase(ALICE);

      assertThat(visits.records(ALICE).get("v-1")).containsEntry("last-ip", masked);
    }
  }

  @Nested
  class ValueTypesCannotBypassThePolicy {

    // Issue 9: a RecordedIp built through its constructor stored a full address as a "truncated" one.
    @Test
    void refusesAFullAddressClaimedToBeTruncated() {
      assertThatThrownBy(() -> recorded("203.0.113.7", IpPolicy.TRUNCATE))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ip"))
          .hasMessageNotContaining("203.0.113");
      assertThatThrownBy(() -> recorded("2002:cb00:7107::", IpPolicy.TRUNCATE))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> recorded("64:ff9b::203.0.113.0", IpPolicy.TRUNCATE))
          .isInstanceOf(InvalidInputException.class);
    }

    // Issue 9: an e-mail address was accepted and stored as an "IP".
    @ParameterizedTest
    @ValueSource(strings = {"KEEP", "TRUNCATE", "KEYED_HASH"})
    void refusesAnEmailAddressUnderEveryPolicy(IpPolicy policy) {
      assertThatThrownBy(() -> recorded("alice@example.com", policy))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ip"))
          .hasMessageNotContaining("alice");
    }

    // Issue 9
    @ParameterizedTest
    @ValueSource(strings = {"k1:abc", "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "203.0.113.7", "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "k 1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", ":AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB"})
    void refusesAKeyedHashThatIsNoHmac(String notAHash) {
      assertThatThrownBy(() -> recorded(notAHash, IpPolicy.KEYED_HASH)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void acceptsWellFormedValuesInEachForm() {
      RecordedIp kept = recorded("2001:DB8::1", IpPolicy.KEEP);
      RecordedIp truncated = recorded("2002:cb00:7100::", IpPolicy.TRUNCATE);
      RecordedIp hashed = recorded("k1:" + "A".repeat(43), IpPolicy.KEYED_HASH);

      assertThat(kept.value().value(PersonalDataAccess.unredacted())).isEqualTo("2001:db8:0:0:0:0:0:1");
      assertThat(truncated.value().value(PersonalDataAccess.unredacted())).isEqualTo("2002:cb00:7100:0:0:0:0:0");
      assertThat(hashed.policy()).isEqualTo(IpPolicy.KEYED_HASH);
    }

    @Test
    void reducesAFullAddressInAProofBuiltThroughItsConstructor() {
      ConsentProof proof = proofWith(recorded("203.0.113.7", IpPolicy.KEEP));

      String kept = recordedIp(kit(IpPolicy.TRUNCATE), proof);

      assertThat(kept).isEqualTo("203.0.113.0");
    }

    // Issue 9: a proof already hashed was stored as it came, whatever the kit's policy said.
    @Test
    void refusesAProofInAFormTheKitsPolicyCannotBeAppliedTo() {
      GdprKit truncating = kit(IpPolicy.TRUNCATE);
      GdprKit hashing = kit(IpPolicy.KEYED_HASH);
      ConsentProof hashed = proofWith(recorded(truncating.keys().activeKeyId() + ":" + "A".repeat(43),
          IpPolicy.KEYED_HASH));
      ConsentProof network = proofWith(recorded("203.0.113.0", IpPolicy.TRUNCATE));

      assertThatThrownBy(() -> truncating.consents().grant(ALICE, "newsletter", hashed))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("proof ip"));
      assertThatThrownBy(() -> hashing.consents().grant(ALICE, "newsletter", network))
          .isInstanceOf(InvalidInputException.class);
      assertThat(truncating.consents().history(ALICE)).isEmpty();
      assertThat(hashing.consents().history(ALICE)).isEmpty();
    }

    // Issue 9
    @Test
    void refusesAKeyedHashUnderAKeyTheKitDoesNotHave() {
      GdprKit hashing = kit(IpPolicy.KEYED_HASH);
      ConsentProof foreign = proofWith(recorded("elsewhere:" + "A".repeat(43), IpPolicy.KEYED_HASH));

      assertThatThrownBy(() -> hashing.consents().grant(ALICE, "newsletter", foreign))
          .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void keepsAProofAlreadyInTheKitsForm() {
      GdprKit truncating = kit(IpPolicy.TRUNCATE);
      GdprKit keeping = kit(IpPolicy.KEEP);

      String truncated = recordedIp(truncating, proofWith(recorded("203.0.113.0", IpPolicy.TRUNCATE)));
      String reducedUnderKeep = recordedIp(keeping, proofWith(recorded("203.0.113.0", IpPolicy.TRUNCATE)));

      assertThat(truncated).isEqualTo("203.0.113.0");
      assertThat(reducedUnderKeep).isEqualTo("203.0.113.0");
    }
  }

  @Nested
  class Redaction {

    // Issue 9: the user agent was printed by ConsentProof.toString() and, through it, ConsentEvent.toString().
    @Test
    void printsNeitherTheUserAgentNorTheAddress() {
      String userAgent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0";
      ConsentProof proof = ConsentProof.webForm("signup-form", "v3").ip("203.0.113.7").userAgent(userAgent)
          .noticeText("We send a monthly newsletter.").build();

      ConsentEvent event = kit(IpPolicy.KEEP).consents().grant(ALICE, "newsletter", proof);

      assertThat(proof.toString()).doesNotContain("Mozilla").doesNotContain("Firefox").doesNotContain("203.0.113")
          .contains("signup-form").contains("WEB_FORM");
      assertThat(event.toString()).doesNotContain("Mozilla").doesNotContain("Firefox").doesNotContain("203.0.113")
          .doesNotContain("monthly newsletter");
    }

    // Issue 9
    @Test
    void printsNeitherObjectionGroundsNorRestrictionReasons() {
      ObjectionChange objection = new ObjectionChange(ALICE, "newsletter", ObjectionStatus.OBJECTED,
          "my neighbour Bob Smith reads my mail", Actor.subject(), Instant.EPOCH, 1);
      RestrictionChange restriction = new RestrictionChange(ALICE, true, "Alice disputes her address at Main St 1",
          Actor.staff("user-17"), Instant.EPOCH, 1);

      assertThat(objection.toString()).doesNotContain("Bob").contains("newsletter");
      assertThat(restriction.toString()).doesNotContain("Main St").contains("contact-42");
    }
  }
}

package io.gdprkit.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransferRulesTests {

  private final TransferRules rules = TransferRules.defaults();

  private static Recipient in(String country) {
    return Recipient.of("r-" + country.toLowerCase(java.util.Locale.ROOT), RecipientKind.PROCESSOR, "Processor",
        "privacy@processor.example", CountryCode.of(country));
  }

  @Nested
  class ShippedLists {

    @Test
    void holdTheEeaAndTheCommissionsAdequacyDecisionsWithTheirDate() {
      TransferRules shipped = TransferRules.defaults();

      Map<CountryCode, Adequacy> adequacy = shipped.adequacyDecisions();

      assertThat(shipped.eea()).hasSize(30).contains(CountryCode.of("DE"), CountryCode.of("NO"), CountryCode.of("IS"),
          CountryCode.of("LI")).doesNotContain(CountryCode.of("CH"), CountryCode.of("GB"));
      assertThat(adequacy.keySet()).extracting(CountryCode::value).containsExactly("AD", "AR", "CA", "CH", "FO", "GB",
          "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "US", "UY");
      assertThat(adequacy.get(CountryCode.of("US")).isPartial()).isTrue();
      assertThat(adequacy.get(CountryCode.of("CH")).isPartial()).isFalse();
      assertThat(shipped.validOn()).isEqualTo(LocalDate.of(2025, 6, 30));
    }
  }

  @Nested
  class Assessment {

    @Test
    void letsDataGoWithinTheEeaAndToAFullyAdequateCountry() {
      assertThat(rules.assess(in("FR"))).isEqualTo(TransferBasis.WITHIN_EEA);
      assertThat(rules.assess(in("NO"))).isEqualTo(TransferBasis.WITHIN_EEA);
      assertThat(rules.assess(in("CH"))).isEqualTo(TransferBasis.ADEQUACY_DECISION);
    }

    @Test
    void refusesAThirdCountryWithoutAdequacyOrSafeguardAndNamesTheRecipient() {
      assertThatThrownBy(() -> rules.assess(in("IN")))
          .isInstanceOfSatisfying(TransferRefusedException.class, e -> {
            assertThat(e.recipient()).isEqualTo("r-in");
            assertThat(e.country()).isEqualTo(CountryCode.of("IN"));
            assertThat(e.partialAdequacy()).isFalse();
          })
          .hasMessageContaining("r-in").hasMessageContaining("IN");
    }

    @Test
    void acceptsADocumentedSafeguardButNotAClaimedAdequacyScopeWhereThereIsNoDecision() {
      Recipient withClauses = in("IN").withSafeguard(Safeguard.STANDARD_CONTRACTUAL_CLAUSES, "SCC module 2, 2025-03-01");
      Recipient claimingScope = in("IN").withSafeguard(Safeguard.ADEQUACY_SCOPE, "listed, they say");

      assertThat(rules.assess(withClauses)).isEqualTo(TransferBasis.SAFEGUARD);
      assertThatThrownBy(() -> rules.assess(claimingScope)).isInstanceOf(TransferRefusedException.class);
    }

    @Test
    void needsTheRecipientToBeCoveredWhereTheDecisionIsPartial() {
      Recipient uncertified = in("US");
      Recipient certified = in("US").withSafeguard(Safeguard.ADEQUACY_SCOPE, "DPF list entry 12345");
      Recipient withRules = in("US").withSafeguard(Safeguard.BINDING_CORPORATE_RULES, "BCR approved 2024");

      assertThatThrownBy(() -> rules.assess(uncertified))
          .isInstanceOfSatisfying(TransferRefusedException.class, e -> assertThat(e.partialAdequacy()).isTrue());
      assertThat(rules.assess(certified)).isEqualTo(TransferBasis.ADEQUACY_DECISION);
      assertThat(rules.assess(withRules)).isEqualTo(TransferBasis.SAFEGUARD);
    }
  }

  @Nested
  class Overrides {

    @Test
    void addAndWithdrawDecisionsWithTheDateTheyAreValidFor() {
      LocalDate asOf = LocalDate.of(2026, 12, 1);

      TransferRules changed = rules.withAdequacy(CountryCode.of("BR"), Adequacy.full(), asOf)
          .withoutAdequacy(CountryCode.of("GB"), asOf);

      assertThat(changed.assess(in("BR"))).isEqualTo(TransferBasis.ADEQUACY_DECISION);
      assertThatThrownBy(() -> changed.assess(in("GB"))).isInstanceOf(TransferRefusedException.class);
      assertThat(changed.validOn()).isEqualTo(asOf);
      assertThat(rules.assess(in("GB"))).as("the shipped rules are unchanged").isEqualTo(TransferBasis.ADEQUACY_DECISION);
    }

    @Test
    void loadAHostsOwnFileInTheShippedFormat() {
      String file = "valid-on=2026-11-30\neea=DE,FR\nadequacy.CH=full\nadequacy.US=partial: DPF-certified\n";

      TransferRules loaded = TransferRules.load(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));

      assertThat(loaded.eea()).containsExactlyInAnyOrder(CountryCode.of("DE"), CountryCode.of("FR"));
      assertThat(loaded.adequacy(CountryCode.of("US"))).contains(Adequacy.partial("DPF-certified"));
      assertThatThrownBy(() -> loaded.assess(in("IT"))).as("not listed as EEA in this file")
          .isInstanceOf(TransferRefusedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "eea=DE\nadequacy.CH=full\n",
        "valid-on=30.11.2026\neea=DE\n",
        "valid-on=2026-11-30\n",
        "valid-on=2026-11-30\neea=DE,UK\n",
        "valid-on=2026-11-30\neea=DE\nadequacy.CH=yes\n",
        "valid-on=2026-11-30\neea=DE\nadequacy.DE=full\n"})
    void refuseAMalformedFileWithATypedError(String file) {
      assertThatThrownBy(() -> TransferRules.load(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))))
          .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refuseAnAdequacyDecisionForAnEeaCountry() {
      assertThatThrownBy(() -> TransferRules.of(Set.of(CountryCode.of("DE")),
          Map.of(CountryCode.of("DE"), Adequacy.full()), LocalDate.of(2026, 1, 1)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("adequacy");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UK", "EL", "de", "DEU", "", "XX"})
  void countryCodesMustBeIsoAlpha2(String code) {
    assertThatThrownBy(() -> CountryCode.of(code)).isInstanceOf(InvalidInputException.class);
  }
}

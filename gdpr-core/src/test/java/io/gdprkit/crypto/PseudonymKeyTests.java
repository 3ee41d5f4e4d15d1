package io.gdprkit.crypto;

import static io.gdprkit.crypto.KeyedPseudonymTests.expectedPseudonym;
import static io.gdprkit.crypto.KeyedPseudonymTests.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PseudonymKeyTests {

  private final PseudonymKey p1 = PseudonymKey.of("p1", secret(1));

  @Test
  void givesEachLabelItsOwnHkdfDerivedKey() throws Exception {
    assertThat(p1.pseudonym("suppression", "x")).isEqualTo(expectedPseudonym("p1", secret(1), "suppression", "x"))
        .isNotEqualTo(p1.pseudonym("subject", "x").replace("p1:", ""));
  }

  @Test
  void reKeyingMovesAStoredPseudonymToTheNewVersionWithoutTheValueItHides() {
    PseudonymKey p2 = p1.rekeyedTo("p2", secret(2));
    String stored = p1.pseudonym("subject", "default/contact-42");

    String moved = p2.rehash("subject", stored).orElseThrow();

    assertThat(moved).startsWith("p2:").isEqualTo(p2.pseudonym("subject", "default/contact-42"));
    assertThat(p2.everyVersion("subject", "default/contact-42")).containsExactly(moved, stored);
    assertThat(p2.rehash("subject", moved)).as("already current").isEmpty();
    assertThat(p2.rehash("subject", "k9:abc")).as("not a version of this key").isEmpty();
    assertThat(p2.earlierVersionIds()).containsExactly("p1");
    assertThat(p1.versionId()).as("re-keying returns a new key").isEqualTo("p1");
  }

  @Test
  void refusesBadVersionsSecretsAndPseudonyms() {
    assertThatThrownBy(() -> PseudonymKey.of("p:1", secret(1))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PseudonymKey.of("p1", new byte[31])).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> p1.rekeyedTo("p1", secret(2))).isInstanceOf(InvalidInputException.class);
    PseudonymKey p2 = p1.rekeyedTo("p2", secret(2));
    assertThatThrownBy(() -> p2.rehash("subject", "p1:not base64!")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void neverPrintsTheSecret() {
    assertThat(p1.rekeyedTo("p2", secret(2)).toString()).contains("p1", "p2")
        .doesNotContain(HexFormat.of().formatHex(secret(1)));
  }
}

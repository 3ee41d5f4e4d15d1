package io.gdprkit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import io.gdprkit.crypto.InvalidTokenException.Reason;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSignerTests {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private final KeyRing keys = KeyRing.generate();

  @Test
  void roundTripsItsFieldsUntilTheExpiry() {
    TokenSigner signer = TokenSigner.of(keys, "invite1");

    String token = signer.sign(List.of("contact-42", "événement", ""), NOW.plusSeconds(60));

    assertThat(token).startsWith("invite1." + keys.activeKeyId() + ".").matches("[A-Za-z0-9._-]+");
    assertThat(signer.verify(token, NOW.plusSeconds(59))).containsExactly("contact-42", "événement", "");
    assertThatThrownBy(() -> signer.verify(token, NOW.plusSeconds(60)))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
  }

  @Test
  void keepsKindsApartEvenWithTheSameKeys() {
    String invite = TokenSigner.of(keys, "invite1").sign(List.of("x"), null);
    String forged = "other1" + invite.substring("invite1".length());

    assertThatThrownBy(() -> TokenSigner.of(keys, "other1").verify(invite, NOW))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    assertThatThrownBy(() -> TokenSigner.of(keys, "other1").verify(forged, NOW))
        .isInstanceOfSatisfying(InvalidTokenException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
  }

  @Test
  void refusesBadKindsAndTooManyFields() {
    assertThatThrownBy(() -> TokenSigner.of(keys, "Bad.Kind")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> TokenSigner.of(keys, "k").sign(Collections.nCopies(17, "x"), null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> TokenSigner.of(keys, "k").verify(null, NOW)).isInstanceOf(InvalidTokenException.class);
  }
}

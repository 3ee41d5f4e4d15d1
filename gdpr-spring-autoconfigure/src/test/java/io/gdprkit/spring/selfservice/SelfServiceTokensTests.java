package io.gdprkit.spring.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.crypto.InvalidTokenException.Reason;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelfServiceTokensTests {

  private static final SubjectId ALICE = SubjectId.of(TenantId.of("acme"), "contact-42");
  private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

  private final KeyRing keys = KeyRing.of("k1", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

  private SelfServiceTokens at(Instant instant) {
    GdprKit kit = GdprKit.builder().keyRing(keys).allowGeneratedKeys()
        .clock(Clock.fixed(instant, ZoneOffset.UTC)).build();
    return SelfServiceTokens.of(kit, Duration.ofDays(7));
  }

  @Test
  void namesTheSubjectWithItsTenantForEveryScopeIssued() {
    String token = at(NOW).issue(ALICE, EnumSet.of(SelfServiceScope.PREFERENCES, SelfServiceScope.ERASURE));

    assertThat(at(NOW).verify(token, SelfServiceScope.PREFERENCES)).isEqualTo(ALICE);
    assertThat(at(NOW).verify(token, SelfServiceScope.ERASURE)).isEqualTo(ALICE);
    assertThatThrownBy(() -> at(NOW).verify(token, SelfServiceScope.EXPORT))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void expiresAfterItsValidity() {
    String token = at(NOW).issue(ALICE, Set.of(SelfServiceScope.PREFERENCES), Duration.ofHours(1));

    assertThat(at(NOW.plus(Duration.ofMinutes(59))).verify(token, SelfServiceScope.PREFERENCES)).isEqualTo(ALICE);
    assertThatThrownBy(() -> at(NOW.plus(Duration.ofHours(1))).verify(token, SelfServiceScope.PREFERENCES))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
  }

  @Test
  void refusesATokenSignedWithOtherKeys() {
    GdprKit other = GdprKit.builder().allowGeneratedKeys().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    String token = SelfServiceTokens.of(other, Duration.ofDays(1)).issue(ALICE, Set.of(SelfServiceScope.EXPORT));

    assertThatThrownBy(() -> at(NOW).verify(token, SelfServiceScope.EXPORT)).isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void refusesNoScopeAndAValidityThatIsNotPositive() {
    SelfServiceTokens tokens = at(NOW);

    assertThatThrownBy(() -> tokens.issue(ALICE, Set.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.issue(ALICE, Set.of(SelfServiceScope.EXPORT), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package io.gdprkit.crypto;

import static io.gdprkit.crypto.KeyedPseudonymTests.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.spi.KeyRingSource;
import io.gdprkit.preference.Topic;
import io.gdprkit.preference.UnsubscribeResult;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Instances sharing a {@link KeyRingSource} pick up a rotation made there without a restart. */
class KeyRingSourceTests {

  private final TestClock clock = TestClock.at("2026-12-07T10:00:00Z");
  private final SharedSource source = new SharedSource();
  private final ConsentStore consents = ConsentStore.inMemory();
  private final SubjectId alice = SubjectId.of("contact-42");

  /** Stands in for a vault or a table every instance reads: keys by id, the active one, a version. */
  static final class SharedSource implements KeyRingSource {
    private final Map<String, byte[]> keys = new LinkedHashMap<>(Map.of("k1", secret(1)));
    private String active = "k1";
    private long version = 1;
    final AtomicInteger loads = new AtomicInteger();
    final AtomicBoolean down = new AtomicBoolean();

    synchronized void add(String id, byte[] secret) {
      keys.put(id, secret);
      active = id;
      version++;
    }

    synchronized void remove(String id) {
      keys.remove(id);
      version++;
    }

    @Override
    public synchronized long version() {
      if (down.get()) {
        throw new IllegalStateException("vault unreachable");
      }
      return version;
    }

    @Override
    public synchronized KeyRing load() {
      loads.incrementAndGet();
      KeyRing ring = null;
      for (Map.Entry<String, byte[]> key : keys.entrySet()) {
        if (!key.getKey().equals(active)) {
          ring = ring == null ? KeyRing.of(key.getKey(), key.getValue()) : rotated(ring, key.getKey(), key.getValue());
        }
      }
      return ring == null ? KeyRing.of(active, keys.get(active)) : rotated(ring, active, keys.get(active));
    }

    private static KeyRing rotated(KeyRing ring, String id, byte[] secret) {
      ring.rotate(id, secret);
      return ring;
    }
  }

  private GdprKit instance(Duration refresh) {
    return GdprKit.builder().clock(clock).keyRingSource(source, refresh).consentStore(consents)
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News"))
        .topic(Topic.of("newsletter", "Newsletter", "newsletter")).build();
  }

  @Test
  void aTokenSignedWithAKeyAddedToTheSourceVerifiesOnAnotherInstanceAfterTheRefreshInterval() {
    // Issue 9: a rotation reaches every instance without a restart
    GdprKit one = instance(Duration.ofSeconds(30));
    GdprKit two = instance(Duration.ofSeconds(30));
    one.preferences().subscribe(alice, "newsletter", ConsentProof.webForm("f", "1").build());
    two.preferences().unsubscribeToken(alice, "newsletter"); // instance two has read k1 and checked just now

    source.add("k2", secret(2));
    clock.advance(Duration.ofSeconds(31));
    String token = one.preferences().unsubscribeToken(alice, "newsletter");
    UnsubscribeResult result = two.preferences().unsubscribe(token);

    assertThat(token).contains(".k2.");
    assertThat(result.withdrawn()).containsExactly("newsletter");
    assertThat(two.keys().keyIds()).containsExactlyInAnyOrder("k1", "k2");
  }

  @Test
  void aTokenNamingAKeyNotYetHeldMakesTheInstanceAskTheSourceAtOnce() {
    GdprKit one = instance(Duration.ZERO);
    GdprKit two = instance(Duration.ofHours(1));
    one.preferences().subscribe(alice, "newsletter", ConsentProof.webForm("f", "1").build());

    source.add("k2", secret(2));
    clock.advance(Duration.ofSeconds(2));
    String token = one.preferences().unsubscribeToken(alice, "newsletter");

    assertThat(token).contains(".k2.");
    assertThat(two.preferences().unsubscribe(token).withdrawn()).containsExactly("newsletter");
  }

  @Test
  void retiringAKeyInTheSourceEndsItsTokensEverywhere() {
    GdprKit one = instance(Duration.ofSeconds(30));
    String old = one.preferences().unsubscribeToken(alice, "newsletter");
    source.add("k2", secret(2));
    source.remove("k1");

    clock.advance(Duration.ofSeconds(31));

    assertThat(one.keys().keyIds()).containsExactly("k2");
    assertThatThrownBy(() -> one.preferences().unsubscribe(old)).isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void asksOnlyForTheVersionUntilItChangesAndKeepsItsKeysWhileTheSourceIsDown() {
    GdprKit one = instance(Duration.ofSeconds(30));
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(31));
      one.preferences().unsubscribeToken(alice, "newsletter");
    }
    int loads = source.loads.get();

    source.down.set(true);
    clock.advance(Duration.ofSeconds(31));
    String whileDown = one.preferences().unsubscribeToken(alice, "newsletter");

    assertThat(loads).isEqualTo(1);
    assertThat(whileDown).contains(".k1.");
  }

  @Test
  void refusesLocalRotationOfARingThatFollowsASource() {
    GdprKit one = instance(Duration.ofSeconds(30));

    assertThatThrownBy(() -> one.keys().rotate("k2", secret(2))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("KeyRingSource");
    assertThatThrownBy(() -> GdprKit.builder().keyRing(KeyRing.generate()).keyRingSource(source))
        .isInstanceOf(IllegalStateException.class);
  }
}

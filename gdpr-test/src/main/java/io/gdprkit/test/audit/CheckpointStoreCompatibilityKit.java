package io.gdprkit.test.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.ChainHead;
import io.gdprkit.audit.Checkpoint;
import io.gdprkit.audit.spi.CheckpointStore;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that a {@link CheckpointStore} keeps at most one checkpoint per tenant and tree size, returns them intact
 * (the signature still verifies), finds the latest one and the nearest at or before a size, pages by size, and keeps
 * exactly one of two racing writers of the same size; and that it reads back a chain head whose tag still
 * authenticates.
 *
 * <p>Usage example: <pre>{@code class JpaCheckpointStoreTests extends CheckpointStoreCompatibilityKit { protected CheckpointStore createStore() { return new JpaCheckpointStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class CheckpointStoreCompatibilityKit extends StoreCompatibilityKit<CheckpointStore> {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final SigningKey KEY = SigningKey.of("kit-key", new byte[SigningKey.KEY_BYTES]);

  /** A checkpoint of a size; {@code variant} changes its root, as another writer's checkpoint would differ. */
  private static Checkpoint checkpoint(TenantId tenant, long size, int variant) {
    return Checkpoint.sign(tenant, size, hash(size * 31 + variant), hash(size), START.plusSeconds(size), KEY);
  }

  private static Checkpoint checkpoint(long size) {
    return checkpoint(ACME, size, 0);
  }

  private static AuditHash hash(long n) {
    return AuditHash.ofHex(String.format("%064x", n + 1));
  }

  @Nested
  @DisplayName("adding")
  class Adding {

    @Test
    @DisplayName("a checkpoint is read back intact, its signature still verifying")
    void readsBackIntact() {
      boolean added = store().add(checkpoint(1_000));

      assertThat(added).isTrue();
      assertThat(store().latest(ACME)).contains(checkpoint(1_000));
      assertThat(store().latest(ACME).orElseThrow().verifies(KEY.verificationKey())).isTrue();
    }

    @Test
    @DisplayName("a second checkpoint of the same size is refused and the first one kept")
    void keepsOnePerSize() {
      store().add(checkpoint(ACME, 500, 1));

      boolean second = store().add(checkpoint(ACME, 500, 2));

      assertThat(second).isFalse();
      assertThat(store().after(ACME, 0, 10)).containsExactly(checkpoint(ACME, 500, 1));
    }

    @Test
    @DisplayName("an empty store has no latest checkpoint and none at or before any size")
    void startsEmpty() {
      assertThat(store().latest(ACME)).isEmpty();
      assertThat(store().atOrBefore(ACME, Long.MAX_VALUE)).isEmpty();
      assertThat(store().after(ACME, 0, 10)).isEmpty();
    }
  }

  @Nested
  @DisplayName("chain head")
  class Head {

    @Test
    @DisplayName("a head tagged at a time finer than a microsecond is read back still authenticating under its key")
    void headAuthenticatesAfterTheRoundTrip() {
      PseudonymKey key = PseudonymKey.of("h1", "a head key of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8));
      ChainHead head = ChainHead.authenticate(ACME, 3, hash(3), START.plusNanos(123_456_789), key);

      store().putHead(head);

      assertThat(store().head(ACME)).hasValueSatisfying(read -> {
        assertThat(read.size()).isEqualTo(3);
        assertThat(read.lastEntryHash()).isEqualTo(hash(3));
        assertThat(read.authenticates(key)).isTrue();
      });
    }
  }

  @Nested
  @DisplayName("reading")
  class Reading {

    @Test
    @DisplayName("the latest is the largest size, whatever the order of adding")
    void findsLatestBySize() {
      store().add(checkpoint(2_000));
      store().add(checkpoint(3_000));
      store().add(checkpoint(1_000));

      assertThat(store().latest(ACME)).contains(checkpoint(3_000));
    }

    @Test
    @DisplayName("the nearest checkpoint at or before a size is found, exact sizes included")
    void findsNearestAtOrBefore() {
      store().add(checkpoint(1_000));
      store().add(checkpoint(2_000));

      assertThat(store().atOrBefore(ACME, 999)).isEmpty();
      assertThat(store().atOrBefore(ACME, 1_000)).contains(checkpoint(1_000));
      assertThat(store().atOrBefore(ACME, 1_999)).contains(checkpoint(1_000));
      assertThat(store().atOrBefore(ACME, 2_000)).contains(checkpoint(2_000));
      assertThat(store().atOrBefore(ACME, 5_000)).contains(checkpoint(2_000));
    }

    @Test
    @DisplayName("pages after a size hold at most the limit, by size")
    void pagesBySize() {
      for (long size : new long[] {5, 1, 4, 2, 3}) {
        store().add(checkpoint(size));
      }

      List<Checkpoint> all = pageThrough(2, after -> store().after(ACME, after == null ? 0 : after, 2),
          Checkpoint::treeSize);

      assertThat(all).extracting(Checkpoint::treeSize).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(store().after(ACME, 3, 10)).extracting(Checkpoint::treeSize).containsExactly(4L, 5L);
    }
  }

  @Nested
  @DisplayName("tenants")
  class Tenants {

    @Test
    @DisplayName("each tenant has its own checkpoints, even of the same size")
    void keepsTenantsApart() {
      store().add(checkpoint(ACME, 100, 0));

      boolean added = store().add(checkpoint(GLOBEX, 100, 0));

      assertThat(added).isTrue();
      assertThat(store().latest(GLOBEX)).contains(checkpoint(GLOBEX, 100, 0));
      assertThat(store().atOrBefore(GLOBEX, 99)).isEmpty();
      assertThat(store().after(ACME, 0, 10)).containsExactly(checkpoint(ACME, 100, 0));
    }
  }

  @Nested
  @DisplayName("concurrency")
  @Timeout(30)
  class Concurrency {

    @Test
    @DisplayName("writers racing with different checkpoints of one size leave exactly one, the winner's")
    void keepsOneOfRacingWriters() throws Exception {
      List<Boolean> wins = race(4, Duration.ofSeconds(20), thread -> store().add(checkpoint(ACME, 700, thread)));

      assertThat(wins).containsOnlyOnce(true);
      int winner = wins.indexOf(true);
      assertThat(store().after(ACME, 0, 10)).containsExactly(checkpoint(ACME, 700, winner));
    }

    @Test
    @DisplayName("writers of different sizes racing all succeed, and reads see them by size")
    void storesRacingSizes() throws Exception {
      race(4, Duration.ofSeconds(20), thread -> {
        for (long size = thread + 1; size <= 200; size += 4) {
          store().add(checkpoint(size));
        }
        return null;
      });

      assertThat(store().after(ACME, 0, 500)).extracting(Checkpoint::treeSize)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
      assertThat(store().latest(ACME)).contains(checkpoint(200));
    }
  }
}

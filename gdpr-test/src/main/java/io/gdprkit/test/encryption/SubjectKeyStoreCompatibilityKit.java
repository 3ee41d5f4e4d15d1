package io.gdprkit.test.encryption;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.InvalidInputException;
import io.gdprkit.encryption.spi.DestroyedKey;
import io.gdprkit.encryption.spi.SubjectKeyState;
import io.gdprkit.encryption.spi.SubjectKeyStore;
import io.gdprkit.encryption.spi.WrappedKey;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that a {@link SubjectKeyStore} keeps its contract: one live key per subject, first creator wins, destroyed
 * keys remembered with their version, compare-and-set re-wrapping, keyset paging by subject, and thread safety.
 *
 * <p>Subjects are ordered by tenant id, then subject id, each as {@link String#compareTo} orders them (a binary
 * collation). Wrapped bytes must come back exactly as stored.
 *
 * <p>{@link #createStore()} is called once in every test and must return an empty store.
 *
 * <p>Usage example: <pre>{@code class JpaSubjectKeyStoreTests extends SubjectKeyStoreCompatibilityKit { protected SubjectKeyStore createStore() { return new JpaSubjectKeyStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class SubjectKeyStoreCompatibilityKit extends StoreCompatibilityKit<SubjectKeyStore> {

  private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00.123Z");
  private static final Instant LATER = Instant.parse("2026-04-01T12:00:00Z");
  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(10);

  private static final SubjectId ALICE = SubjectId.of("contact-42");
  private static final SubjectId BOB = SubjectId.of("contact-43");

  @Nested
  @DisplayName("creating")
  class Creating {

    @Test
    @DisplayName("a subject never stored is not found")
    void findsNothingForAnUnknownSubject() {
      store().create(key(BOB, 1, "kek-1", 1));

      Optional<SubjectKeyState> found = store().find(ALICE);

      assertThat(found).isEmpty();
    }

    @Test
    @DisplayName("a created key is returned and found with every component and byte unchanged")
    void returnsAndFindsACreatedKey() {
      WrappedKey key = key(ALICE, 1, "kek-1", 7);

      SubjectKeyState stored = store().create(key);

      assertThat(stored).isEqualTo(key);
      assertThat(store().find(ALICE)).get().isInstanceOfSatisfying(WrappedKey.class, found -> {
        assertThat(found.wrapped()).isEqualTo(bytes(7));
        assertThat(found.kekId()).isEqualTo("kek-1");
        assertThat(found.created()).isEqualTo(CREATED);
        assertThat(found.version()).isEqualTo(1);
      });
    }

    @Test
    @DisplayName("creating again for a subject with a live key keeps and returns the first key")
    void keepsTheFirstLiveKey() {
      WrappedKey first = key(ALICE, 1, "kek-1", 1);
      store().create(first);

      SubjectKeyState second = store().create(key(ALICE, 1, "kek-1", 2));
      SubjectKeyState higher = store().create(key(ALICE, 2, "kek-1", 3));

      assertThat(second).isEqualTo(first);
      assertThat(higher).isEqualTo(first);
      assertThat(store().find(ALICE)).contains(first);
    }

    @Test
    @DisplayName("the same subject id in two tenants has two keys")
    void keepsTenantsApart() {
      SubjectId aliceElsewhere = SubjectId.of(TenantId.of("acme"), ALICE.value());
      WrappedKey here = key(ALICE, 1, "kek-1", 1);
      WrappedKey there = key(aliceElsewhere, 1, "kek-1", 2);

      store().create(here);
      store().create(there);

      assertThat(store().find(ALICE)).contains(here);
      assertThat(store().find(aliceElsewhere)).contains(there);
    }
  }

  @Nested
  @DisplayName("destroying")
  class Destroying {

    @Test
    @DisplayName("a destroyed key is remembered as destroyed, with its version and time, and its bytes are gone")
    void remembersADestroyedKey() {
      store().create(key(ALICE, 3, "kek-1", 1));

      boolean destroyed = store().destroy(ALICE, LATER);

      assertThat(destroyed).isTrue();
      assertThat(store().find(ALICE)).contains(new DestroyedKey(ALICE, 3, LATER));
    }

    @Test
    @DisplayName("destroying twice returns true only the first time and keeps the first time")
    void destroysOnce() {
      store().create(key(ALICE, 1, "kek-1", 1));
      store().destroy(ALICE, CREATED);

      boolean again = store().destroy(ALICE, LATER);

      assertThat(again).isFalse();
      assertThat(store().find(ALICE)).contains(new DestroyedKey(ALICE, 1, CREATED));
    }

    @Test
    @DisplayName("destroying a subject without a key returns false and stores nothing")
    void ignoresAnUnknownSubject() {
      boolean destroyed = store().destroy(ALICE, LATER);

      assertThat(destroyed).isFalse();
      assertThat(store().find(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("destroying one subject's key leaves the others' keys")
    void destroysOnlyThatSubject() {
      WrappedKey bob = key(BOB, 1, "kek-1", 2);
      store().create(key(ALICE, 1, "kek-1", 1));
      store().create(bob);

      store().destroy(ALICE, LATER);

      assertThat(store().find(BOB)).contains(bob);
    }

    @Test
    @DisplayName("after a destroy, only a key of a higher version can be created")
    void acceptsOnlyAHigherVersionAfterADestroy() {
      store().create(key(ALICE, 2, "kek-1", 1));
      store().destroy(ALICE, LATER);
      WrappedKey next = key(ALICE, 3, "kek-1", 3);

      SubjectKeyState sameVersion = store().create(key(ALICE, 2, "kek-1", 2));
      SubjectKeyState higher = store().create(next);

      assertThat(sameVersion).isEqualTo(new DestroyedKey(ALICE, 2, LATER));
      assertThat(higher).isEqualTo(next);
      assertThat(store().find(ALICE)).contains(next);
    }
  }

  @Nested
  @DisplayName("re-wrapping")
  class Rewrapping {

    @Test
    @DisplayName("a live key is replaced when it is still the expected one")
    void replacesTheExpectedKey() {
      WrappedKey old = key(ALICE, 1, "kek-1", 1);
      store().create(old);
      WrappedKey rewrapped = old.rewrapped("kek-2", bytes(9));

      boolean replaced = store().replace(old, rewrapped);

      assertThat(replaced).isTrue();
      assertThat(store().find(ALICE)).contains(rewrapped);
    }

    @Test
    @DisplayName("a stale expectation or a destroyed key is not replaced")
    void refusesAStaleOrDestroyedKey() {
      WrappedKey old = key(ALICE, 1, "kek-1", 1);
      WrappedKey bob = key(BOB, 1, "kek-1", 2);
      store().create(old);
      store().create(bob);
      store().destroy(ALICE, LATER);

      boolean destroyed = store().replace(old, old.rewrapped("kek-2", bytes(9)));
      boolean stale = store().replace(key(BOB, 1, "kek-1", 3), bob.rewrapped("kek-2", bytes(9)));

      assertThat(destroyed).isFalse();
      assertThat(stale).isFalse();
      assertThat(store().find(ALICE)).contains(new DestroyedKey(ALICE, 1, LATER));
      assertThat(store().find(BOB)).contains(bob);
    }

    @Test
    @DisplayName("a replacement for another subject or version is invalid input")
    void rejectsAReplacementOfAnotherSubjectOrVersion() {
      WrappedKey old = key(ALICE, 1, "kek-1", 1);
      store().create(old);

      Throwable otherSubject = thrownBy(() -> store().replace(old, key(BOB, 1, "kek-2", 9)));
      Throwable otherVersion = thrownBy(() -> store().replace(old, key(ALICE, 2, "kek-2", 9)));

      assertThat(otherSubject).isInstanceOf(InvalidInputException.class);
      assertThat(otherVersion).isInstanceOf(InvalidInputException.class);
      assertThat(store().find(ALICE)).contains(old);
    }
  }

  @Nested
  @DisplayName("paging")
  class Paging {

    @Test
    @DisplayName("live keys under other KEKs are listed by tenant then subject id; destroyed keys never")
    void listsLiveKeysUnderOtherKeks() {
      WrappedKey acme = key(SubjectId.of(TenantId.of("acme"), "z"), 1, "kek-1", 1);
      WrappedKey b = key(SubjectId.of("b"), 1, "kek-0", 2);
      WrappedKey a = key(SubjectId.of("a"), 1, "kek-1", 3);
      List.of(b, acme, a, key(SubjectId.of("c"), 1, "kek-2", 4), key(SubjectId.of("d"), 1, "kek-1", 5))
          .forEach(store()::create);
      store().destroy(SubjectId.of("d"), LATER);

      List<WrappedKey> page = store().wrappedByOtherThan("kek-2", null, 10);

      assertThat(page).containsExactly(acme, a, b);
    }

    @Test
    @DisplayName("paging by the last subject of each page visits every matching key exactly once")
    void pagesThroughEveryKeyExactlyOnce() {
      List<WrappedKey> old = IntStream.range(0, 23)
          .mapToObj(i -> key(SubjectId.of("contact-" + (char) ('a' + i)), 1, i % 2 == 0 ? "kek-0" : "kek-1", i))
          .toList();
      List<WrappedKey> reversed = new ArrayList<>(old);
      Collections.reverse(reversed);
      reversed.forEach(store()::create);
      store().create(key(SubjectId.of("contact-0"), 1, "kek-2", 99));

      List<WrappedKey> visited = pageThrough(4,
          (SubjectId after) -> store().wrappedByOtherThan("kek-2", after, 4), WrappedKey::subject);

      assertThat(visited).containsExactlyElementsOf(old);
    }

    @Test
    @DisplayName("a limit below 1 is invalid input")
    void rejectsALimitBelowOne() {
      Throwable zero = thrownBy(() -> store().wrappedByOtherThan("kek-1", null, 0));

      assertThat(zero).isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  @DisplayName("concurrency")
  @Timeout(30)
  class Concurrency {

    @Test
    @DisplayName("racing creations of a subject's first key keep one, which every creator gets back")
    void keepsOneKeyForRacingCreations() throws Exception {
      int threads = 8;
      int subjects = 100;

      List<List<SubjectKeyState>> returned = race(threads, RACE_TIMEOUT, thread -> IntStream.range(0, subjects)
          .mapToObj(i -> store().create(key(SubjectId.of("racing-" + i), 1, "kek-1", thread)))
          .toList());

      for (int i = 0; i < subjects; i++) {
        int index = i;
        SubjectKeyState stored = store().find(SubjectId.of("racing-" + i)).orElseThrow();
        assertThat(returned).as("keys returned for racing-%d", i)
            .allSatisfy(perThread -> assertThat(perThread.get(index)).isEqualTo(stored));
      }
    }

    @Test
    @DisplayName("racing destroys of one key report exactly one destruction")
    void destroysOnceUnderRacingDestroys() throws Exception {
      store().create(key(ALICE, 1, "kek-1", 1));

      List<Boolean> destroyed = race(8, RACE_TIMEOUT, thread -> store().destroy(ALICE, LATER));

      assertThat(destroyed).containsOnlyOnce(true);
      assertThat(store().find(ALICE)).contains(new DestroyedKey(ALICE, 1, LATER));
    }

    @Test
    @DisplayName("racing re-wraps of one key let exactly one win, and a racing destroy is never undone")
    void replacesOnceAndNeverRevivesADestroyedKey() throws Exception {
      WrappedKey old = key(ALICE, 1, "kek-1", 1);
      store().create(old);

      List<Boolean> replaced = race(8, RACE_TIMEOUT, thread -> thread == 7 ? store().destroy(ALICE, LATER)
          : store().replace(old, old.rewrapped("kek-2", bytes(10 + thread))));

      List<Boolean> rewraps = replaced.subList(0, 7);
      SubjectKeyState after = store().find(ALICE).orElseThrow();
      assertThat(rewraps.stream().filter(Boolean::booleanValue)).hasSizeLessThanOrEqualTo(1);
      assertThat(replaced.get(7)).as("the destroy always finds a live key").isTrue();
      assertThat(after).isEqualTo(new DestroyedKey(ALICE, 1, LATER));
    }
  }

  /** Returns a wrapped key whose bytes are 60 copies of {@code fill}, the size gdpr-kit's wrapped keys have. */
  private static WrappedKey key(SubjectId subject, int version, String kekId, int fill) {
    return new WrappedKey(subject, version, kekId, bytes(fill), CREATED);
  }

  private static byte[] bytes(int fill) {
    byte[] bytes = new byte[60];
    Arrays.fill(bytes, (byte) fill);
    return bytes;
  }
}

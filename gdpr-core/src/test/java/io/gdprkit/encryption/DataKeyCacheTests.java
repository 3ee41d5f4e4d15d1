package io.gdprkit.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.encryption.spi.SubjectKeyStore;
import io.gdprkit.subject.SubjectId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The cache of unwrapped data keys: a key shredded through another instance stops decrypting here once the time
 * to live has passed on this instance's ticker, a local shred at once, and no more keys are cached than allowed.
 */
class DataKeyCacheTests {

  private static final Duration TTL = Duration.ofMinutes(1);

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final AtomicLong nanos = new AtomicLong();
  private final SubjectKeyStore sharedStore = SubjectKeyStore.inMemory();
  private final KeyEncryptionKeys keks = KeyEncryptionKeys.of("kek-1", secret());
  private final SubjectId alice = SubjectId.of("contact-42");
  private final SubjectId bob = SubjectId.of("contact-43");

  private static byte[] secret() {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 7);
    return secret;
  }

  /** Returns an application instance over the shared key store whose cache ticks on {@link #nanos}. */
  private FieldEncryption instance(DataKeyCacheOptions cache) {
    return GdprKit.builder().clock(clock).subjectKeyStore(sharedStore).keyEncryptionKeys(keks)
        .dataKeyCache(cache.withTicker(nanos::get)).build().encryption();
  }

  private FieldEncryption instance() {
    return instance(DataKeyCacheOptions.defaults().withTimeToLive(TTL));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // Issue 9
  @Test
  void servesAKeyShreddedThroughAnotherInstanceUntilTheTimeToLiveHasPassedAndNeverAfter() {
    FieldEncryption here = instance();
    FieldEncryption elsewhere = instance();
    byte[] alices = here.encrypt(alice, "name", utf8("Alice"));
    byte[] bobs = here.encrypt(bob, "name", utf8("Bob"));

    elsewhere.shred(alice);
    nanos.addAndGet(TTL.toNanos() - 1);

    // The documented bound: until the time to live has passed, this instance still serves its cached key.
    assertThat(here.decrypt(alice, "name", alices)).isEqualTo(utf8("Alice"));
    assertThatThrownBy(() -> elsewhere.decrypt(alice, "name", alices))
        .isInstanceOf(SubjectKeyDestroyedException.class);

    nanos.addAndGet(1);

    // However the reads of other subjects fall in between (a per-thread hit counter shared by all subjects let
    // this pattern serve the destroyed key indefinitely).
    for (int round = 0; round < 1_000; round++) {
      assertThatThrownBy(() -> here.decrypt(alice, "name", alices))
          .as("round %d", round).isInstanceOf(SubjectKeyDestroyedException.class);
      for (int i = 0; i < 15; i++) {
        assertThat(here.decrypt(bob, "name", bobs)).isEqualTo(utf8("Bob"));
      }
    }
  }

  // Issue 9
  @Test
  void stopsServingAKeyShreddedThroughThisInstanceAtOnce() {
    FieldEncryption here = instance();
    byte[] alices = here.encrypt(alice, "name", utf8("Alice"));
    assertThat(here.decrypt(alice, "name", alices)).isEqualTo(utf8("Alice"));

    boolean shredded = here.shred(alice);

    assertThat(shredded).isTrue();
    assertThatThrownBy(() -> here.decrypt(alice, "name", alices)).isInstanceOf(SubjectKeyDestroyedException.class);
  }

  // Issue 9
  @Test
  void cachesNoMoreKeysThanItsMaximumSize() {
    FieldEncryption here = instance(DataKeyCacheOptions.defaults().withTimeToLive(TTL).withMaximumSize(8));
    FieldEncryption elsewhere = instance();
    List<SubjectId> subjects = IntStream.range(0, 100).mapToObj(i -> SubjectId.of("contact-" + i)).toList();
    List<byte[]> ciphertexts = subjects.stream().map(s -> here.encrypt(s, "name", utf8(s.value()))).toList();

    // Destroyed in the shared store, a key still decrypts here only while it is in this instance's cache.
    subjects.forEach(elsewhere::shred);
    long served = IntStream.range(0, subjects.size()).filter(i -> {
      try {
        return Arrays.equals(here.decrypt(subjects.get(i), "name", ciphertexts.get(i)), utf8(subjects.get(i).value()));
      } catch (SubjectKeyDestroyedException e) {
        return false;
      }
    }).count();

    assertThat(served).isBetween(1L, 8L);
  }

  @Test
  void decryptsEveryoneAgainAfterTheirKeysWereEvictedForSize() {
    FieldEncryption here = instance(DataKeyCacheOptions.defaults().withTimeToLive(TTL).withMaximumSize(8));
    List<SubjectId> subjects = IntStream.range(0, 100).mapToObj(i -> SubjectId.of("contact-" + i)).toList();
    List<byte[]> ciphertexts = subjects.stream().map(s -> here.encrypt(s, "name", utf8(s.value()))).toList();

    nanos.addAndGet(TTL.toNanos() / 2);

    for (int i = 0; i < subjects.size(); i++) {
      assertThat(here.decrypt(subjects.get(i), "name", ciphertexts.get(i))).isEqualTo(utf8(subjects.get(i).value()));
    }
  }

  // Issue 9
  @Test
  void refusesASizeOrTimeToLiveOutOfBoundsNamingIt() {
    DataKeyCacheOptions defaults = DataKeyCacheOptions.defaults();

    assertThatThrownBy(() -> defaults.withMaximumSize(0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("maximumSize");
    assertThatThrownBy(() -> defaults.withMaximumSize(DataKeyCacheOptions.MAX_SIZE + 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("maximumSize");
    assertThatThrownBy(() -> defaults.withTimeToLive(Duration.ZERO)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("timeToLive");
    assertThatThrownBy(() -> defaults.withTimeToLive(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("timeToLive");
    assertThatThrownBy(() -> defaults.withTimeToLive(DataKeyCacheOptions.MAX_TIME_TO_LIVE.plusNanos(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("timeToLive");
    assertThatThrownBy(() -> defaults.withTimeToLive(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("timeToLive");
    assertThat(defaults.withMaximumSize(DataKeyCacheOptions.MAX_SIZE).withTimeToLive(
        DataKeyCacheOptions.MAX_TIME_TO_LIVE)).isNotNull();
  }

  @Test
  void takesTheCacheOptionsOnce() {
    GdprKit.Builder builder = GdprKit.builder().dataKeyCache(DataKeyCacheOptions.defaults());

    assertThatThrownBy(() -> builder.dataKeyCache(DataKeyCacheOptions.defaults()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("dataKeyCache");
  }
}

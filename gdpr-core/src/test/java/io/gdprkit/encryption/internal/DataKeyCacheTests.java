package io.gdprkit.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.TestClock;
import io.gdprkit.encryption.KeyEncryptionKeys;
import io.gdprkit.encryption.SubjectKeyDestroyedException;
import io.gdprkit.encryption.spi.SubjectKeyStore;
import io.gdprkit.subject.SubjectId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import io.gdprkit.transaction.UnitOfWork;
import org.junit.jupiter.api.Test;

class DataKeyCacheTests {

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final SubjectKeyStore store = SubjectKeyStore.inMemory();

  @Test
  void holdsNoMoreKeysThanItsSizeAndStillDecryptsEveryone() {
    DefaultFieldEncryption encryption = new DefaultFieldEncryption(store, KeyEncryptionKeys.generate(), clock, 8,
        Duration.ofMinutes(5), UnitOfWork.inMemory(), event -> { });
    List<SubjectId> subjects = IntStream.range(0, 100).mapToObj(i -> SubjectId.of("contact-" + i)).toList();

    List<byte[]> ciphertexts = subjects.stream()
        .map(s -> encryption.encrypt(s, "name", s.value().getBytes(StandardCharsets.UTF_8))).toList();

    assertThat(encryption.cachedKeys()).isBetween(1, 8);
    for (int i = 0; i < subjects.size(); i++) {
      assertThat(new String(encryption.decrypt(subjects.get(i), "name", ciphertexts.get(i)), StandardCharsets.UTF_8))
          .isEqualTo(subjects.get(i).value());
      assertThat(encryption.cachedKeys()).isLessThanOrEqualTo(8);
    }
  }

  @Test
  void asksTheStoreAgainSoonAfterAKeyOutlivesItsTimeToLiveSoAnotherInstancesShredTakesHold() throws Exception {
    DefaultFieldEncryption encryption = new DefaultFieldEncryption(store, KeyEncryptionKeys.generate(), clock, 8,
        Duration.ofMillis(1), UnitOfWork.inMemory(), event -> { });
    SubjectId alice = SubjectId.of("contact-42");
    byte[] ciphertext = encryption.encrypt(alice, "name", new byte[] {1, 2, 3});
    store.destroy(alice, clock.instant()); // as another application instance's erasure would
    Thread.sleep(5);

    int served = 0;
    Throwable refused = null;
    while (refused == null && served <= DataKeyCache.AGE_CHECK_INTERVAL) {
      try {
        encryption.decrypt(alice, "name", ciphertext);
        served++;
      } catch (SubjectKeyDestroyedException e) {
        refused = e;
      }
    }

    assertThat(refused).as("refused within %d hits", DataKeyCache.AGE_CHECK_INTERVAL).isNotNull();
    assertThat(served).isLessThan(DataKeyCache.AGE_CHECK_INTERVAL);
    assertThat(encryption.cachedKeys()).isZero();
  }
}

package io.gdprkit.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.encryption.DecryptionFailedException.Reason;
import io.gdprkit.encryption.spi.DestroyedKey;
import io.gdprkit.encryption.spi.SubjectKeyStore;
import io.gdprkit.encryption.spi.WrappedKey;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FieldEncryptionTests {

  static final String PHONE = "+49 30 1234567";

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final SubjectKeyStore keyStore = SubjectKeyStore.inMemory();
  private final KeyEncryptionKeys keks = KeyEncryptionKeys.of("kek-1", secret(1));
  private final GdprKit gdpr = GdprKit.builder().clock(clock).subjectKeyStore(keyStore).keyEncryptionKeys(keks)
      .build();
  private final FieldEncryption encryption = gdpr.encryption();
  private final SubjectId alice = SubjectId.of("contact-42");
  private final SubjectId bob = SubjectId.of("contact-43");
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  static byte[] secret(int seed) {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) seed);
    return secret;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Nested
  class RoundTrip {

    @Test
    void decryptsWhatItEncryptedForTheSameSubjectAndField() {
      byte[] ciphertext = encryption.encrypt(alice, "phone", utf8(PHONE));

      byte[] plaintext = encryption.decrypt(alice, "phone", ciphertext);

      assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(PHONE);
    }

    @Test
    void writesFormatVersionKeyVersionAndAFreshIvBeforeTheCiphertextAndTag() {
      byte[] first = encryption.encrypt(alice, "phone", utf8(PHONE));

      byte[] second = encryption.encrypt(alice, "phone", utf8(PHONE));

      assertThat(first).hasSize(1 + 4 + 12 + utf8(PHONE).length + 16);
      assertThat(first[0]).isEqualTo((byte) 1);
      assertThat(Arrays.copyOfRange(first, 1, 5)).containsExactly(0, 0, 0, 1);
      assertThat(Arrays.copyOfRange(first, 5, 17)).isNotEqualTo(Arrays.copyOfRange(second, 5, 17));
      assertThat(first).isNotEqualTo(second);
      assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("1234567");
    }

    @Test
    void givesACompactTextFormThatDecryptsBack() {
      String column = encryption.encryptText(alice, "name", "Ålice Exämple");

      String name = encryption.decryptText(alice, "name", column);

      assertThat(column).startsWith(FieldEncryption.TEXT_PREFIX).doesNotContain("lice").doesNotContain("=");
      assertThat(column.substring(4)).matches("[A-Za-z0-9_-]+");
      assertThat(name).isEqualTo("Ålice Exämple");
    }

    @Test
    void encryptsEmptyValues() {
      String column = encryption.encryptText(alice, "note", "");

      String note = encryption.decryptText(alice, "note", column);

      assertThat(note).isEmpty();
    }

    @Test
    void keepsOneDataKeyPerSubjectWrappedUnderTheActiveKek() {
      encryption.encrypt(alice, "phone", utf8(PHONE));
      encryption.encrypt(alice, "email", utf8("alice@example.com"));

      encryption.encrypt(bob, "phone", utf8(PHONE));

      assertThat(keyStore.find(alice)).get().isInstanceOfSatisfying(WrappedKey.class, key -> {
        assertThat(key.version()).isEqualTo(1);
        assertThat(key.kekId()).isEqualTo("kek-1");
        assertThat(key.created()).isEqualTo(clock.instant());
        assertThat(key.toString()).doesNotContain(Base64.getEncoder().encodeToString(key.wrapped()));
      });
      assertThat(keyStore.find(bob)).get().isInstanceOf(WrappedKey.class);
      assertThat(((WrappedKey) keyStore.find(alice).orElseThrow()).wrapped())
          .isNotEqualTo(((WrappedKey) keyStore.find(bob).orElseThrow()).wrapped());
    }
  }

  @Nested
  class HostileInput {

    @Test
    void refusesACiphertextMovedToAnotherSubjectFieldOrTenant() {
      SubjectId aliceElsewhere = SubjectId.of(TenantId.of("other-tenant"), "contact-42");
      encryption.encrypt(bob, "phone", utf8("bob's key exists"));
      encryption.encrypt(aliceElsewhere, "phone", utf8("so does this one's"));
      byte[] ciphertext = encryption.encrypt(alice, "phone", utf8(PHONE));

      Reason toBob = reasonOf(() -> encryption.decrypt(bob, "phone", ciphertext));
      Reason toEmail = reasonOf(() -> encryption.decrypt(alice, "email", ciphertext));
      Reason toOtherTenant = reasonOf(() -> encryption.decrypt(aliceElsewhere, "phone", ciphertext));

      assertThat(List.of(toBob, toEmail, toOtherTenant)).containsOnly(Reason.NOT_AUTHENTIC);
    }

    @Test
    void refusesACiphertextForASubjectThatNeverHadAKey() {
      byte[] ciphertext = encryption.encrypt(alice, "phone", utf8(PHONE));

      DecryptionFailedException e = catchThrowableOfType(DecryptionFailedException.class,
          () -> encryption.decrypt(bob, "phone", ciphertext));

      assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY_VERSION);
      assertThat(e.subject()).isEqualTo(bob);
      assertThat(e.field()).isEqualTo("phone");
    }

    @Test
    void refusesEverySingleBitFlipWithATypedErrorThatIsNotDestroyed() {
      byte[] ciphertext = encryption.encrypt(alice, "phone", utf8(PHONE));
      List<Reason> reasons = new ArrayList<>();

      for (int bit = 0; bit < ciphertext.length * 8; bit++) {
        byte[] tampered = ciphertext.clone();
        tampered[bit / 8] ^= (byte) (1 << (bit % 8));
        reasons.add(reasonOf(() -> encryption.decrypt(alice, "phone", tampered)));
      }

      assertThat(reasons.subList(0, 8)).containsOnly(Reason.UNSUPPORTED_FORMAT);
      assertThat(reasons.subList(8, 40)).containsOnly(Reason.UNKNOWN_KEY_VERSION);
      assertThat(reasons.subList(40, reasons.size())).containsOnly(Reason.NOT_AUTHENTIC);
    }

    @Test
    void refusesTruncatedExtendedAndMalformedCiphertexts() {
      byte[] ciphertext = encryption.encrypt(alice, "phone", utf8(PHONE));
      String column = encryption.encryptText(alice, "phone", PHONE);

      Reason truncated = reasonOf(() -> encryption.decrypt(alice, "phone", Arrays.copyOf(ciphertext, 32)));
      Reason tagCut = reasonOf(() -> encryption.decrypt(alice, "phone", Arrays.copyOf(ciphertext, ciphertext.length - 1)));
      Reason extended = reasonOf(() -> encryption.decrypt(alice, "phone", Arrays.copyOf(ciphertext, ciphertext.length + 1)));
      Reason noPrefix = reasonOf(() -> encryption.decryptText(alice, "phone", column.substring(4)));
      Reason notBase64 = reasonOf(() -> encryption.decryptText(alice, "phone", column + "*"));
      Reason empty = reasonOf(() -> encryption.decryptText(alice, "phone", ""));

      assertThat(truncated).isEqualTo(Reason.MALFORMED);
      assertThat(tagCut).isEqualTo(Reason.NOT_AUTHENTIC);
      assertThat(extended).isEqualTo(Reason.NOT_AUTHENTIC);
      assertThat(List.of(noPrefix, notBase64, empty)).containsOnly(Reason.MALFORMED);
    }

    @Test
    void refusesACiphertextMadeUnderAnotherKitsKeyForTheSameSubject() {
      GdprKit elsewhere = GdprKit.builder().clock(clock).build();
      byte[] foreign = elsewhere.encryption().encrypt(alice, "phone", utf8(PHONE));
      encryption.encrypt(alice, "phone", utf8("alice has a key here too"));

      Reason reason = reasonOf(() -> encryption.decrypt(alice, "phone", foreign));

      assertThat(reason).isEqualTo(Reason.NOT_AUTHENTIC);
    }

    @Test
    void saysWhenTheKekIsMissingOrHoldsOtherBytes() {
      byte[] ciphertext = encryption.encrypt(alice, "phone", utf8(PHONE));
      GdprKit otherBytes = GdprKit.builder().subjectKeyStore(keyStore)
          .keyEncryptionKeys(KeyEncryptionKeys.of("kek-1", secret(9))).build();
      GdprKit noSuchKek = GdprKit.builder().subjectKeyStore(keyStore)
          .keyEncryptionKeys(KeyEncryptionKeys.of("kek-2", secret(1))).build();

      Reason mismatch = reasonOf(() -> otherBytes.encryption().decrypt(alice, "phone", ciphertext));
      Reason unknown = reasonOf(() -> noSuchKek.encryption().decrypt(alice, "phone", ciphertext));

      assertThat(mismatch).isEqualTo(Reason.KEK_MISMATCH);
      assertThat(unknown).isEqualTo(Reason.UNKNOWN_KEK);
    }

    @Test
    void namesNoPlaintextCiphertextOrKeyInMessages() {
      String column = encryption.encryptText(alice, "phone", PHONE);
      byte[] tampered = Base64.getUrlDecoder().decode(column.substring(4));
      tampered[20] ^= 1;

      Throwable e = catchThrowableOfType(DecryptionFailedException.class,
          () -> encryption.decrypt(alice, "phone", tampered));

      assertThat(e.getMessage()).contains("contact-42", "phone").doesNotContain(PHONE)
          .doesNotContain(column.substring(4, 20));
      assertThat(keks.toString()).isEqualTo("KeyEncryptionKeys[active=kek-1, keys=[kek-1]]");
    }

    @Test
    void refusesBadArgumentsWithTypedErrors() {
      assertThatThrownBy(() -> encryption.encrypt(alice, " ", utf8(PHONE))).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> encryption.encrypt(alice, "phone number", utf8(PHONE)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("field");
      assertThatThrownBy(() -> encryption.encrypt(alice, "x".repeat(65), utf8(PHONE)))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> encryption.encrypt(null, "phone", utf8(PHONE))).isInstanceOf(NullPointerException.class)
          .hasMessageContaining("subject");
      assertThatThrownBy(() -> encryption.encryptText(alice, "phone", null)).isInstanceOf(NullPointerException.class)
          .hasMessageContaining("plaintext");
      assertThatThrownBy(() -> encryption.rewrap(0)).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> KeyEncryptionKeys.of("kek-1", new byte[16])).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("32 bytes");
      assertThatThrownBy(() -> KeyEncryptionKeys.of("kek 1", secret(1))).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> keks.rotate("kek-1", secret(2))).isInstanceOf(InvalidInputException.class);
      assertThat(keyStore.find(alice)).isEmpty();
    }

    @Test
    void refusesToSetTheKeyStoreOrTheKeksTwice() {
      GdprKit.Builder builder = GdprKit.builder().subjectKeyStore(keyStore).keyEncryptionKeys(keks);

      assertThatThrownBy(() -> builder.subjectKeyStore(SubjectKeyStore.inMemory()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("subjectKeyStore");
      assertThatThrownBy(() -> builder.keyEncryptionKeys(KeyEncryptionKeys.generate()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("keyEncryptionKeys");
    }
  }

  @Nested
  class Shredding {

    @Test
    void makesEveryCopyUnreadableWithATypedErrorThatSaysTheKeyWasDestroyed() {
      String column = encryption.encryptText(alice, "phone", PHONE);
      String backupCopy = new String(column.toCharArray());

      boolean shredded = encryption.shred(alice);

      assertThat(shredded).isTrue();
      assertThat(encryption.isShredded(alice)).isTrue();
      assertThatThrownBy(() -> encryption.decryptText(alice, "phone", column))
          .isInstanceOfSatisfying(SubjectKeyDestroyedException.class, e -> {
            assertThat(e.subject()).isEqualTo(alice);
            assertThat(e.keyVersion()).isEqualTo(1);
          })
          .hasMessageContaining("destroyed").hasMessageNotContaining(PHONE);
      assertThatThrownBy(() -> encryption.decryptText(alice, "phone", backupCopy))
          .isInstanceOf(SubjectKeyDestroyedException.class);
      assertThat(keyStore.find(alice)).get().isEqualTo(new DestroyedKey(alice, 1, clock.instant()));
    }

    @Test
    void isIdempotentAndLeavesOtherSubjectsReadable() {
      String aliceColumn = encryption.encryptText(alice, "phone", PHONE);
      String bobColumn = encryption.encryptText(bob, "phone", PHONE);
      encryption.shred(alice);

      boolean again = encryption.shred(alice);
      boolean never = encryption.shred(SubjectId.of("never-encrypted"));

      assertThat(again).isFalse();
      assertThat(never).isFalse();
      assertThat(encryption.isShredded(SubjectId.of("never-encrypted"))).isFalse();
      assertThat(encryption.decryptText(bob, "phone", bobColumn)).isEqualTo(PHONE);
      assertThatThrownBy(() -> encryption.decryptText(alice, "phone", aliceColumn))
          .isInstanceOf(SubjectKeyDestroyedException.class);
    }

    @Test
    void givesAReturningSubjectANewKeyVersionWhileTheOldDataStaysShredded() {
      String old = encryption.encryptText(alice, "phone", PHONE);
      encryption.shred(alice);

      String fresh = encryption.encryptText(alice, "phone", "+49 30 7654321");

      assertThat(encryption.isShredded(alice)).isFalse();
      assertThat(Base64.getUrlDecoder().decode(fresh.substring(4))[4]).isEqualTo((byte) 2);
      assertThat(encryption.decryptText(alice, "phone", fresh)).isEqualTo("+49 30 7654321");
      assertThatThrownBy(() -> encryption.decryptText(alice, "phone", old))
          .isInstanceOfSatisfying(SubjectKeyDestroyedException.class, e -> assertThat(e.keyVersion()).isEqualTo(1));
    }

    @Test
    void neverServesAShreddedKeyFromTheCacheEvenWhileReadsRace() throws Exception {
      byte[] ciphertext = encryption.encrypt(alice, "phone", utf8(PHONE));
      CountDownLatch reading = new CountDownLatch(4);
      List<Future<Long>> readers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        readers.add(pool.submit(() -> {
          long reads = 0;
          reading.countDown();
          while (true) {
            try {
              encryption.decrypt(alice, "phone", ciphertext);
              reads++;
            } catch (SubjectKeyDestroyedException shredded) {
              return reads;
            }
          }
        }));
      }
      reading.await();

      encryption.shred(alice);

      for (Future<Long> reader : readers) {
        assertThat(reader.get(10, TimeUnit.SECONDS)).isNotNegative();
      }
      assertThatThrownBy(() -> encryption.decrypt(alice, "phone", ciphertext))
          .isInstanceOf(SubjectKeyDestroyedException.class);
    }
  }

  @Nested
  class Concurrency {

    @Test
    void racingFirstEncryptionsOfASubjectShareOneKey() throws Exception {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int thread = i;
        results.add(pool.submit(() -> {
          start.await();
          return encryption.encrypt(alice, "phone", utf8("value " + thread));
        }));
      }

      start.countDown();

      for (int i = 0; i < 8; i++) {
        assertThat(encryption.decrypt(alice, "phone", results.get(i).get(10, TimeUnit.SECONDS)))
            .isEqualTo(utf8("value " + i));
      }
      assertThat(keyStore.find(alice)).get().extracting(state -> state.version()).isEqualTo(1);
    }
  }

  @Nested
  class KekRotation {

    @Test
    void rewrapsEveryDataKeyInBatchesWithoutTouchingACiphertext() {
      List<SubjectId> subjects = IntStream.range(0, 25).mapToObj(i -> SubjectId.of("contact-" + i)).toList();
      List<String> columns = subjects.stream().map(s -> encryption.encryptText(s, "phone", PHONE + s.value())).toList();
      encryption.shred(subjects.get(3));

      keks.rotate("kek-2", secret(2));
      long rewrapped = encryption.rewrap(7);

      assertThat(rewrapped).isEqualTo(24);
      assertThat(encryption.rewrap(7)).isZero();
      GdprKit onlyNewKek = GdprKit.builder().subjectKeyStore(keyStore)
          .keyEncryptionKeys(KeyEncryptionKeys.of("kek-2", secret(2))).build();
      for (int i = 0; i < subjects.size(); i++) {
        SubjectId subject = subjects.get(i);
        String column = columns.get(i);
        if (i == 3) {
          assertThatThrownBy(() -> onlyNewKek.encryption().decryptText(subject, "phone", column))
              .isInstanceOf(SubjectKeyDestroyedException.class);
        } else {
          assertThat(onlyNewKek.encryption().decryptText(subject, "phone", column)).isEqualTo(PHONE + subject.value());
          assertThat(encryption.decryptText(subject, "phone", column)).isEqualTo(PHONE + subject.value());
        }
      }
    }

    @Test
    void keepsOldDataKeysReadableBeforeTheRewrapAndWrapsNewOnesUnderTheNewKek() {
      String before = encryption.encryptText(alice, "phone", PHONE);

      keks.rotate("kek-2", secret(2));
      encryption.encryptText(bob, "phone", PHONE);

      GdprKit restarted = GdprKit.builder().subjectKeyStore(keyStore).keyEncryptionKeys(keks).build();
      assertThat(restarted.encryption().decryptText(alice, "phone", before)).isEqualTo(PHONE);
      assertThat(keyStore.find(alice)).get().extracting(state -> ((WrappedKey) state).kekId()).isEqualTo("kek-1");
      assertThat(keyStore.find(bob)).get().extracting(state -> ((WrappedKey) state).kekId()).isEqualTo("kek-2");
    }

    @Test
    void retiresTheOldKekOnlyOnceNoDataKeyNeedsIt() {
      String column = encryption.encryptText(alice, "phone", PHONE);
      keks.rotate("kek-2", secret(2));

      Throwable tooEarly = catchThrowableOfType(InvalidInputException.class, () -> encryption.retireKek("kek-1"));
      Throwable active = catchThrowableOfType(InvalidInputException.class, () -> encryption.retireKek("kek-2"));
      encryption.rewrap(100);
      encryption.retireKek("kek-1");

      assertThat(tooEarly).hasMessageContaining("rewrap");
      assertThat(active).hasMessageContaining("active");
      assertThat(keks.keyIds()).containsExactly("kek-2");
      GdprKit restarted = GdprKit.builder().subjectKeyStore(keyStore).keyEncryptionKeys(keks).build();
      assertThat(restarted.encryption().decryptText(alice, "phone", column)).isEqualTo(PHONE);
      assertThatThrownBy(() -> encryption.retireKek("kek-1")).isInstanceOf(io.gdprkit.crypto.UnknownKeyException.class);
    }

    @Test
    void stopsWithATypedErrorAtAKeyWhoseKekIsGone() {
      encryption.encrypt(alice, "phone", utf8(PHONE));
      KeyEncryptionKeys withoutKek1 = KeyEncryptionKeys.of("kek-2", secret(2));
      GdprKit misconfigured = GdprKit.builder().subjectKeyStore(keyStore).keyEncryptionKeys(withoutKek1).build();

      Throwable e = catchThrowableOfType(DecryptionFailedException.class, () -> misconfigured.encryption().rewrap(10));

      assertThat(((DecryptionFailedException) e).reason()).isEqualTo(Reason.UNKNOWN_KEK);
      assertThat(((DecryptionFailedException) e).field()).isNull();
      assertThat(e.getMessage()).contains("data key of subject contact-42");
      assertThat(keyStore.find(alice)).get().extracting(state -> ((WrappedKey) state).kekId()).isEqualTo("kek-1");
    }
  }

  private static Reason reasonOf(Runnable call) {
    DecryptionFailedException e = catchThrowableOfType(DecryptionFailedException.class, call::run);
    assertThat(e).as("expected a DecryptionFailedException").isNotNull();
    return e.reason();
  }
}

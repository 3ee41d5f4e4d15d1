package io.gdprkit.benchmarks;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.gdprkit.GdprKit;
import io.gdprkit.encryption.FieldEncryption;
import io.gdprkit.subject.SubjectId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AES-256-GCM encryption and decryption of a 32-byte field through {@code gdpr.encryption()}, against what a host
 * would otherwise write: a raw JCA {@code Cipher} it keeps and reuses, and Google Tink's AEAD.
 *
 * <p>All three encrypt the same 32-byte payload with a fresh random 96-bit IV per encryption from a per-thread
 * {@link SecureRandom}, under one key, with 16 bytes of associated data naming subject and field (the kit binds
 * the same in its own encoding). The kit's subject key is cached, as it is for any subject read or written in the
 * last minutes; its extra work is the cache look-up, the header and the per-thread cipher. Decryption reads a
 * ciphertext made once in set-up. Targets: the kit within 1.5× of {@code jca*}, and no slower than {@code tink*}.
 *
 * <p>Run: <pre>{@code
 * ./mvnw -q package -pl gdpr-benchmarks -am -DskipTests
 * java -jar gdpr-benchmarks/target/benchmarks.jar FieldEncryptionBenchmark -prof gc
 * }</pre>
 *
 * <p>{@code encryptSideBySide} and {@code decryptSideBySide} run the kit, the raw cipher and Tink at the same time
 * in one fork, one thread each: whatever else the machine does falls on all three at once, so their ratios hold on
 * a shared machine where separate runs disagree. On fewer than three free cores each is slower than alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FieldEncryptionBenchmark {

  static final int PAYLOAD_BYTES = 32;
  static final String FIELD = "email";
  static final SubjectId SUBJECT = SubjectId.of("contact-42");
  static final byte[] ASSOCIATED_DATA = "contact-42/email".getBytes(StandardCharsets.US_ASCII);

  static byte[] payload() {
    byte[] payload = new byte[PAYLOAD_BYTES];
    new SplittableRandom(20261202L).nextBytes(payload);
    return payload;
  }

  /** The kit, with the subject's data key created and cached, and one ciphertext to decrypt. */
  @State(Scope.Benchmark)
  public static class Kit {
    FieldEncryption encryption;
    byte[] payload;
    byte[] ciphertext;

    @Setup(Level.Trial)
    public void setUp() {
      encryption = GdprKit.builder().build().encryption();
      payload = payload();
      ciphertext = encryption.encrypt(SUBJECT, FIELD, payload);
    }
  }

  /** A raw JCA cipher the benchmark thread keeps, as a careful host would. */
  @State(Scope.Thread)
  public static class Jca {
    Cipher cipher;
    SecretKeySpec key;
    SecureRandom random;
    byte[] payload;
    byte[] ciphertext;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
      cipher = Cipher.getInstance("AES/GCM/NoPadding");
      random = new SecureRandom();
      byte[] raw = new byte[32];
      random.nextBytes(raw);
      key = new SecretKeySpec(raw, "AES");
      payload = payload();
      ciphertext = encrypt(this);
    }
  }

  /** Tink's AES256_GCM AEAD. */
  @State(Scope.Benchmark)
  public static class Tink {
    Aead aead;
    byte[] payload;
    byte[] ciphertext;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
      AeadConfig.register();
      aead = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
      payload = payload();
      ciphertext = aead.encrypt(payload, ASSOCIATED_DATA);
    }
  }

  static byte[] encrypt(Jca jca) throws GeneralSecurityException {
    byte[] out = new byte[12 + jca.payload.length + 16];
    byte[] iv = new byte[12];
    jca.random.nextBytes(iv);
    System.arraycopy(iv, 0, out, 0, 12);
    jca.cipher.init(Cipher.ENCRYPT_MODE, jca.key, new GCMParameterSpec(128, iv));
    jca.cipher.updateAAD(ASSOCIATED_DATA);
    jca.cipher.doFinal(jca.payload, 0, jca.payload.length, out, 12);
    return out;
  }

  /** The kit's third of {@code encryptSideBySide}. */
  @Benchmark
  @Group("encryptSideBySide")
  @GroupThreads(1)
  public byte[] sideBySideKitEncrypt(Kit kit) {
    return kitEncrypt(kit);
  }

  /** The raw cipher's third of {@code encryptSideBySide}. */
  @Benchmark
  @Group("encryptSideBySide")
  @GroupThreads(1)
  public byte[] sideBySideJcaEncrypt(Jca jca) throws GeneralSecurityException {
    return jcaEncrypt(jca);
  }

  /** Tink's third of {@code encryptSideBySide}. */
  @Benchmark
  @Group("encryptSideBySide")
  @GroupThreads(1)
  public byte[] sideBySideTinkEncrypt(Tink tink) throws GeneralSecurityException {
    return tinkEncrypt(tink);
  }

  /** The kit's third of {@code decryptSideBySide}. */
  @Benchmark
  @Group("decryptSideBySide")
  @GroupThreads(1)
  public byte[] sideBySideKitDecrypt(Kit kit) {
    return kitDecrypt(kit);
  }

  /** The raw cipher's third of {@code decryptSideBySide}. */
  @Benchmark
  @Group("decryptSideBySide")
  @GroupThreads(1)
  public byte[] sideBySideJcaDecrypt(Jca jca) throws GeneralSecurityException {
    return jcaDecrypt(jca);
  }

  /** Tink's third of {@code decryptSideBySide}. */
  @Benchmark
  @Group("decryptSideBySide")
  @GroupThreads(1)
  public byte[] sideBySideTinkDecrypt(Tink tink) throws GeneralSecurityException {
    return tinkDecrypt(tink);
  }

  @Benchmark
  public byte[] kitEncrypt(Kit kit) {
    return kit.encryption.encrypt(SUBJECT, FIELD, kit.payload);
  }

  @Benchmark
  public byte[] kitDecrypt(Kit kit) {
    return kit.encryption.decrypt(SUBJECT, FIELD, kit.ciphertext);
  }

  @Benchmark
  public byte[] jcaEncrypt(Jca jca) throws GeneralSecurityException {
    return encrypt(jca);
  }

  @Benchmark
  public byte[] jcaDecrypt(Jca jca) throws GeneralSecurityException {
    jca.cipher.init(Cipher.DECRYPT_MODE, jca.key, new GCMParameterSpec(128, jca.ciphertext, 0, 12));
    jca.cipher.updateAAD(ASSOCIATED_DATA);
    return jca.cipher.doFinal(jca.ciphertext, 12, jca.ciphertext.length - 12);
  }

  @Benchmark
  public byte[] tinkEncrypt(Tink tink) throws GeneralSecurityException {
    return tink.aead.encrypt(tink.payload, ASSOCIATED_DATA);
  }

  @Benchmark
  public byte[] tinkDecrypt(Tink tink) throws GeneralSecurityException {
    return tink.aead.decrypt(tink.ciphertext, ASSOCIATED_DATA);
  }
}

package io.gdprkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.audit.spi.CheckpointStore;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A signing-key rotation through the facade: one audit store and checkpoint store outlive a kit signing with the
 * 2026 key, and a kit signing with the 2027 key that still trusts the 2026 one.
 */
class SigningKeyRotationTests {

  private static final TenantId TENANT = TenantId.of("acme");
  private static final SigningKey KEY_2026 = SigningKey.of("audit-2026", filled(1));
  private static final SigningKey KEY_2027 = SigningKey.of("audit-2027", filled(2));

  private final TestClock clock = TestClock.at("2026-12-30T10:00:00Z");
  private final AuditStore store = AuditStore.inMemory();
  private final CheckpointStore checkpoints = CheckpointStore.inMemory();
  private final KeyRing ring = KeyRing.of("ring-1", filled(3));

  @Test
  void checkpointsBeforeAndAfterARotationVerifyThroughTheKitAndTheProofVerifier() {
    GdprKit before = kit(KEY_2026, null);
    append(before, 3);
    Checkpoint old = before.audit().checkpoint(TENANT);
    GdprKit after = kit(KEY_2027, VerificationKeys.of(KEY_2026.verificationKey()));
    append(after, 4);

    Checkpoint current = after.audit().checkpoint(TENANT);
    VerificationResult whole = after.audit().verify(TENANT);
    VerificationResult fromOld = after.audit().verify(TENANT, 3, Long.MAX_VALUE);

    assertThat(old.keyId()).isEqualTo("audit-2026");
    assertThat(current.keyId()).isEqualTo("audit-2027");
    assertThat(whole).isEqualTo(VerificationResult.ok(7));
    assertThat(fromOld).isEqualTo(VerificationResult.ok(4));
    VerificationKeys published = VerificationKeys.fromJwks(after.verificationKeys().toJwks());
    assertThat(published.keys()).containsExactly(KEY_2027.verificationKey(), KEY_2026.verificationKey());
    AuditProofVerifier.verifyConsistency(old, current, after.audit().consistencyProof(TENANT, old, current),
        published);
    AuditEntry first = after.audit().entries(TENANT, 0, 1).get(0);
    AuditProofVerifier.verifyInclusion(first, after.audit().inclusionProof(TENANT, 0, old), old, published);
    AuditProofVerifier.verifyInclusion(first, after.audit().inclusionProof(TENANT, 0, current), current, published);
  }

  @Test
  void aKitThatNoLongerTrustsTheOldKeyNamesItAsTheProblem() {
    GdprKit before = kit(KEY_2026, null);
    append(before, 3);
    Checkpoint old = before.audit().checkpoint(TENANT);
    GdprKit retired = kit(KEY_2027, null);

    VerificationResult result = retired.audit().verify(TENANT, 3, Long.MAX_VALUE);

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBadPosition()).isEqualTo(2L);
    assertThat(result.problem()).contains("audit-2026").contains("not trusted");
    assertThatThrownBy(() -> AuditProofVerifier.verifyCheckpoint(old, retired.verificationKeys()))
        .isInstanceOfSatisfying(ProofRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(ProofRejectedException.Reason.UNKNOWN_KEY))
        .hasMessageContaining("audit-2026");
  }

  @Test
  void aCheckpointSignedByAnUntrustedKeyUnderATrustedKeysIdIsRejected() {
    GdprKit kit = kit(KEY_2027, VerificationKeys.of(KEY_2026.verificationKey()));
    append(kit, 2);
    Checkpoint genuine = kit.audit().checkpoint(TENANT);
    SigningKey impostor = SigningKey.of("audit-2026", filled(9));

    Checkpoint forged = Checkpoint.sign(TENANT, genuine.treeSize(), genuine.root(), genuine.lastEntryHash(),
        genuine.at(), impostor);

    assertThatThrownBy(() -> AuditProofVerifier.verifyCheckpoint(forged, kit.verificationKeys()))
        .isInstanceOfSatisfying(ProofRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(ProofRejectedException.Reason.BAD_SIGNATURE));
  }

  @Test
  void refusesATrustedKeyThatReusesTheSigningKeysIdWithAnotherKey() {
    GdprKit.Builder builder = GdprKit.builder().signingKey(KEY_2027)
        .trustedKeys(VerificationKeys.of(SigningKey.of("audit-2027", filled(5)).verificationKey()));

    assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class).hasMessageContaining("audit-2027");
    assertThatThrownBy(() -> GdprKit.builder().trustedKeys(VerificationKeys.of(KEY_2026.verificationKey()))
        .trustedKeys(VerificationKeys.of(KEY_2026.verificationKey()))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void withoutTrustedKeysTheSetHoldsOnlyTheSigningKey() {
    GdprKit kit = kit(KEY_2026, null);

    VerificationKeys keys = kit.verificationKeys();

    assertThat(keys.keys()).containsExactly(KEY_2026.verificationKey());
  }

  private GdprKit kit(SigningKey key, VerificationKeys trusted) {
    GdprKit.Builder builder = GdprKit.builder().clock(clock).keyRing(ring).signingKey(key).auditStore(store)
        .checkpointStore(checkpoints).auditCheckpoints(CheckpointPolicy.of(1_000, Duration.ofDays(1)));
    if (trusted != null) {
      builder.trustedKeys(trusted);
    }
    return builder.build();
  }

  private void append(GdprKit kit, int count) {
    for (int i = 0; i < count; i++) {
      kit.audit().append(new AuditRecord(AuditKind.ACCESSED, TENANT, "k1:p" + i, Actor.staff("dpo"), null,
          Map.of("n", Integer.toString(i))));
      clock.advance(Duration.ofSeconds(1));
    }
  }

  private static byte[] filled(int value) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}

package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The signed head of a tenant's audit chain: its size and last entry hash, signed at every group commit.
 *
 * <p>Checkpoints are signed every thousand entries or every minute; entries after the latest one would otherwise be
 * protected by nothing but their own hashes, so whoever can write the store could delete the tail, or edit it and
 * re-hash it, without {@code verify} noticing. The head closes that gap: it is signed in the same unit of work as the
 * entries it covers, so any removal or rewrite of entries up to it breaks against the signature (Art. 5(2)
 * accountability; Art. 32(1)(b) integrity).
 *
 * <p>Usage example: <pre>{@code gdpr.audit().head(tenant).map(h -> h.verifies(key))}</pre>
 *
 * @param tenant whose chain
 * @param size how many entries the chain held
 * @param lastEntryHash the chain hash of the entry at {@code size - 1}
 * @param at when it was signed
 * @param keyId the signing key's id
 * @param signature the Ed25519 signature over {@link #signedBytes()}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ChainHead(TenantId tenant, long size, AuditHash lastEntryHash, Instant at, String keyId,
    byte[] signature) {

  private static final byte VERSION = 1;
  private static final byte[] DOMAIN = "gdpr-kit audit chain head\n".getBytes(StandardCharsets.US_ASCII);

  /** Validates the fields and copies the signature. */
  public ChainHead {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.check(size >= 1, "size", "must be at least 1");
    Preconditions.notNull(lastEntryHash, "last entry hash");
    Preconditions.notNull(at, "at");
    Preconditions.text(keyId, "key id", 64);
    Preconditions.check(StandardCharsets.US_ASCII.newEncoder().canEncode(keyId), "key id", "must be ASCII");
    Preconditions.notNull(signature, "signature");
    Preconditions.check(signature.length == SigningKey.SIGNATURE_BYTES, "signature", "must be 64 bytes long");
    signature = signature.clone();
  }

  /** Signs the head of a chain of {@code size} entries ending in {@code lastEntryHash}. */
  public static ChainHead sign(TenantId tenant, long size, AuditHash lastEntryHash, Instant at, SigningKey key) {
    Preconditions.notNull(key, "key");
    ChainHead unsigned = new ChainHead(tenant, size, lastEntryHash, at, key.keyId(),
        new byte[SigningKey.SIGNATURE_BYTES]);
    return new ChainHead(tenant, size, lastEntryHash, at, key.keyId(), key.sign(unsigned.signedBytes()));
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** Returns the bytes the signature covers: a domain tag, then tenant, size, hash, time and key id. */
  public byte[] signedBytes() {
    byte[] tenantBytes = tenant.value().getBytes(StandardCharsets.UTF_8);
    byte[] keyIdBytes = keyId.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer out = ByteBuffer.allocate(DOMAIN.length + 1 + 4 + tenantBytes.length + 8 + AuditHash.BYTES + 8 + 4 + 1
        + keyIdBytes.length);
    out.put(DOMAIN).put(VERSION).putInt(tenantBytes.length).put(tenantBytes).putLong(size)
        .put(lastEntryHash.toByteArray()).putLong(at.getEpochSecond()).putInt(at.getNano())
        .put((byte) keyIdBytes.length).put(keyIdBytes);
    return out.array();
  }

  /** Returns whether {@code key} (with this head's key id) signed it. */
  public boolean verifies(VerificationKey key) {
    Preconditions.notNull(key, "key");
    return key.keyId().equals(keyId) && key.verify(signedBytes(), signature);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChainHead that && Arrays.equals(signedBytes(), that.signedBytes())
        && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(signedBytes()) * 31 + Arrays.hashCode(signature);
  }

  /** Names tenant, size, hash, time and key. */
  @Override
  public String toString() {
    return "ChainHead[tenant=" + tenant.value() + ", size=" + size + ", lastEntryHash=" + lastEntryHash + ", at=" + at
        + ", keyId=" + keyId + "]";
  }
}

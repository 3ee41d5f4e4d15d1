package io.gdprkit.audit;

import io.gdprkit.internal.Base64Url;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * A signed statement of what a tenant's audit chain held at one moment: its size, the RFC 9162 Merkle root over its
 * entries, the chain hash of its last entry, the time and the Ed25519 signature of the key named by {@code keyId}.
 *
 * <p>Why: a hash chain alone shows that entries fit together, but whoever can write the store can rewrite the tail
 * and re-hash it, or cut it off. A checkpoint signed with a key the store's writers do not hold pins the chain up to
 * its size; an auditor holding one can check single entries ({@link InclusionProof}) and later checkpoints
 * ({@link ConsistencyProof}) with {@link AuditProofVerifier}, without seeing the other entries.
 *
 * <p>The signature covers {@code "gdpr-kit audit checkpoint\n"} followed by the body of {@link #toBytes()}: version
 * byte 1, tenant (2-byte length, UTF-8), tree size (8), root (32), last entry hash (32), epoch seconds (8),
 * nanoseconds (4), key id (1-byte length, ASCII); all big-endian. {@link #toBytes()} appends the 64-byte signature.
 *
 * <p>Usage example: <pre>{@code
 * Checkpoint checkpoint = gdpr.audit().checkpoint(TenantId.DEFAULT);
 * byte[] forTheAuditor = checkpoint.toBytes();
 * Checkpoint received = Checkpoint.parse(forTheAuditor);
 * }</pre>
 *
 * @param tenant whose chain it covers
 * @param treeSize how many entries it covers, the first {@code treeSize} of the chain; at least 1
 * @param root the Merkle tree hash over those entries
 * @param lastEntryHash the chain hash of entry {@code treeSize - 1}
 * @param at when it was taken
 * @param keyId the id of the signing key
 * @param signature the Ed25519 signature over {@link #signedBytes()}; 64 bytes, copied in and out
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Checkpoint(TenantId tenant, long treeSize, AuditHash root, AuditHash lastEntryHash, Instant at,
    String keyId, byte[] signature) {

  private static final byte VERSION = 1;
  private static final byte[] DOMAIN = "gdpr-kit audit checkpoint\n".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_TENANT_BYTES = 0xFFFF;

  /** Validates the fields and copies the signature. */
  public Checkpoint {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.check(treeSize >= 1, "tree size", "must be at least 1");
    Preconditions.notNull(root, "root");
    Preconditions.notNull(lastEntryHash, "last entry hash");
    Preconditions.notNull(at, "at");
    Preconditions.text(keyId, "key id", 64);
    Preconditions.check(StandardCharsets.US_ASCII.newEncoder().canEncode(keyId), "key id", "must be ASCII");
    Preconditions.check(tenant.value().getBytes(StandardCharsets.UTF_8).length <= MAX_TENANT_BYTES, "tenant",
        "must be at most 65535 bytes");
    Preconditions.notNull(signature, "signature");
    Preconditions.check(signature.length == SigningKey.SIGNATURE_BYTES, "signature", "must be 64 bytes long");
    signature = signature.clone();
  }

  /**
   * Signs a checkpoint with {@code key}.
   *
   * @throws InvalidInputException if a field is out of shape
   */
  public static Checkpoint sign(TenantId tenant, long treeSize, AuditHash root, AuditHash lastEntryHash, Instant at,
      SigningKey key) {
    Preconditions.notNull(key, "key");
    Checkpoint unsigned = new Checkpoint(tenant, treeSize, root, lastEntryHash, at, key.keyId(),
        new byte[SigningKey.SIGNATURE_BYTES]);
    return new Checkpoint(tenant, treeSize, root, lastEntryHash, at, key.keyId(), key.sign(unsigned.signedBytes()));
  }

  /** Returns the 64-byte signature; a copy. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** Returns the bytes the signature covers: the domain string, then the body. */
  public byte[] signedBytes() {
    byte[] body = body();
    byte[] signed = Arrays.copyOf(DOMAIN, DOMAIN.length + body.length);
    System.arraycopy(body, 0, signed, DOMAIN.length, body.length);
    return signed;
  }

  /** Returns whether {@code key} has the checkpoint's key id and its signature verifies under it. */
  public boolean verifies(VerificationKey key) {
    Preconditions.notNull(key, "key");
    return key.keyId().equals(keyId) && key.verify(signedBytes(), signature);
  }

  /** Returns the body followed by the signature: the form to hand to an auditor. */
  public byte[] toBytes() {
    byte[] body = body();
    byte[] all = Arrays.copyOf(body, body.length + signature.length);
    System.arraycopy(signature, 0, all, body.length, signature.length);
    return all;
  }

  /**
   * Reads a checkpoint written by {@link #toBytes()}; does not check the signature.
   *
   * @throws InvalidInputException if the bytes are not a checkpoint of this version
   */
  public static Checkpoint parse(byte[] bytes) {
    Preconditions.notNull(bytes, "checkpoint");
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      if (in.get() != VERSION) {
        throw InvalidInputException.of("checkpoint", "must be of version 1");
      }
      byte[] tenant = new byte[Short.toUnsignedInt(in.getShort())];
      in.get(tenant);
      long treeSize = in.getLong();
      byte[] hashes = new byte[2 * AuditHash.BYTES];
      in.get(hashes);
      Instant at = Instant.ofEpochSecond(in.getLong(), in.getInt());
      byte[] keyId = new byte[Byte.toUnsignedInt(in.get())];
      in.get(keyId);
      byte[] signature = new byte[SigningKey.SIGNATURE_BYTES];
      in.get(signature);
      if (in.hasRemaining()) {
        throw InvalidInputException.of("checkpoint", "must end after its signature");
      }
      String tenantId = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(tenant)).toString();
      return new Checkpoint(TenantId.of(tenantId), treeSize, AuditHash.of(hashes, 0),
          AuditHash.of(hashes, AuditHash.BYTES), at, new String(keyId, StandardCharsets.US_ASCII), signature);
    } catch (java.nio.BufferUnderflowException | java.nio.charset.CharacterCodingException | DateTimeException e) {
      throw InvalidInputException.of("checkpoint", "is truncated or malformed");
    }
  }

  private byte[] body() {
    byte[] tenantBytes = tenant.value().getBytes(StandardCharsets.UTF_8);
    byte[] keyIdBytes = keyId.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer out = ByteBuffer.allocate(1 + 2 + tenantBytes.length + 8 + 2 * AuditHash.BYTES + 8 + 4 + 1
        + keyIdBytes.length);
    out.put(VERSION).putShort((short) tenantBytes.length).put(tenantBytes).putLong(treeSize)
        .put(root.toByteArray()).put(lastEntryHash.toByteArray())
        .putLong(at.getEpochSecond()).putInt(at.getNano())
        .put((byte) keyIdBytes.length).put(keyIdBytes);
    return out.array();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Checkpoint that && Arrays.equals(toBytes(), that.toBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }

  /** Names tenant, size, root, time and key; the signature in base64url. */
  @Override
  public String toString() {
    return "Checkpoint[tenant=" + tenant.value() + ", treeSize=" + treeSize + ", root=" + root + ", lastEntryHash="
        + lastEntryHash + ", at=" + at + ", keyId=" + keyId + ", signature="
        + Base64Url.encode(signature) + "]";
  }
}

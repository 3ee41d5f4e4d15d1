package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.internal.Base64Url;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apiguardian.api.API;

/**
 * The authenticated head of a tenant's audit chain: its size and last entry hash, tagged at every group commit.
 *
 * <p>Checkpoints are signed every thousand entries or every minute; entries after the latest one would otherwise be
 * protected by nothing but their own hashes, so whoever can write the store could delete the tail, or edit it and
 * re-hash it, without {@code verify} noticing. The head closes that gap: it is written in the same unit of work as the
 * entries it covers, with an HMAC-SHA256 tag under the kit's {@link PseudonymKey}, so any removal or rewrite of
 * entries up to it breaks against a tag that only the holder of the kit's keys can make (Art. 5(2) accountability;
 * Art. 32(1)(b) integrity).
 *
 * <p>Why a MAC and not an Ed25519 signature: the head is checked by the kit's own {@code verify}, which holds the
 * key, and it is made at every group commit, where a signature (about 40 µs) would cap appends near 20,000 a second
 * on one thread (see BENCHMARKS.md). Against whoever can write the store but does not hold the kit's keys, a MAC
 * protects exactly as a signature does. What a third party checks without the kit's keys are the signed
 * {@link Checkpoint}s and the proofs against them. The pseudonym key is never retired, so a head stays checkable
 * after the key is re-keyed.
 *
 * <p>Usage example: <pre>{@code gdpr.audit().head(tenant).map(ChainHead::size)}</pre>
 *
 * @param tenant whose chain
 * @param size how many entries the chain held
 * @param lastEntryHash the chain hash of the entry at {@code size - 1}
 * @param at when it was tagged
 * @param tag the pseudonym key's version id, {@code ':'} and the base64url HMAC-SHA256 of {@link #authenticatedBytes()}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ChainHead(TenantId tenant, long size, AuditHash lastEntryHash, Instant at, String tag) {

  private static final byte VERSION = 1;
  private static final String LABEL = "audit-chain-head";
  private static final byte[] DOMAIN = "gdpr-kit audit chain head\n".getBytes(StandardCharsets.US_ASCII);

  /** Validates the fields. */
  public ChainHead {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.check(size >= 1, "size", "must be at least 1");
    Preconditions.notNull(lastEntryHash, "last entry hash");
    Preconditions.notNull(at, "at");
    Preconditions.text(tag, "tag", 200);
  }

  /**
   * Tags the head of a chain of {@code size} entries ending in {@code lastEntryHash} under {@code key}, at {@code at}
   * cut to the microsecond: SQL timestamps keep no finer time, and a store must read back the very time the tag
   * covers, or the head would no longer authenticate (issue 11).
   */
  public static ChainHead authenticate(TenantId tenant, long size, AuditHash lastEntryHash, Instant at,
      PseudonymKey key) {
    Preconditions.notNull(key, "key");
    Instant micros = Preconditions.notNull(at, "at").truncatedTo(ChronoUnit.MICROS);
    ChainHead untagged = new ChainHead(tenant, size, lastEntryHash, micros, "-");
    return new ChainHead(tenant, size, lastEntryHash, micros, key.pseudonym(LABEL, untagged.tagInput()));
  }

  /** Returns whether {@code key}, under any of its versions, made the tag. */
  public boolean authenticates(PseudonymKey key) {
    Preconditions.notNull(key, "key");
    return key.everyVersion(LABEL, tagInput()).contains(tag);
  }

  /** Returns the bytes the tag covers: a domain tag, then tenant, size, hash and time. */
  public byte[] authenticatedBytes() {
    byte[] tenantBytes = tenant.value().getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(DOMAIN.length + 1 + 4 + tenantBytes.length + 8 + AuditHash.BYTES + 8 + 4);
    out.put(DOMAIN).put(VERSION).putInt(tenantBytes.length).put(tenantBytes).putLong(size)
        .put(lastEntryHash.toByteArray()).putLong(at.getEpochSecond()).putInt(at.getNano());
    return out.array();
  }

  private String tagInput() {
    return Base64Url.encode(authenticatedBytes());
  }

  /** Names tenant, size, hash and time; not the tag. */
  @Override
  public String toString() {
    return "ChainHead[tenant=" + tenant.value() + ", size=" + size + ", lastEntryHash=" + lastEntryHash + ", at=" + at
        + "]";
  }
}

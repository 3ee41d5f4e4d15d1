package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.TenantId;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The audit trail: append-only entries, one hash chain per tenant, signed checkpoints over the RFC 9162 Merkle tree
 * of each chain, proofs for auditors, and a check that finds any edited, deleted, inserted or reordered entry.
 *
 * <p>The kit's services {@linkplain #record record} entries inside the unit of work of the change they audit, into
 * an outbox; once it commits, a drainer appends what waits, in one total order per chain, as one batch (group
 * commit), and signs the chain head in the same unit, so removing or re-hashing entries after the latest checkpoint
 * is found too. Checkpoints are signed with the kit's {@link io.gdprkit.crypto.SigningKey} as the
 * {@link CheckpointPolicy} says, and on demand. Thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * gdpr.audit().append(AuditRecord.of(AuditKind.EXPORTED, TenantId.DEFAULT, pseudonym, Actor.staff("dpo")));
 * VerificationResult result = gdpr.audit().verify(TenantId.DEFAULT);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface AuditService {

  /**
   * Appends a record to its tenant's chain at once, in a unit of work of its own, and returns the entry.
   *
   * @throws IllegalStateException if called inside a running operation of the kit, which must {@link #record}
   */
  AuditEntry append(AuditRecord record);

  /**
   * Records an entry in the unit of work running on this thread (or on its own, if none runs); it joins the chain
   * once that unit commits, and never if it rolls back.
   *
   * <p>Usage example: <pre>{@code gdpr.audit().record(AuditRecord.of(AuditKind.ACCESSED, tenant, pseudonym, Actor.staff("dpo")));}</pre>
   */
  void record(AuditRecord record);

  /**
   * Records entries in the unit of work running on this thread, as {@link #record} does for each, in one write to the
   * outbox and with one drain per tenant once that unit commits: for code that collects a transaction's entries and
   * writes them just before it commits, such as gdpr-jpa's persistence interceptor.
   *
   * <p>Usage example: <pre>{@code gdpr.audit().recordAll(List.of(readOfAlice, updateOfBob));}</pre>
   *
   * @since 0.2
   */
  default void recordAll(List<AuditRecord> records) {
    for (AuditRecord record : records) {
      record(record);
    }
  }

  /**
   * Appends every record of the tenant that waits in the outbox, in group commits; the kit drains after each commit
   * that recorded entries, so a host calls it only to finish what a failing store left waiting (a scheduler does).
   *
   * @return how many entries were appended
   */
  long drain(TenantId tenant);

  /** Drains every tenant that has records waiting; returns how many entries were appended. */
  long drainAll();

  /** Returns how many recorded entries of the tenant wait to be appended. */
  long waiting(TenantId tenant);

  /** Returns the signed head of the tenant's chain, signed at its last group commit, if any. */
  Optional<ChainHead> head(TenantId tenant);

  /** Returns up to {@code limit} entries of a tenant's chain from position {@code from}, in order. */
  List<AuditEntry> entries(TenantId tenant, long from, int limit);

  /** Returns how many entries the tenant's chain has. */
  long size(TenantId tenant);

  /**
   * Verifies the tenant's whole chain: positions run 0, 1, 2…, each entry names its predecessor's hash and matches
   * its own; every checkpoint names the hash the chain has at its size; the latest checkpoint's signature verifies
   * under the key it names, which must be one of the kit's trusted keys (the signing key's, or a previous key still
   * trusted after a rotation; an unknown key id is reported as the problem), and the chain is not shorter than it.
   * So an edit, deletion, insertion or swap is found at its position, and a tail that was cut off, or changed and
   * re-hashed up to the latest checkpoint, is found too.
   */
  VerificationResult verify(TenantId tenant);

  /**
   * Verifies the entries at positions {@code [from, to)}, starting from the nearest checkpoint at or before
   * {@code from} (whose signature must verify) rather than from the first entry; positions past the end are not
   * checked, but a checkpoint within the range larger than the chain is reported as truncation.
   *
   * @throws io.gdprkit.InvalidInputException if {@code from} is negative or {@code to} is below {@code from}
   */
  VerificationResult verify(TenantId tenant, long from, long to);

  /**
   * Signs a checkpoint of the tenant's chain as it is now, or returns the existing one if the chain has not grown
   * since the last.
   *
   * @throws io.gdprkit.InvalidInputException if the chain is empty
   */
  Checkpoint checkpoint(TenantId tenant);

  /** Returns the tenant's checkpoint of the largest size, if any. */
  Optional<Checkpoint> latestCheckpoint(TenantId tenant);

  /**
   * Returns the proof that the entry at {@code position} is in the log that {@code checkpoint} signed.
   *
   * @throws io.gdprkit.InvalidInputException if the checkpoint is of another tenant, the position is not below its
   *     size, or the chain is shorter than the checkpoint
   */
  InclusionProof inclusionProof(TenantId tenant, long position, Checkpoint checkpoint);

  /**
   * Returns the proof that the log {@code second} signed extends the log {@code first} signed.
   *
   * @throws io.gdprkit.InvalidInputException if a checkpoint is of another tenant, {@code second} is smaller than
   *     {@code first}, or the chain is shorter than {@code second}
   */
  ConsistencyProof consistencyProof(TenantId tenant, Checkpoint first, Checkpoint second);
}

package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.Actor;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a bulk update sets on every subject it selects: a purpose under its legal basis, the source of the
 * data and the date consent was given.
 *
 * <p>This is the marketing platforms' "mass consent update", used after an import: for a consent
 * purpose each selected subject gets a {@code GRANTED} event dated {@code effectiveAt} with an
 * {@link ConsentChannel#IMPORT} proof; for a purpose under another basis only the source tag is recorded.
 * The legal basis is stated again so that an operator who picked the wrong purpose is stopped before
 * anything is written.
 *
 * <p>Usage example: <pre>{@code
 * BulkUpdate update = BulkUpdate.of("newsletter", LegalBasis.CONSENT, Origin.importFile("fair.csv"),
 *     Instant.parse("2026-03-01T00:00:00Z"), Actor.staff("user-17")).withBatchSize(1000);
 * }</pre>
 *
 * @param purpose the purpose's id
 * @param legalBasis the basis the operator expects the purpose to have; must match its declaration
 * @param source where the subjects' data came from
 * @param effectiveAt when consent was given; not in the future
 * @param recordedBy who runs the update
 * @param batchSize how many subjects are written as one all-or-nothing unit
 * @param proof the proof to record on each grant, or {@code null} for an import proof naming {@code source}
 * @param renewExisting whether subjects whose consent is already granted get a new grant; otherwise they count as unchanged
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record BulkUpdate(
    String purpose,
    LegalBasis legalBasis,
    Origin source,
    Instant effectiveAt,
    Actor recordedBy,
    int batchSize,
    @Nullable ConsentProof proof,
    boolean renewExisting) {

  /** Batch size unless changed: large enough to amortise a transaction, small enough to hold in memory. */
  public static final int DEFAULT_BATCH_SIZE = 500;

  /** Validates the fields. */
  public BulkUpdate {
    Preconditions.notBlank(purpose, "purpose");
    Preconditions.notNull(legalBasis, "legal basis");
    Preconditions.notNull(source, "source");
    Bounds.instant(effectiveAt, "effectiveAt");
    Preconditions.notNull(recordedBy, "recordedBy");
    Preconditions.check(batchSize >= 1 && batchSize <= 100_000, "batch size", "must be between 1 and 100000");
  }

  /** Returns an update with the default batch size and an import proof, leaving granted subjects unchanged. */
  public static BulkUpdate of(String purpose, LegalBasis legalBasis, Origin source, Instant effectiveAt,
      Actor recordedBy) {
    return new BulkUpdate(purpose, legalBasis, source, effectiveAt, recordedBy, DEFAULT_BATCH_SIZE, null, false);
  }

  /** Returns a copy with another batch size. */
  public BulkUpdate withBatchSize(int size) {
    return new BulkUpdate(purpose, legalBasis, source, effectiveAt, recordedBy, size, proof, renewExisting);
  }

  /** Returns a copy that records this proof on each grant. */
  public BulkUpdate withProof(ConsentProof consentProof) {
    return new BulkUpdate(purpose, legalBasis, source, effectiveAt, recordedBy, batchSize,
        Preconditions.notNull(consentProof, "proof"), renewExisting);
  }

  /** Returns a copy that also grants anew to subjects whose consent is already granted. */
  public BulkUpdate withRenewExisting(boolean renew) {
    return new BulkUpdate(purpose, legalBasis, source, effectiveAt, recordedBy, batchSize, proof, renew);
  }

  /** Returns the proof recorded on each grant. */
  public ConsentProof effectiveProof() {
    return proof != null ? proof
        : ConsentProof.builder(ConsentChannel.IMPORT).recordedBy(recordedBy).source(source).build();
  }
}

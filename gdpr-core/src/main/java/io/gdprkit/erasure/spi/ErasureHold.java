package io.gdprkit.erasure.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Data that an erasure kept until a date (Art. 17(3), or a field's retain strategy), and when the next of it becomes
 * due; once due, a release job erases what the erasure's scope covers again, which erases what is due and keeps what
 * is not, and moves {@code until} on or removes the hold.
 *
 * <p>One hold per subject and scope: an erasure of the same scope again updates it. Its lease works as a job's: a
 * release claims a due hold ({@link ErasureStore#claimDueHolds}) so that one instance starts its release, and a
 * lease that ran out is taken over.
 *
 * @param id the hold's id: the id of the job whose erasure kept the data first
 * @param subject whose data is kept
 * @param scope the scope of the erasure that kept it, which the release erases again
 * @param erasedAt when that erasure started; records dated later are not the release's to erase (the subject may have
 *     been collected again since)
 * @param until when the next of the kept data becomes due
 * @param lease who releases it and until when; {@code null} when no one does
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record ErasureHold(UUID id, SubjectId subject, ErasureScope scope, Instant erasedAt, Instant until,
    ErasureJob.@Nullable Lease lease) {

  /** Validates the fields. */
  public ErasureHold {
    Preconditions.notNull(id, "id");
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(scope, "scope");
    Preconditions.notNull(erasedAt, "erasedAt");
    Preconditions.notNull(until, "until");
  }

  /** Returns a copy held by {@code owner} until {@code leaseUntil}. */
  public ErasureHold leasedTo(String owner, Instant leaseUntil) {
    return new ErasureHold(id, subject, scope, erasedAt, until, new ErasureJob.Lease(owner, leaseUntil));
  }

  /** Returns a copy with this lease, or with none. */
  public ErasureHold withLease(ErasureJob.@Nullable Lease next) {
    return new ErasureHold(id, subject, scope, erasedAt, until, next);
  }

  /** Returns whether the next of the kept data is due at {@code now}. */
  public boolean dueAt(Instant now) {
    return !until.isAfter(now);
  }
}

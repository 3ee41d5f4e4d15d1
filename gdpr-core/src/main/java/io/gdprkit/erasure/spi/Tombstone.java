package io.gdprkit.erasure.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An entry of the tombstone journal: a subject of a tenant was erased in full, named only by a keyed hash of its id,
 * and, once someone decided so, when and by whom a new collection of its data was allowed.
 *
 * <p>While a tombstone stands without a recollection, the kit refuses consent, switch and source writes about the
 * subject and disclosures of it; a replay after a restore erases it again.
 *
 * @param tenant the subject's tenant
 * @param subjectPseudonym the keyed hash of the subject's id, with key id
 * @param erasedAt when the erasure wrote it
 * @param recollectionAllowedAt when a new collection was allowed, if it was
 * @param recollectionAllowedBy who allowed it, if anyone did
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Tombstone(TenantId tenant, String subjectPseudonym, Instant erasedAt,
    @Nullable Instant recollectionAllowedAt, @Nullable Actor recollectionAllowedBy) {

  /** Validates the fields. */
  public Tombstone {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notBlank(subjectPseudonym, "subjectPseudonym");
    Preconditions.notNull(erasedAt, "erasedAt");
    Preconditions.check((recollectionAllowedAt == null) == (recollectionAllowedBy == null), "recollection",
        "must have both a time and an actor, or neither");
  }

  /** Returns a tombstone written now, with no recollection allowed. */
  public static Tombstone of(TenantId tenant, String subjectPseudonym, Instant erasedAt) {
    return new Tombstone(tenant, subjectPseudonym, erasedAt, null, null);
  }

  /** Returns whether the subject still counts as erased: no new collection was allowed since. */
  public boolean standing() {
    return recollectionAllowedAt == null;
  }

  /** Returns a copy that allows a new collection of the subject's data. */
  public Tombstone recollectionAllowed(Instant at, Actor by) {
    return new Tombstone(tenant, subjectPseudonym, erasedAt, Preconditions.notNull(at, "at"),
        Preconditions.notNull(by, "by"));
  }
}

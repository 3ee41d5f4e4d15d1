package io.gdprkit.tcf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * A publisher's restriction of one purpose for a set of vendors (TCF spec, "The Core String", Publisher
 * Restrictions Section: {@code PurposeId}, {@code RestrictionType} and the {@code RangeEntry} list of vendors).
 *
 * <p>Entries of a string with the same purpose and type are decoded into one restriction holding all their vendors,
 * so a string cannot make the kit hold more than 64 × 4 of them.
 *
 * <p>Usage example: <pre>{@code for (PublisherRestriction r : tc.publisherRestrictions()) print(r.purposeId(), r.type());}</pre>
 *
 * @param purposeId the TCF purpose, 0 to 63 as encoded (strict mode accepts 1 to 24)
 * @param type what the publisher demands
 * @param vendors the vendors it applies to
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PublisherRestriction(int purposeId, RestrictionType type, IdSet vendors) {

  /** Validates the fields. */
  public PublisherRestriction {
    Preconditions.check(purposeId >= 0 && purposeId <= 63, "purposeId", "must fit the 6-bit PurposeId field");
    Preconditions.notNull(type, "type");
    Preconditions.notNull(vendors, "vendors");
  }
}

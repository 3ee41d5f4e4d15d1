package io.gdprkit.gpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The GPC support resource, which a site serves at {@code /.well-known/gpc.json} to state that it abides by GPC
 * requests (GPC §4); the kit produces it, the host or the Spring Boot starter serves it.
 *
 * <p>Its representation is a JSON object (GPC §4.1, served as {@code application/json}) with two members:
 * {@code gpc}, {@code true} when the server "intends to abide by GPC requests at least to the extent it is legally
 * obligated to do so" and {@code false} when it does not, and {@code lastUpdate}, an RFC 3339 {@code full-date}
 * ({@code YYYY-MM-DD}) saying when that statement was made, so that later changes to the draft do not change what
 * the statement meant. The member is left out when no date is configured, which the draft reads as "unknown".
 *
 * <p>Usage example: <pre>{@code
 * GpcSupportResource resource = gdpr.gpc().supportResource();
 * response.setContentType(GpcSupportResource.MEDIA_TYPE);
 * response.getWriter().write(resource.toJson());   // {"gpc":true,"lastUpdate":"2026-12-07"}
 * }</pre>
 *
 * @param gpc whether the site abides by GPC requests
 * @param lastUpdate when the statement was made, if known; a year from 0001 to 9999
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record GpcSupportResource(boolean gpc, @Nullable LocalDate lastUpdate) {

  /** The resource's path, a well-known URI (RFC 8615) relative to the origin (GPC §4). */
  public static final String PATH = "/.well-known/gpc.json";

  /** The media type the resource must be served with (GPC §4.1). */
  public static final String MEDIA_TYPE = "application/json";

  /** Validates the date. */
  public GpcSupportResource {
    if (lastUpdate != null) {
      checkFullDate(lastUpdate, "lastUpdate");
    }
  }

  /**
   * Returns the representation: a JSON object with {@code gpc} first and {@code lastUpdate}, when known, second;
   * no white space, UTF-8 safe (ASCII only).
   */
  public String toJson() {
    // Two members whose values are a literal and a date of digits and hyphens: nothing here needs escaping.
    return lastUpdate == null ? "{\"gpc\":" + gpc + "}"
        : "{\"gpc\":" + gpc + ",\"lastUpdate\":\"" + lastUpdate + "\"}";
  }

  /** Fails unless the date has the four-digit year that an RFC 3339 {@code full-date} needs. */
  static void checkFullDate(LocalDate date, String field) {
    Preconditions.check(date.getYear() >= 1 && date.getYear() <= 9999, field,
        "must have a year from 0001 to 9999, as an RFC 3339 full-date does");
  }
}

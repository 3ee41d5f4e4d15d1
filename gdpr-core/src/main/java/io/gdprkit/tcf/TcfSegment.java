package io.gdprkit.tcf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The segments of a TC string, joined by {@code .}; every segment but the core one starts with its 3-bit
 * {@code SegmentType} (TCF spec, "TC String Format" and the {@code SegmentType} rows of "Disclosed Vendors",
 * "Allowed Vendors" and "Publisher Purposes Transparency and Consent").
 *
 * <p>Usage example: <pre>{@code if (e.segment() == TcfSegment.CORE) { ... }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum TcfSegment {
  /** The core string, always first; its type 0 is never written. */
  CORE(0),
  /** The vendors disclosed to the user; mandatory from TCF v2.3. */
  DISCLOSED_VENDORS(1),
  /** The vendors a publisher allows to use out-of-band legal bases (TCF v2.0/v2.1). */
  ALLOWED_VENDORS(2),
  /** The publisher's own purposes transparency and consent. */
  PUBLISHER_TC(3);

  private static final TcfSegment[] BY_TYPE = values();

  private final int type;

  TcfSegment(int type) {
    this.type = type;
  }

  /** Returns the {@code SegmentType} value written in the string. */
  public int type() {
    return type;
  }

  /** Returns the segment of a {@code SegmentType} value, or {@code null} for the undefined values 4 to 7. */
  static @Nullable TcfSegment ofType(int type) {
    return type < BY_TYPE.length ? BY_TYPE[type] : null;
  }
}

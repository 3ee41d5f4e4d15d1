package io.gdprkit.tcf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a publisher restriction demands of the vendors it names for one purpose (TCF spec, "The Core String",
 * Publisher Restrictions Section, field {@code RestrictionType}).
 *
 * <p>Usage example: <pre>{@code tc.restricts(3, 755, RestrictionType.NOT_ALLOWED)}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum RestrictionType {
  /** 0: the purpose is flatly not allowed by the publisher, whatever the vendor declared. */
  NOT_ALLOWED,
  /** 1: the vendor must rely on consent (for a purpose it declared as legitimate interest and flexible). */
  REQUIRE_CONSENT,
  /** 2: the vendor must rely on legitimate interest (for a purpose it declared as consent and flexible). */
  REQUIRE_LEGITIMATE_INTEREST,
  /** 3: undefined by the spec ("not used"); refused in strict mode. */
  UNDEFINED;

  private static final RestrictionType[] BY_CODE = values();

  /** Returns the value written in the string. */
  public int code() {
    return ordinal();
  }

  static RestrictionType ofCode(int code) {
    return BY_CODE[code];
  }
}

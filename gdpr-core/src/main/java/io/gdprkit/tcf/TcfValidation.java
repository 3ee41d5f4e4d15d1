package io.gdprkit.tcf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How strictly a TC string is checked once its format is known to be sound.
 *
 * <p>Both modes refuse a string that is not well-formed (cut short, bad base64url, unknown version or segment,
 * trailing data): see {@link InvalidTcStringException.Reason#policyViolation()}. {@link #STRICT} adds the rules of
 * the current TCF Policy; {@link #LENIENT} reads strings written under earlier policies, for audits and migrations.
 *
 * <p>Usage example: <pre>{@code TcString old = TcString.decode(cookie, TcfValidation.LENIENT);}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum TcfValidation {
  /**
   * The current Policy (TCF v2.2 and v2.3): {@code TcfPolicyVersion} 4 or 5; {@code IsServiceSpecific} set (global
   * scope was withdrawn in v2.2); no legitimate-interest signal, and no "require legitimate interest" restriction,
   * for purposes 3 to 6 (Policy v2.2, which removed legitimate interest for them); restriction types and purpose
   * ids within their defined values; and a {@link TcfSegment#DISCLOSED_VENDORS} segment in every v2.3 string
   * created after 28 February 2026, the end of the v2.3 transition. A segment ends at its last field, padded with
   * zero bits to whole bytes or to whole groups of three bytes, and nothing more.
   */
  STRICT,
  /**
   * Format checks only: TCF v2 strings under any policy version, such as v2.0 strings with policy version 2; whole
   * characters of zero bits after a segment's last field are accepted as padding, as early v2.0 encoders wrote them.
   */
  LENIENT
}

package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * What is kept of the IP address in a consent proof.
 *
 * <p>An IP address is personal data; a proof rarely needs all of it. The kit applies its policy when
 * the event is recorded, so the full address never reaches the store unless the policy is {@link #KEEP}.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().ipPolicy(IpPolicy.KEYED_HASH)}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public enum IpPolicy {
  /** Keep the full address. */
  KEEP,
  /**
   * Keep the network only: IPv4 to /24 ({@code 203.0.113.0}), IPv6 to /48. An IPv4 address carried inside IPv6
   * keeps no more than its /24: IPv4-mapped, IPv4-compatible and NAT64 ({@code 64:ff9b::/96}) addresses become
   * the /24 of their IPv4 address, and a 6to4 address ({@code 2002::/16}) keeps its IPv4 part to /24 only. The
   * default.
   */
  TRUNCATE,
  /**
   * Keep an HMAC-SHA256 of the address under the kit's pseudonym key, as {@code version:base64url}: equal
   * addresses give equal hashes, token-key rotation changes nothing, and nothing can be read back.
   */
  KEYED_HASH
}

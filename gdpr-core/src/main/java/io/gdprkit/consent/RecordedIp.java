package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Base64Url;
import io.gdprkit.internal.IpAddresses;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.PersonalData;
import io.gdprkit.subject.PersonalDataAccess;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The IP address of a consent proof, in the form its {@link IpPolicy} keeps.
 *
 * <p>The constructor checks that the value really is in that form, so no way of building one can smuggle a full
 * address in as a network, or something that is no address at all (an e-mail address) in as one: {@link
 * IpPolicy#KEEP} needs an IPv4 or IPv6 literal, {@link IpPolicy#TRUNCATE} a literal that is already a network as the
 * kit truncates them, {@link IpPolicy#KEYED_HASH} a {@code keyId:base64url} HMAC-SHA256. Literals are kept in their
 * canonical text. The consent service still applies the kit's own policy to every proof it records.
 *
 * <p>Usage example: <pre>{@code proof.ip().value().value(PersonalDataAccess.unredacted())  // "203.0.113.0"}</pre>
 *
 * @param value the address, truncated network or keyed hash; redacted in {@code toString()}
 * @param policy which form {@code value} is in
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record RecordedIp(PersonalData<String> value, IpPolicy policy) {

  private static final Pattern KEYED_HASH = Pattern.compile("[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{43}");
  private static final int HMAC_SHA256_BYTES = 32;

  /**
   * Validates that {@code value} is in the form {@code policy} names, and keeps literals in canonical text.
   *
   * @throws io.gdprkit.InvalidInputException if it is not; the message never holds the value
   */
  public RecordedIp {
    Preconditions.notNull(value, "ip");
    Preconditions.notNull(policy, "ip policy");
    String text = value.value(PersonalDataAccess.unredacted());
    switch (policy) {
      case KEEP -> value = PersonalData.of(IpAddresses.canonical(text));
      case TRUNCATE -> {
        Preconditions.check(IpAddresses.isTruncated(text), "ip",
            "must be a network truncated as the TRUNCATE policy keeps it (IPv4 /24, IPv6 /48)");
        value = PersonalData.of(IpAddresses.canonical(text));
      }
      case KEYED_HASH -> {
        byte[] mac = KEYED_HASH.matcher(text).matches()
            ? Base64Url.decodeCanonical(text.substring(text.indexOf(':') + 1)) : null;
        Preconditions.check(mac != null && mac.length == HMAC_SHA256_BYTES, "ip",
            "must be a keyed hash, keyId:base64url of an HMAC-SHA256, under the KEYED_HASH policy");
      }
    }
  }
}

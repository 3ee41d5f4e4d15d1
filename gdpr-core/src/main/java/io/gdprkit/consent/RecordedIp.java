package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.PersonalData;
import org.apiguardian.api.API;

/**
 * The IP address of a consent proof, in the form its {@link IpPolicy} keeps.
 *
 * <p>Usage example: <pre>{@code proof.ip().value().value(PersonalDataAccess.unredacted())  // "203.0.113.0"}</pre>
 *
 * @param value the address, truncated network or keyed hash; redacted in {@code toString()}
 * @param policy which form {@code value} is in
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record RecordedIp(PersonalData<String> value, IpPolicy policy) {

  /** Validates the fields. */
  public RecordedIp {
    Preconditions.notNull(value, "ip");
    Preconditions.notNull(policy, "ip policy");
  }
}

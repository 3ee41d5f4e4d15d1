package io.gdprkit.spring.selfservice;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.crypto.TokenSigner;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Issues the signed tokens that open the self-service endpoints for one subject, and checks them.
 *
 * <p>A data subject reaches the preference center, the download of their data and the request to be forgotten without
 * an account: the host sends them a link holding a token, and the token is the only credential (Art. 12(2): the
 * controller facilitates the exercise of the rights; Art. 12(6): it makes sure the requester is the subject, here by
 * the mailbox the link went to). Tokens are signed with HMAC-SHA256 under the kit's token key ring, carry the tenant,
 * the subject's opaque id, the {@link SelfServiceScope scopes} and an expiry, and are checked in constant time. They
 * are not encrypted: the subject id is readable in the link, so subject ids must be opaque (never an e-mail address),
 * as everywhere in the kit. Rotating the key ring keeps issued tokens working until their key is retired.
 *
 * <p>Thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * String link = "https://shop.example/gdpr/self-service/preferences?token="
 *     + tokens.issue(alice, EnumSet.of(SelfServiceScope.PREFERENCES));
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class SelfServiceTokens {

  /** The token kind, the first part of every self-service token; other kinds of the kit's tokens never verify here. */
  static final String KIND = "ssv1";

  private final TokenSigner signer;
  private final Clock clock;
  private final Duration validity;

  private SelfServiceTokens(TokenSigner signer, Clock clock, Duration validity) {
    this.signer = signer;
    this.clock = clock;
    this.validity = validity;
  }

  /**
   * Returns tokens signed with the kit's key ring, on the kit's clock.
   *
   * @param validity how long a token verifies unless {@link #issue(SubjectId, Set, Duration)} says otherwise; positive
   * @throws IllegalArgumentException if the validity is not positive
   */
  public static SelfServiceTokens of(GdprKit kit, Duration validity) {
    Objects.requireNonNull(kit, "kit");
    return new SelfServiceTokens(TokenSigner.of(kit.keys(), KIND), kit.clock(), positive(validity));
  }

  /**
   * Returns a token for the subject, valid for the default validity.
   *
   * @param scopes what the token allows; at least one
   * @throws IllegalArgumentException if no scope is given
   */
  public String issue(SubjectId subject, Set<SelfServiceScope> scopes) {
    return issue(subject, scopes, validity);
  }

  /**
   * Returns a token for the subject, valid for {@code validFor} from now.
   *
   * @param scopes what the token allows; at least one
   * @param validFor how long it verifies; positive
   * @throws IllegalArgumentException if no scope is given or the validity is not positive
   */
  public String issue(SubjectId subject, Set<SelfServiceScope> scopes, Duration validFor) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(scopes, "scopes");
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("scopes must name at least one scope");
    }
    StringBuilder codes = new StringBuilder(scopes.size());
    for (SelfServiceScope scope : EnumSet.copyOf(scopes)) {
      codes.append(scope.code());
    }
    Instant expiresAt = clock.instant().plus(positive(validFor));
    return signer.sign(List.of(subject.tenant().value(), subject.value(), codes.toString()), expiresAt);
  }

  /**
   * Returns the subject a token names if it verifies now and allows {@code scope}.
   *
   * <p>Public for a host that renders its own pages behind these tokens, such as a server-side preference center
   * beside the JSON endpoints; such a page must answer every refusal with one and the same neutral page, and a
   * subject it does not know like a known subject with no data, so that a link tells nobody who is on record.
   *
   * @throws InvalidTokenException if it is malformed, forged, altered, expired, signed by a key not in the ring, or
   *     does not allow the scope; the reason is for logs only, callers answer every case alike
   */
  public SubjectId verify(String token, SelfServiceScope scope) {
    List<String> fields = signer.verify(token, clock.instant());
    if (fields.size() != 3 || fields.get(2).indexOf(scope.code()) < 0) {
      throw InvalidTokenException.of(InvalidTokenException.Reason.MALFORMED);
    }
    try {
      return SubjectId.of(TenantId.of(fields.get(0)), fields.get(1));
    } catch (InvalidInputException e) {
      throw InvalidTokenException.of(InvalidTokenException.Reason.MALFORMED);
    }
  }

  private static Duration positive(Duration validity) {
    Objects.requireNonNull(validity, "validity");
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive");
    }
    return validity;
  }
}

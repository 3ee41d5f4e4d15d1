package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * A request's evidence bundle as JSON, its SHA-256, and the same JSON signed by the kit's signing key as a compact
 * JWS, which anyone holding the kit's published verification keys checks with {@link RequestEvidence#verify}.
 *
 * <p>Usage example: <pre>{@code
 * SignedRequestEvidence e = gdpr.requests().signedEvidence(id);
 * Files.writeString(dir.resolve(id + ".evidence.jws"), e.jws());
 * }</pre>
 *
 * @param evidence the bundle
 * @param json the bundle as {@link RequestEvidence#toJson()} writes it
 * @param sha256 the lower-case hex SHA-256 of the JSON's UTF-8 bytes
 * @param jws the JSON as an RFC 7515 compact JWS signed with EdDSA (RFC 8037), header
 *     {@code {"alg":"EdDSA","kid":…,"cty":"request-evidence+json"}}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SignedRequestEvidence(RequestEvidence evidence, String json, String sha256, String jws) {

  /** Validates the fields. */
  public SignedRequestEvidence {
    Preconditions.notNull(evidence, "evidence");
    Preconditions.notBlank(json, "json");
    Preconditions.notBlank(sha256, "sha256");
    Preconditions.notBlank(jws, "jws");
  }

  /** Returns a description naming the request only, never the content. */
  @Override
  public String toString() {
    return "SignedRequestEvidence[" + evidence.requestId() + ", sha256=" + sha256 + "]";
  }
}

package io.gdprkit.request.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.request.SubjectRequest;
import org.apiguardian.api.API;

/**
 * Checks that the person behind a subject request is the subject (Art. 12(6) GDPR).
 *
 * <p>The default sends a signed, expiring token to the subject's e-mail address on record and checks it when it
 * comes back. A host replaces it to verify another way: a logged-in session, a code by SMS, a document check.
 *
 * <p><b>Warning:</b> a request may name a subject who does not exist or has no contact details on record. Both
 * methods must then behave exactly as for a subject who does: {@link #begin} returns normally in about the same
 * time, and {@link #check} fails as it does for a wrong token. Anything else lets a stranger find out who is on
 * record.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().identityVerifier(new SessionVerifier(sessions))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface IdentityVerifier {

  /**
   * Starts verification, such as by sending a token to the subject.
   *
   * <p>Runs under the request's {@linkplain SubjectRequest#claim() claim}, so never twice at once for one request,
   * across every instance sharing the request store; once the claim's lease ran out, another call may run it again.
   *
   * @param request the request, {@code RECEIVED}, as claimed
   */
  void begin(SubjectRequest request);

  /**
   * Checks the proof the requester returned; returns normally when it proves that they are the subject.
   *
   * <p>Runs without a claim, and may run at once with another check of the same request: it must have no effect the
   * kit relies on. Of two checks that both pass, the request's version check lets one verification be recorded; the
   * other fails as a second use of the token.
   *
   * @param request the request, as stored
   * @param token what the requester returned
   * @throws InvalidTokenException if it does not prove their identity
   */
  void check(SubjectRequest request, String token);

  /**
   * Returns the name of the method, recorded with each identity step as evidence of how the requester was
   * identified (Art. 12(6) GDPR), such as {@code email-token} or {@code session}; the class name by default.
   *
   * @return 1 to 200 characters, no control characters
   */
  default String method() {
    return getClass().getName();
  }
}

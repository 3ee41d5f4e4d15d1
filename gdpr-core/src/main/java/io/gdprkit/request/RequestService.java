package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Takes data-subject requests from receipt to completion or rejection, keeps their deadlines and records every step
 * with its time and actor.
 *
 * <p>A request is {@linkplain #receive received}, the requester proves to be the subject
 * ({@link #startVerification}, then {@link #verify} with the token they were sent), staff {@linkplain #start start}
 * work and {@linkplain #complete complete} it, which runs the {@link RequestFulfiller} registered for its kind. Any
 * open request can be {@linkplain #reject rejected} with a reason, and its deadline {@linkplain #extend extended}
 * once. Deadlines follow {@link DueDates}.
 *
 * <p>Every step keeps what a complaint about the request will ask for (Regulation (EU) 2025/2518): how it came in,
 * each identity check and its method, what completing it did, the reasons for an extension or a rejection, and the
 * notices sent ({@link #noticeSent}); {@link #evidence} returns it as one bundle, {@link #signedEvidence} signed.
 *
 * <p>A call that fails records no step. Thread-safe, also across application instances that share the request
 * store: while the kit runs the identity verifier or a fulfiller for a request, the request holds a
 * {@linkplain SubjectRequest#claim() claim} in the store, and every other call on it, on this instance or another,
 * fails at once with {@link RequestConflictException#busy} until the outcome is recorded or the kit's
 * {@code workLease} runs out (see {@link RequestFulfiller} for what a takeover means). A call that loses a race for
 * the request fails with a {@link RequestConflictException} or, when the other call has already moved the request
 * on, an {@link IllegalRequestTransitionException}. Call it outside a transaction of the host's own, so that other
 * instances see the claim before the fulfiller runs.
 *
 * <p><b>Warning:</b> the requester is not known to be the subject until {@link #verify} succeeds. Whatever a
 * requester sees from {@link #receive}, {@link #startVerification} and {@link #verify} is the same whether or not the
 * subject exists or has an e-mail address on record; keep it that way in the host's own responses.
 *
 * <p>Usage example: <pre>{@code
 * SubjectRequest r = gdpr.requests().receive(alice, RequestKind.ACCESS, Actor.subject());
 * gdpr.requests().startVerification(r.id());         // mails a link with a token
 * gdpr.requests().verify(r.id(), tokenFromTheLink);
 * gdpr.requests().start(r.id(), Actor.staff("dpo"));
 * gdpr.requests().complete(r.id(), Actor.staff("dpo"));
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RequestService {

  /**
   * Records a new request, received now, due one month from today in the kit's request zone.
   *
   * <p>Nothing is checked about the subject: a request for a subject nobody knows is recorded like any other.
   *
   * @param receivedBy who recorded it: {@link Actor#subject()} for a web form, staff for a phone call or letter
   * @return the request, {@code RECEIVED}
   */
  SubjectRequest receive(SubjectId subject, RequestKind kind, Actor receivedBy);

  /**
   * Records a new request as {@link #receive(SubjectId, RequestKind, Actor)} does, with how it came in as the evidence
   * of its receipt: the channel, the host's own reference and the SHA-256 of its text (Regulation (EU) 2025/2518: a
   * complaint presupposes the request to the controller).
   *
   * <p>Usage example: <pre>{@code gdpr.requests().receive(alice, RequestKind.ACCESS, Actor.staff("clerk-7"), RequestIntake.of(RequestChannel.POST).withReference("LTR-2027-118").withTextDigest(scannedText));}</pre>
   *
   * @return the request, {@code RECEIVED}
   */
  SubjectRequest receive(SubjectId subject, RequestKind kind, Actor receivedBy, RequestIntake intake);

  /**
   * Starts verifying that the requester is the subject, through the kit's
   * {@link io.gdprkit.request.spi.IdentityVerifier}.
   *
   * <p>By default that sends a signed, expiring token to the subject's e-mail address on record. For a subject with
   * no address on record nothing is sent, and the call behaves the same in every other way. It may be called again
   * to send a new token; earlier tokens keep working until they expire.
   *
   * @return the request, still {@code RECEIVED}, with the step recorded
   * @throws UnknownRequestException if no request has this id
   * @throws IllegalRequestTransitionException if the request is no longer {@code RECEIVED}
   * @throws IdentityVerificationUnavailableException if the default verifier has no mailer
   */
  SubjectRequest startVerification(RequestId requestId);

  /**
   * Checks the token the requester returned and, if it proves their identity, marks the request verified.
   *
   * @return the request, {@code IDENTITY_VERIFIED}, with the subject as the actor of the step
   * @throws UnknownRequestException if no request has this id
   * @throws InvalidTokenException if the token is malformed, altered, expired, issued for another request, or already
   *     used; a request whose subject had no address on record fails here exactly as a wrong token does
   * @throws IllegalRequestTransitionException if the request was rejected before it was verified
   */
  SubjectRequest verify(RequestId requestId, String token);

  /**
   * Records that staff started working on a verified request.
   *
   * @return the request, {@code IN_PROGRESS}
   * @throws UnknownRequestException if no request has this id
   * @throws IllegalRequestTransitionException unless the request is {@code IDENTITY_VERIFIED}
   */
  SubjectRequest start(RequestId requestId, Actor by);

  /**
   * Runs the {@link RequestFulfiller} registered for the request's kind, if any, and then records the completion.
   *
   * <p>Kinds without a fulfiller (such as a rectification staff made by hand) are only recorded.
   *
   * @return the request, {@code COMPLETED}
   * @throws UnknownRequestException if no request has this id
   * @throws IllegalRequestTransitionException unless the request is {@code IN_PROGRESS}
   * @throws RequestFulfilmentException if the fulfiller failed; the request stays {@code IN_PROGRESS}
   * @throws RequestConflictException if another call on the request, on any instance, is under way ({@code busy}), or
   *     this call's claim ran out while the fulfiller ran and another call took the request over ({@code takenOver})
   */
  SubjectRequest complete(RequestId requestId, Actor by);

  /**
   * Refuses an open request and returns the notice to send to the subject (Art. 12(4) GDPR).
   *
   * @param reason why, as the subject will read it; required
   * @return the notice; the request is {@code REJECTED}
   * @throws InvalidInputException if the reason is blank or too long
   * @throws UnknownRequestException if no request has this id
   * @throws IllegalRequestTransitionException if the request is completed or rejected already
   */
  RejectionNotice reject(RequestId requestId, String reason, Actor by);

  /**
   * Extends an open request's deadline by one or two months, counted from its original due date (Art. 12(3) GDPR).
   *
   * <p>Allowed once per request, and only before the first deadline has passed. Tell the subject, with the reason,
   * before that deadline.
   *
   * @param months 1 or 2
   * @param reason why more time is needed; required
   * @return the request with its {@link SubjectRequest#extension() extension}
   * @throws InvalidInputException if {@code months} is not 1 or 2, or the reason is blank or too long
   * @throws UnknownRequestException if no request has this id
   * @throws IllegalRequestTransitionException if the request is final, already extended, or past its first deadline
   */
  SubjectRequest extend(RequestId requestId, int months, String reason, Actor by);

  /**
   * Records that a notice was sent to the subject about their request, keeping the SHA-256 of its content only: an
   * acknowledgement, a request for identification, the extension with its reasons (Art. 12(3)), the rejection with
   * its reasons and the right to complain (Art. 12(4)), or the response. Allowed in every state, a completed or
   * rejected request included, since the notice of the outcome follows it.
   *
   * <p>Usage example: <pre>{@code gdpr.requests().noticeSent(id, RequestNotice.of(RequestNotice.Kind.REJECTION, RequestChannel.EMAIL, notice.text()), dpo);}</pre>
   *
   * @return the request, in the same state, with the notice as its latest step
   * @throws UnknownRequestException if no request has this id
   * @throws InvalidInputException if the request records {@value SubjectRequest#MAX_NOTICES} notices already
   * @throws RequestConflictException if another call on the request is under way
   */
  SubjectRequest noticeSent(RequestId requestId, RequestNotice notice, Actor by);

  /**
   * Returns the evidence of how the request was dealt with, for a complaint about it to a supervisory authority
   * (Regulation (EU) 2025/2518): what was received and how, the identity checks, the deadline and its extension, what
   * was done or why not, the notices sent, and every step with its time and actor; see {@link RequestEvidence}.
   *
   * <p>Usage example: <pre>{@code String json = gdpr.requests().evidence(id).toJson();}</pre>
   *
   * @throws UnknownRequestException if no request has this id
   */
  RequestEvidence evidence(RequestId requestId);

  /**
   * Returns the evidence as {@link #evidence} does, with its JSON, the JSON's SHA-256, and the JSON signed by the
   * kit's signing key as a compact JWS, which {@link RequestEvidence#verify} checks with the kit's published
   * verification keys.
   *
   * <p>Usage example: <pre>{@code String jws = gdpr.requests().signedEvidence(id).jws();}</pre>
   *
   * @throws UnknownRequestException if no request has this id
   */
  SignedRequestEvidence signedEvidence(RequestId requestId);

  /** Returns the request with this id, if there is one. */
  Optional<SubjectRequest> find(RequestId requestId);

  /** Returns the subject's requests, oldest first. */
  List<SubjectRequest> forSubject(SubjectId subject);

  /**
   * Returns the open requests whose deadline has passed, earliest deadline first.
   *
   * <p>The stream reads the store page by page as it is consumed, so it never holds every request at once; requests
   * that change meanwhile may be missed or seen in their new state.
   */
  Stream<SubjectRequest> overdue();

  /**
   * Returns the open requests due within {@code window} from now, the overdue ones included, earliest deadline first.
   *
   * <p>Read page by page, as {@link #overdue()}. For "due within 7 days" pass {@code Duration.ofDays(7)}.
   *
   * @param window how far ahead to look; not negative
   * @throws InvalidInputException if the window is negative
   */
  Stream<SubjectRequest> dueWithin(Duration window);
}

package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.internal.Hashing;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.request.internal.EvidenceJson;
import io.gdprkit.request.internal.EvidenceJws;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The evidence of how the controller dealt with one subject request: what was received, when and how, the identity
 * checks, the deadline and its extension, what was done or why not, the notices sent, and every step with its time
 * and actor.
 *
 * <p>Why: from 2 April 2027 the GDPR procedural regulation (EU) 2025/2518 makes a complaint about a subject request
 * presuppose the request to the controller, and the controller must be able to demonstrate its compliance
 * (Art. 5(2), Art. 12(3) and (4) GDPR). The bundle is a pure function of the request's recorded history, so it is the
 * same, byte for byte, whenever it is produced for the same steps ({@link #toJson()}); the kit can sign it
 * ({@link RequestService#signedEvidence}) so that any change is detected ({@link #verify}).
 *
 * <p>It holds no personal data beyond what the host opted into: the subject is named by the keyed pseudonym the audit
 * trail uses (so the bundle can be matched to the trail, and to the subject by the host, which holds the key), the
 * request's text only as its SHA-256 unless the host kept it ({@link RequestIntake#withTextKept}), notices only as
 * SHA-256 of their content. Staff appear by their user ids, and the reasons given for an extension or a rejection in
 * the controller's words, as the subject was told them.
 *
 * <p>Usage example: <pre>{@code
 * RequestEvidence e = gdpr.requests().evidence(requestId);
 * Files.writeString(dir.resolve(requestId + ".evidence.json"), e.toJson());
 * }</pre>
 *
 * @param requestId the request
 * @param kind the right exercised
 * @param tenant the controller's tenant
 * @param subjectPseudonym the subject's keyed pseudonym, as in the audit trail
 * @param state where the request stands
 * @param version the version of the request's history the bundle shows: its number of steps; the writes that only set
 *     or clear a {@linkplain SubjectRequest#claim() claim}, which change no evidence, are not counted
 * @param receivedAt when it was received, from which the month of Art. 12(3) runs
 * @param receivedBy who recorded it: the subject through a form, or staff who took it by phone or letter
 * @param intake how it came in, or {@code null} when the host did not record it
 * @param dueAt the original deadline, one month from receipt
 * @param extension the extension of the deadline by up to two months, with its reasons, when, and by whom
 *     (Art. 12(3)), or {@code null}
 * @param identityChecks each step of identity verification (Art. 12(6)), oldest first
 * @param fulfilment what completing the request did, when, and by whom, or {@code null} unless completed
 * @param rejection the reasons for not acting, when, and by whom (Art. 12(4)), or {@code null} unless rejected
 * @param notices each notice sent to the subject, oldest first
 * @param timeline every step of the request, oldest first, starting with its receipt
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RequestEvidence(
    RequestId requestId,
    RequestKind kind,
    TenantId tenant,
    String subjectPseudonym,
    RequestState state,
    int version,
    Instant receivedAt,
    Actor receivedBy,
    @Nullable RequestIntake intake,
    Instant dueAt,
    @Nullable Dated<SubjectRequest.Extension> extension,
    List<Dated<IdentityCheck>> identityChecks,
    @Nullable Dated<Fulfilment> fulfilment,
    @Nullable Dated<SubjectRequest.Rejection> rejection,
    List<Dated<RequestNotice>> notices,
    List<RequestTransition> timeline) {

  /** The name and version of the JSON form, its first field. */
  public static final String FORMAT = "gdpr-kit/request-evidence/1";

  /** Validates that nothing is missing and copies the lists. */
  public RequestEvidence {
    Preconditions.notNull(requestId, "requestId");
    Preconditions.notNull(kind, "kind");
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notBlank(subjectPseudonym, "subjectPseudonym");
    Preconditions.notNull(state, "state");
    Preconditions.positive(version, "version");
    Preconditions.notNull(receivedAt, "receivedAt");
    Preconditions.notNull(receivedBy, "receivedBy");
    Preconditions.notNull(dueAt, "dueAt");
    identityChecks = List.copyOf(Preconditions.notNull(identityChecks, "identityChecks"));
    notices = List.copyOf(Preconditions.notNull(notices, "notices"));
    timeline = List.copyOf(Preconditions.notNull(timeline, "timeline"));
  }

  /**
   * Returns the evidence of a request as recorded.
   *
   * @param subjectPseudonym the subject's keyed pseudonym, as the audit trail names them
   */
  public static RequestEvidence of(SubjectRequest request, String subjectPseudonym) {
    Preconditions.notNull(request, "request");
    List<Dated<IdentityCheck>> checks = new ArrayList<>();
    List<Dated<RequestNotice>> notices = new ArrayList<>();
    Dated<Fulfilment> fulfilment = null;
    Dated<SubjectRequest.Rejection> rejection = null;
    Dated<SubjectRequest.Extension> extension = null;
    for (RequestTransition step : request.transitions()) {
      StepEvidence evidence = step.evidence();
      if (evidence instanceof IdentityCheck check) {
        checks.add(new Dated<>(check, step.at(), step.by()));
      } else if (evidence instanceof RequestNotice notice) {
        notices.add(new Dated<>(notice, step.at(), step.by()));
      } else if (evidence instanceof SubjectRequest.Extension extended) {
        extension = new Dated<>(extended, step.at(), step.by());
      } else if (evidence instanceof SubjectRequest.Rejection rejected) {
        rejection = new Dated<>(rejected, step.at(), step.by());
      } else if (evidence instanceof Fulfilment done) {
        fulfilment = new Dated<>(done, step.at(), step.by());
      } else if (step.to() == RequestState.COMPLETED && step.from() == RequestState.IN_PROGRESS) {
        // A completion written without evidence: the record is all there is.
        fulfilment = new Dated<>(new Fulfilment.Recorded(), step.at(), step.by());
      }
    }
    RequestTransition receipt = request.transitions().get(0);
    return new RequestEvidence(request.id(), request.kind(), request.subject().tenant(), subjectPseudonym,
        request.state(), request.transitions().size(), request.receivedAt(), receipt.by(), request.intake(), request.dueAt(),
        extension, checks, fulfilment, rejection, notices, request.transitions());
  }

  /**
   * Returns the bundle as JSON, the same bytes for the same bundle: the fields in a fixed order, each present ({@code
   * null} where empty), times in ISO 8601 UTC.
   *
   * <p>The form, whose first field {@code format} is {@value #FORMAT}: <pre>{@code
   * {"format":…,"request":{"id","kind","article","tenant","subject","state","version"},
   *  "received":{"at","by","channel","reference","textSha256","text"},
   *  "deadline":{"dueAt","extension":{"dueAt","reason","at","by"}|null},
   *  "identity":[{"method","outcome","at","by"}],
   *  "fulfilment":{"type","at","by",…}|null, "rejection":{"reason","at","by"}|null,
   *  "notices":[{"kind","channel","contentSha256","at","by"}],
   *  "timeline":[{"at","by","from","to","note","evidence"}]}
   * }</pre> An actor is {@code {"type":"STAFF","id":"dpo-1"}}, the subject {@code {"type":"SUBJECT","id":null}}.
   */
  public String toJson() {
    return new String(EvidenceJson.write(this), StandardCharsets.UTF_8);
  }

  /** Returns the lower-case hex SHA-256 of the UTF-8 bytes of {@link #toJson()}. */
  public String sha256() {
    return Hashing.sha256Hex(toJson());
  }

  /**
   * Checks a signed bundle against the trusted keys and returns its JSON; any change to the header, the JSON or the
   * signature is detected.
   *
   * <p>Usage example: <pre>{@code String json = RequestEvidence.verify(jws, VerificationKeys.fromJwks(publishedJwks));}</pre>
   *
   * @param jws the compact JWS that {@link SignedRequestEvidence#jws()} holds
   * @param keys the kit's verification keys, such as {@code gdpr.verificationKeys()}
   * @return the signed JSON, as {@link #toJson()} wrote it
   * @throws InvalidEvidenceException naming the first check that failed
   */
  public static String verify(String jws, VerificationKeys keys) {
    return EvidenceJws.verify(jws, keys);
  }

  /** Returns a description naming the request, its state and version only. */
  @Override
  public String toString() {
    return "RequestEvidence[" + requestId + ", " + kind + ", " + state + ", v" + version + "]";
  }

  /**
   * A piece of evidence with when it was recorded and by whom.
   *
   * @param value the evidence
   * @param at when, from the kit's clock
   * @param by who took the step
   * @param <T> the kind of evidence
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Dated<T>(T value, Instant at, Actor by) {

    /** Validates that nothing is missing. */
    public Dated {
      Preconditions.notNull(value, "value");
      Preconditions.notNull(at, "at");
      Preconditions.notNull(by, "by");
    }
  }
}

package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a step of a subject request adds to its evidence beyond who took it and when: how the request came in, an
 * identity check, an extension of the deadline, what fulfilling it did, why it was rejected, or a notice sent to the
 * subject.
 *
 * <p>A complaint to a supervisory authority about a subject request presupposes the request to the controller
 * (Regulation (EU) 2025/2518, applicable from 2 April 2027), and the controller must be able to show how it dealt with
 * it (Art. 5(2), Art. 12 GDPR). Each kind is recorded on the {@link RequestTransition} it belongs to, so it is written
 * with the step, in the same version of the request, or not at all. None holds personal data unless the host asked
 * for it ({@link RequestIntake#withTextKept}).
 *
 * <p>Usage example: <pre>{@code if (step.evidence() instanceof RequestNotice n) print(n.kind(), step.at(), n.contentSha256());}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface StepEvidence permits RequestIntake, IdentityCheck, SubjectRequest.Extension, Fulfilment,
    SubjectRequest.Rejection, RequestNotice {
}

package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Carries out a request of one kind when it is completed: runs the erasure, writes the export, applies the
 * restriction.
 *
 * <p>The request service calls it from {@link RequestService#complete}, with the request still {@code IN_PROGRESS},
 * and records the completion only when it returns. If it throws, the request stays {@code IN_PROGRESS} and the
 * caller gets a {@link RequestFulfilmentException} with the exception as its cause.
 *
 * <p>A request is fulfilled once at a time across every application instance that shares the request store: before
 * the fulfiller runs, the kit writes a {@linkplain SubjectRequest.Claim claim} on the request into the store (this
 * instance's {@code instanceId}, until now plus the kit's {@code workLease}), and every other call on the request, on
 * any instance, fails with {@link RequestConflictException#busy} until the completion is recorded, which clears it.
 *
 * <p><b>Warning:</b> fulfilment is at least once, so make the fulfiller idempotent or have it record what it did.
 * When the claim runs out before the completion is recorded (the instance died mid-fulfilment, or the fulfiller ran
 * longer than {@code workLease}), the next {@link RequestService#complete} takes the request over and runs the
 * fulfiller again, whether or not the first run did all or part of its work; a completion retried after a failure
 * runs it again too. A first run that is still alive then finds its claim taken, fails with
 * {@link RequestConflictException#takenOver}, and its report is not recorded. Make a repeat harmless: key what the
 * host does by {@link SubjectRequest#id()}, or record each finished part as it goes and skip it on the next run, as
 * erasure jobs do (each finished step is stored in the job, so a resumed job repeats none). The kit's own fulfillers
 * are safe to repeat: the erasure fulfiller finishes the erasure job a dead run left pending, skipping its finished
 * steps, or finds nothing left to erase; the export fulfillers deliver the export anew.
 *
 * <p>What it did is recorded with the completion as the request's evidence (Art. 12(3) GDPR, Regulation (EU)
 * 2025/2518): a plain fulfiller as {@link Fulfilment.Performed} without a reference; one made with
 * {@link #reporting} says what it did, such as the id of the host's job.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().requestFulfiller(RequestKind.RESTRICTION, r -> crm.restrict(r.subject()))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface RequestFulfiller {

  /**
   * Carries out the request.
   *
   * @param request the request being completed, {@code IN_PROGRESS}
   */
  void fulfil(SubjectRequest request);

  /**
   * Carries out the request and returns what was done, for the request's evidence; by default runs
   * {@link #fulfil} and reports that the host's fulfiller ran.
   *
   * @param request the request being completed, {@code IN_PROGRESS}
   * @return what was done, no personal data
   */
  default Fulfilment fulfilAndReport(SubjectRequest request) {
    fulfil(request);
    return Fulfilment.performed("fulfilled by the host's request fulfiller", null);
  }

  /**
   * Returns a fulfiller that reports what it did.
   *
   * <p>Usage example: <pre>{@code RequestFulfiller.reporting(r -> Fulfilment.performed("Address corrected", ticketOf(r)))}</pre>
   *
   * @param action carries out the request and returns what it did
   */
  static RequestFulfiller reporting(Function<SubjectRequest, Fulfilment> action) {
    Preconditions.notNull(action, "action");
    return new RequestFulfiller() {
      @Override
      public void fulfil(SubjectRequest request) {
        action.apply(request);
      }

      @Override
      public Fulfilment fulfilAndReport(SubjectRequest request) {
        return Preconditions.notNull(action.apply(request), "fulfilment");
      }
    };
  }
}

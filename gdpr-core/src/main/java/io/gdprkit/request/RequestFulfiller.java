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
 * <p><b>Warning:</b> make it idempotent. Within one kit a request is fulfilled once at a time, but kits on several
 * application instances that share one store may each run it before one of them records the completion, and a
 * completion retried after a failure runs it again.
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

package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

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
}

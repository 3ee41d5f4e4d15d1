package io.gdprkit.request.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.request.RequestConflictException;
import io.gdprkit.request.RequestId;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.request.UnknownRequestException;
import io.gdprkit.request.internal.InMemoryRequestStore;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Stores subject requests, each as the latest of its versions.
 *
 * <p>Contract, checked by {@code RequestStoreCompatibilityKit} in {@code gdpr-test}:
 * <ul>
 *   <li>a request is stored and returned with every field unchanged, its version and
 *       {@linkplain SubjectRequest#claim() claim} included;</li>
 *   <li>{@link #update} replaces a request only if the store holds the version just before the new one
 *       ({@link SubjectRequest#version()}), else it throws {@link RequestConflictException} and writes nothing: of two
 *       writers that read the same version, one wins. A write that only sets or clears a claim is a version like any
 *       other; this check is what lets exactly one of several kit instances claim a request before running its
 *       fulfiller. The store does not interpret the claim: the request service compares its lease with the kit's
 *       clock;</li>
 *   <li>{@link #openDueBy} returns open requests by their {@linkplain SubjectRequest#deadline() deadline in force};
 *       it is what overdue and due-soon queries run on, so an adapter should answer it from an index on
 *       (open, deadline, id) without reading closed or later requests;</li>
 *   <li>implementations are thread-safe.</li>
 * </ul>
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().requestStore(RequestStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RequestStore {

  /** Returns a new store that keeps requests in this JVM's memory. */
  static RequestStore inMemory() {
    return new InMemoryRequestStore();
  }

  /**
   * Stores a new request.
   *
   * @param request a request at version 1, as {@link SubjectRequest#received} makes it
   * @throws io.gdprkit.InvalidInputException if its version is not 1
   * @throws RequestConflictException if a request with its id is already stored
   */
  void insert(SubjectRequest request);

  /**
   * Replaces a stored request with its next version.
   *
   * @param request the new version; the store must hold version {@code request.version() - 1}, whose transitions
   *     it extends by one step, or whose claim alone it sets or clears
   * @throws RequestConflictException if the store holds another version
   * @throws UnknownRequestException if no request has its id
   */
  void update(SubjectRequest request);

  /** Returns the latest version of the request with this id, if stored. */
  Optional<SubjectRequest> find(RequestId id);

  /** Returns the subject's requests ordered by receipt time, then id. */
  List<SubjectRequest> forSubject(SubjectId subject);

  /**
   * Returns up to {@code limit} open requests whose deadline in force is at or before {@code cutoff}, ordered by
   * that deadline, then id.
   *
   * @param cutoff the latest deadline to include
   * @param after the last request of the previous page, whose deadline and id (as passed) the page starts after, or
   *     {@code null} for the first page
   * @param limit at least 1
   * @throws io.gdprkit.InvalidInputException if {@code limit} is below 1
   */
  List<SubjectRequest> openDueBy(Instant cutoff, @Nullable SubjectRequest after, int limit);
}

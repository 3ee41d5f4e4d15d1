package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Told when a subject has been erased in full, so that a store outside the providers (a host's cache, a search
 * index, gdpr-kit's own retention records) can forget the subject too.
 *
 * <p>Called once per job, after the providers, the ledger and the tombstone, before the job completes; the job
 * records that its listeners ran, so a job resumed after a later step failed (a child of its cascade, say) does not
 * call them again. A listener that throws leaves the job pending (the call throws an
 * {@link ErasureIncompleteException} that does not copy its message), and the resumed job calls every listener again, so
 * listeners should still be idempotent.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().onErasure((subject, report) -> searchIndex.delete(subject.value()))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ErasureListener {

  /** Forgets the subject. */
  void erased(SubjectId subject, ErasureScope scope);
}

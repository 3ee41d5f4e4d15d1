package io.gdprkit.erasure.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.erasure.ErasedSubjectException;
import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.erasure.spi.Tombstone;
import io.gdprkit.subject.ErasureGate;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Refuses writes about a subject with a pending erasure of everything or a standing tombstone, and owns how a
 * subject's tombstone is named: the keyed hash that the journal stores.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class SubjectErasureGate implements ErasureGate {

  private static final String SUBJECT_LABEL = "subject";

  private final ErasureStore store;
  private final PseudonymKey keys;

  public SubjectErasureGate(ErasureStore store, PseudonymKey keys) {
    this.store = store;
    this.keys = keys;
  }

  @Override
  public void checkWritable(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    Optional<ErasureJob> active = store.active(subject);
    if (active.isPresent() && active.get().scope().isEverything()) {
      throw ErasedSubjectException.of(subject, ErasedSubjectException.State.ERASING);
    }
    if (tombstone(subject).filter(Tombstone::standing).isPresent()) {
      throw ErasedSubjectException.of(subject, ErasedSubjectException.State.ERASED);
    }
  }

  @Override
  public Optional<Erased> erasure(SubjectId subject) {
    return tombstone(Preconditions.notNull(subject, "subject"))
        .map(found -> new Erased(found.erasedAt(), found.recollectionAllowedAt()));
  }

  /** Returns the pseudonym a new tombstone of the subject is written under, with the current key. */
  String tombstonePseudonym(SubjectId subject) {
    return keys.pseudonym(SUBJECT_LABEL, key(subject));
  }

  /** Returns the subject's tombstone, written under the current version of the pseudonym key or an earlier one. */
  Optional<Tombstone> tombstone(SubjectId subject) {
    for (String pseudonym : keys.everyVersion(SUBJECT_LABEL, key(subject))) {
      Optional<Tombstone> found = store.tombstone(subject.tenant(), pseudonym);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static String key(SubjectId subject) {
    return subject.tenant().value() + '/' + subject.value();
  }
}

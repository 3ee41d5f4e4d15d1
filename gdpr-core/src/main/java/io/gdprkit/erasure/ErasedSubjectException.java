package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Thrown when a consent, switch or source write names a subject whose erasure of everything is under way or done;
 * nothing was recorded.
 *
 * <p>Why a typed error: recording a consent for an erased subject would make the kit process again someone it was
 * told to forget (a late import, a stale form, a retry racing the erasure). A new collection is possible, but only
 * as an explicit decision that the tombstone journal records: {@link ErasureService#allowRecollection}.
 *
 * <p>Usage example: <pre>{@code catch (ErasedSubjectException e) { if (e.state() == State.ERASED) dropFromImport(); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ErasedSubjectException extends GdprException {

  private static final long serialVersionUID = 1L;

  /**
   * Why the write was refused.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum State {
    /** An erasure of everything about the subject is running or pending. */
    ERASING,
    /** The subject was erased and no new collection was allowed since. */
    ERASED
  }

  private final SubjectId subject;
  private final State state;

  private ErasedSubjectException(SubjectId subject, State state) {
    super("write about subject " + subject + " refused: " + (state == State.ERASING
        ? "its erasure is under way" : "it was erased; allow a new collection with erasure().allowRecollection(..)"));
    this.subject = subject;
    this.state = state;
  }

  /** Creates the exception. */
  public static ErasedSubjectException of(SubjectId subject, State state) {
    return new ErasedSubjectException(subject, state);
  }

  /** Returns the subject. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns why the write was refused. */
  public State state() {
    return state;
  }
}

package io.gdprkit.jpa.interceptor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Thrown by the persistence layer when the host's code creates, changes or removes an entity of a subject whose
 * processing is restricted (Art. 18): restricted data may only be stored (Art. 18(2)), and only the kit's erasure and
 * rectification change it ({@link PurposeScope#erasure()}, {@link PurposeScope#rectification()}).
 *
 * <p>Thrown from an entity callback, before the statement is written, after marking the transaction rollback-only:
 * the transaction it breaks rolls back, with the rest of its work and its audit entries.
 *
 * <p>Usage example: <pre>{@code
 * try { tx.useTransaction(() -> contacts.rename(id, name)); }
 * catch (SubjectRestrictedException e) { return conflict("restricted: " + e.change()); }
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class SubjectRestrictedException extends GdprException {

  private static final long serialVersionUID = 1L;

  /** The change that was refused. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public enum Change {
    /** A new entity of the subject. */
    CREATE,
    /** A change to an existing entity, one by one or by a bulk statement. */
    UPDATE,
    /** A removal, one by one or by a bulk statement. */
    DELETE
  }

  private final SubjectId subject;
  private final Change change;
  private final String entity;

  private SubjectRestrictedException(SubjectId subject, Change change, String entity) {
    super("processing of subject " + Messages.quote(subject) + " is restricted (Art. 18), so the "
        + change.name().toLowerCase(Locale.ROOT) + " of a " + Messages.quote(entity) + " is refused: its data may only"
        + " be stored, erased or rectified until the restriction is lifted");
    this.subject = subject;
    this.change = change;
    this.entity = entity;
  }

  /** Creates the exception for a refused change of an entity, named by its entity name. */
  public static SubjectRestrictedException of(SubjectId subject, Change change, String entity) {
    return new SubjectRestrictedException(subject, change, entity);
  }

  /** Returns the restricted subject. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the refused change. */
  public Change change() {
    return change;
  }

  /** Returns the entity name of the entity that was to change. */
  public String entity() {
    return entity;
  }
}

package io.gdprkit.suppression;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.data.ContactPoint;
import org.apiguardian.api.API;

/**
 * Thrown when an import or a form submission brings back an e-mail address or phone number of a person who
 * was erased; the person must give consent anew through a form first.
 *
 * <p>The message names the kind of contact point, never its value.
 *
 * <p>Usage example: <pre>{@code gdpr.suppression().check(tenant, ContactPoint.email(row.email()))  // erased before: throws}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SuppressedContactException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final ContactPoint.Kind kind;

  private SuppressedContactException(ContactPoint.Kind kind) {
    super("this " + (kind == ContactPoint.Kind.EMAIL ? "e-mail address" : "phone number")
        + " belongs to a person who was erased; it may be used again only after that person gives consent anew"
        + " through a form");
    this.kind = kind;
  }

  /** Creates the exception. */
  public static SuppressedContactException of(ContactPoint.Kind kind) {
    return new SuppressedContactException(kind);
  }

  /** Returns which kind of contact point was suppressed. */
  public ContactPoint.Kind kind() {
    return kind;
  }
}

package io.gdprkit.subject;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Who did something: the data subject, a named staff user, or a system process.
 *
 * <p>Consent proofs record who recorded the consent: a consent entered by a sales rep over the phone
 * is a different proof from one the subject gave in a form.
 *
 * <p>Usage example: <pre>{@code Actor rep = Actor.staff("user-17");}</pre>
 *
 * @param type the kind of actor
 * @param id the staff user's or system's id; {@code null} exactly when {@code type} is {@code SUBJECT}
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record Actor(Type type, @Nullable String id) {

  private static final Actor SUBJECT = new Actor(Type.SUBJECT, null);

  /** Validates that staff and system actors are named and the subject is not. */
  public Actor {
    Preconditions.notNull(type, "actor type");
    if (type == Type.SUBJECT) {
      Preconditions.check(id == null, "actor id", "must be absent for the data subject");
    } else {
      Preconditions.identifier(id, "actor id", 128);
    }
  }

  /** The data subject, acting on their own data. */
  public static Actor subject() {
    return SUBJECT;
  }

  /** A named staff user of the controller. */
  public static Actor staff(String userId) {
    return new Actor(Type.STAFF, userId);
  }

  /** A system process such as an import job or a retention sweep. */
  public static Actor system(String name) {
    return new Actor(Type.SYSTEM, name);
  }

  /** The kinds of actor. */
  @API(status = STABLE, since = "0.1")
  public enum Type {
    /** The data subject. */
    SUBJECT,
    /** A staff user of the controller, named by id. */
    STAFF,
    /** A process acting without a person, named by id. */
    SYSTEM
  }
}

package io.gdprkit.spring.web;

import io.gdprkit.GdprKit;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.security.Principal;
import org.jspecify.annotations.Nullable;

/** Who calls an admin endpoint, and about whom. */
final class Callers {

  /** The actor recorded when no one is authenticated: the host guards the base path itself. */
  static final Actor UNAUTHENTICATED = Actor.system("gdpr-web");

  private Callers() {
  }

  /**
   * Returns the staff user who called, by the authenticated principal's name, so that every change made through the
   * endpoints names its author in the ledgers and the audit trail (Art. 5(2)).
   */
  static Actor actor(@Nullable Principal principal) {
    return principal == null ? UNAUTHENTICATED : Actor.staff(principal.getName());
  }

  /**
   * Returns the subject with this id, failing with 404 when the kit holds no consent, switch, restriction or objection
   * record of it: reading the consents of a subject nobody knows is most often a mistyped id.
   */
  static SubjectId known(GdprKit gdpr, SubjectId subject) {
    boolean known = !gdpr.consents().history(subject).isEmpty() || !gdpr.consents().switchHistory(subject).isEmpty()
        || !gdpr.restrictions().history(subject).isEmpty() || !gdpr.restrictions().objectionHistory(subject).isEmpty();
    if (!known) {
      throw UnknownSubjectException.of();
    }
    return subject;
  }
}

package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One personal data breach of the register (Art. 33(5)): what is known of it, when the controller became aware, and
 * where the notifications of the supervisory authority (Art. 33) and of the subjects (Art. 34) stand.
 *
 * <p>Immutable: each step returns the next {@linkplain #version() version}, which stores use to refuse lost updates.
 * The constructor checks the rules of Art. 33/34, so no store can hold a breach that breaks them: nothing is
 * notified before awareness, and a notification after the {@linkplain #deadline() deadline} carries the reasons for
 * the delay.
 *
 * <p>Usage example: <pre>{@code
 * Breach b = gdpr.breaches().find(id).orElseThrow();
 * if (b.authorityStatus() == AuthorityStatus.PENDING && b.deadline().isBefore(soon)) escalate(b);
 * }</pre>
 *
 * @param id the breach's id
 * @param version 1 when recorded, one more with each step
 * @param details what is known of the breach
 * @param awareAt when the controller became aware of it, from which the 72 hours run
 * @param recordedAt when it was entered in the register; not before {@code awareAt}
 * @param authorityNotifiedAt when the supervisory authority was notified, or {@code null}
 * @param delayReasons the reasons for notifying after the deadline; present when, and only when, it was late
 * @param notificationNotRequiredReason why the breach is unlikely to result in a risk and needs no notification
 *     (Art. 33(1)), or {@code null}; never together with a notification
 * @param subjectsToldAt when the subjects were told (Art. 34(1)), or {@code null}
 * @param subjectExemption why the subjects were not told, or {@code null}; never together with {@code subjectsToldAt}
 * @param exemptionDetails how the exemption applies; present exactly with {@code subjectExemption}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Breach(
    BreachId id,
    int version,
    BreachDetails details,
    Instant awareAt,
    Instant recordedAt,
    @Nullable Instant authorityNotifiedAt,
    @Nullable String delayReasons,
    @Nullable String notificationNotRequiredReason,
    @Nullable Instant subjectsToldAt,
    @Nullable SubjectNoticeExemption subjectExemption,
    @Nullable String exemptionDetails) {

  /** How long after awareness the authority must be notified, where feasible (Art. 33(1)). */
  public static final Duration NOTIFICATION_PERIOD = Duration.ofHours(72);

  /**
   * Validates the fields and the rules of Art. 33/34.
   *
   * @throws io.gdprkit.InvalidInputException if a field is missing, a time comes before awareness, or two
   *     exclusive fields are both present
   * @throws LateNotificationException if the authority was notified after the deadline and no reasons are given
   */
  public Breach {
    Preconditions.notNull(id, "breach id");
    Preconditions.positive(version, "version");
    Preconditions.notNull(details, "details");
    Preconditions.notNull(awareAt, "awareAt");
    Preconditions.notNull(recordedAt, "recordedAt");
    Preconditions.check(!recordedAt.isBefore(awareAt), "awareAt", "must not be after the breach was recorded");
    if (authorityNotifiedAt != null) {
      Preconditions.check(!authorityNotifiedAt.isBefore(awareAt), "authority notification",
          "must not be before the controller became aware of the breach");
      Preconditions.check(notificationNotRequiredReason == null, "authority notification",
          "cannot be recorded together with a reason why no notification is required");
      boolean late = authorityNotifiedAt.isAfter(awareAt.plus(NOTIFICATION_PERIOD));
      if (late && delayReasons == null) {
        throw LateNotificationException.of(id, awareAt.plus(NOTIFICATION_PERIOD), authorityNotifiedAt);
      }
      Preconditions.check(late || delayReasons == null, "delay reasons", "apply only to a late notification");
    } else {
      Preconditions.check(delayReasons == null, "delay reasons", "apply only to a notification");
    }
    if (delayReasons != null) {
      Preconditions.text(delayReasons, "delay reasons", BreachDetails.MAX_TEXT);
    }
    if (notificationNotRequiredReason != null) {
      Preconditions.text(notificationNotRequiredReason, "reason no notification is required", BreachDetails.MAX_TEXT);
    }
    if (subjectsToldAt != null) {
      Preconditions.check(!subjectsToldAt.isBefore(awareAt), "subject notice",
          "must not be before the controller became aware of the breach");
      Preconditions.check(subjectExemption == null, "subject notice", "cannot be recorded together with an exemption");
    }
    Preconditions.check((subjectExemption == null) == (exemptionDetails == null), "exemption details",
        "must be given exactly when an exemption is");
    if (exemptionDetails != null) {
      Preconditions.text(exemptionDetails, "exemption details", BreachDetails.MAX_TEXT);
    }
  }

  /**
   * Returns a newly recorded breach, at version 1, with nothing notified yet.
   *
   * @throws io.gdprkit.InvalidInputException if {@code awareAt} is after {@code recordedAt}
   */
  public static Breach recorded(BreachId id, BreachDetails details, Instant awareAt, Instant recordedAt) {
    return new Breach(id, 1, details, awareAt, recordedAt, null, null, null, null, null, null);
  }

  /** Returns when the authority must be notified: 72 hours after the controller became aware. */
  public Instant deadline() {
    return awareAt.plus(NOTIFICATION_PERIOD);
  }

  /** Returns where the notification of the supervisory authority stands. */
  public AuthorityStatus authorityStatus() {
    if (authorityNotifiedAt != null) {
      return AuthorityStatus.NOTIFIED;
    }
    return notificationNotRequiredReason != null ? AuthorityStatus.NOT_REQUIRED : AuthorityStatus.PENDING;
  }

  /** Returns where the communication to the data subjects stands. */
  public SubjectStatus subjectStatus() {
    if (subjectsToldAt != null) {
      return SubjectStatus.TOLD;
    }
    return subjectExemption != null ? SubjectStatus.NOT_TOLD : SubjectStatus.UNDECIDED;
  }

  /** Returns whether the authority was notified after the deadline. */
  public boolean notifiedLate() {
    return authorityNotifiedAt != null && authorityNotifiedAt.isAfter(deadline());
  }

  /** Returns the next version with other details. */
  public Breach amended(BreachDetails next) {
    return new Breach(id, version + 1, next, awareAt, recordedAt, authorityNotifiedAt, delayReasons,
        notificationNotRequiredReason, subjectsToldAt, subjectExemption, exemptionDetails);
  }

  /**
   * Returns the next version, notified to the authority; a breach first judged not to need notification may still
   * be notified.
   *
   * @param reasons the reasons for the delay, required when {@code at} is after the deadline, else ignored
   * @throws BreachStateException if the authority was notified already
   * @throws LateNotificationException if {@code at} is after the deadline and no reasons are given
   */
  public Breach authorityNotified(Instant at, @Nullable String reasons) {
    Preconditions.notNull(at, "notifiedAt");
    if (authorityNotifiedAt != null) {
      throw BreachStateException.of(id, "notify the authority of", "it was notified already");
    }
    String delay = at.isAfter(deadline()) ? reasons : null;
    return new Breach(id, version + 1, details, awareAt, recordedAt, at, delay, null, subjectsToldAt,
        subjectExemption, exemptionDetails);
  }

  /**
   * Returns the next version, recorded as unlikely to result in a risk and so needing no notification.
   *
   * @throws BreachStateException if the authority was notified already
   */
  public Breach notificationNotRequired(String reason) {
    if (authorityNotifiedAt != null) {
      throw BreachStateException.of(id, "record that no notification is required for",
          "the authority was notified already");
    }
    return new Breach(id, version + 1, details, awareAt, recordedAt, null, null, reason, subjectsToldAt,
        subjectExemption, exemptionDetails);
  }

  /**
   * Returns the next version, with the subjects told; subjects first not told may still be told.
   *
   * @throws BreachStateException if the subjects were told already
   */
  public Breach subjectsTold(Instant at) {
    Preconditions.notNull(at, "toldAt");
    if (subjectsToldAt != null) {
      throw BreachStateException.of(id, "tell the subjects of", "they were told already");
    }
    return new Breach(id, version + 1, details, awareAt, recordedAt, authorityNotifiedAt, delayReasons,
        notificationNotRequiredReason, at, null, null);
  }

  /**
   * Returns the next version, with the reason the subjects are not told.
   *
   * @throws BreachStateException if the subjects were told already
   */
  public Breach subjectsNotTold(SubjectNoticeExemption exemption, String how) {
    Preconditions.notNull(exemption, "exemption");
    if (subjectsToldAt != null) {
      throw BreachStateException.of(id, "record an exemption from telling the subjects of",
          "they were told already");
    }
    return new Breach(id, version + 1, details, awareAt, recordedAt, authorityNotifiedAt, delayReasons,
        notificationNotRequiredReason, null, exemption, how);
  }

  /**
   * Where the notification of the supervisory authority stands (Art. 33).
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum AuthorityStatus {
    /** Not yet notified, and not judged unnecessary: the 72-hour clock runs. */
    PENDING,
    /** Notified. */
    NOTIFIED,
    /** Judged unlikely to result in a risk, so not to be notified (Art. 33(1)). */
    NOT_REQUIRED
  }

  /**
   * Where the communication to the data subjects stands (Art. 34).
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum SubjectStatus {
    /** Neither told nor exempted yet. */
    UNDECIDED,
    /** Told. */
    TOLD,
    /** Not told, for an exemption. */
    NOT_TOLD
  }
}

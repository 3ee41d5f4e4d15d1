package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One personal data breach of the register (Art. 33(5)): what is known of it, when the controller became aware, how
 * its risk was assessed, and where the notifications of the supervisory authority (Art. 33) and of the subjects
 * (Art. 34) stand.
 *
 * <p>The latest {@linkplain #assessment() risk assessment} decides what is due. Until a breach is assessed, and at
 * {@link RiskLevel#RISK} or {@link RiskLevel#HIGH_RISK}, the authority is to be notified within 72 hours of awareness;
 * at {@link RiskLevel#NO_RISK} it is not (Art. 33(1)). At {@code HIGH_RISK}, or once the authority required it
 * (Art. 34(4)), the subjects are to be told without undue delay unless an exemption of Art. 34(3) is recorded
 * (Art. 34(1)). A revised assessment keeps the earlier ones; one to a higher level makes the notifications of that
 * level due again, the 72 hours still counted from awareness, so a notification after a late revision is late and
 * carries its reasons.
 *
 * <p>Immutable: each step returns the next {@linkplain #version() version}, which stores use to refuse lost updates.
 * The constructor checks the rules of Art. 33/34, so no store can hold a breach that breaks them: nothing is
 * notified before awareness, a notification after the {@linkplain #deadline() deadline} carries the reasons for the
 * delay, and no exemption stands against a high risk or the authority's requirement.
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
 * @param assessments every risk assessment, oldest first; empty while the breach is not assessed
 * @param authorityNotifiedAt when the supervisory authority was notified, or {@code null}
 * @param delayReasons the reasons for notifying after the deadline; present when, and only when, it was late
 * @param authorityUpdates when further information was given to the authority after its notification, in phases
 *     (Art. 33(4)), oldest first
 * @param subjectsToldAt when the subjects were told (Art. 34(1)), or {@code null}
 * @param subjectExemption why the subjects were not told, or {@code null}; never together with {@code subjectsToldAt}
 * @param exemptionDetails how the exemption applies; present exactly with {@code subjectExemption}
 * @param communicationRequiredAt when the supervisory authority required the subjects to be told (Art. 34(4)), or
 *     {@code null}; never together with an exemption
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Breach(
    BreachId id,
    int version,
    BreachDetails details,
    Instant awareAt,
    Instant recordedAt,
    List<RiskAssessment> assessments,
    @Nullable Instant authorityNotifiedAt,
    @Nullable String delayReasons,
    List<Instant> authorityUpdates,
    @Nullable Instant subjectsToldAt,
    @Nullable SubjectNoticeExemption subjectExemption,
    @Nullable String exemptionDetails,
    @Nullable Instant communicationRequiredAt) {

  /** How long after awareness the authority must be notified, where feasible (Art. 33(1)). */
  public static final Duration NOTIFICATION_PERIOD = Duration.ofHours(72);

  /** The most assessments, and the most further notifications of the authority, one breach keeps. */
  public static final int MAX_HISTORY = 100;

  /**
   * Validates the fields and the rules of Art. 33/34.
   *
   * @throws io.gdprkit.InvalidInputException if a field is missing, a time comes before awareness (or a further
   *     notification before the notification),
   *     two exclusive fields are both present, or an exemption stands against a high risk or the authority's
   *     requirement
   * @throws LateNotificationException if the authority was notified after the deadline and no reasons are given
   */
  public Breach {
    Preconditions.notNull(id, "breach id");
    Preconditions.positive(version, "version");
    Preconditions.notNull(details, "details");
    Preconditions.notNull(awareAt, "awareAt");
    Preconditions.notNull(recordedAt, "recordedAt");
    Preconditions.check(!recordedAt.isBefore(awareAt), "awareAt", "must not be after the breach was recorded");
    assessments = List.copyOf(Preconditions.notNull(assessments, "assessments"));
    authorityUpdates = List.copyOf(Preconditions.notNull(authorityUpdates, "authorityUpdates"));
    Preconditions.check(assessments.size() <= MAX_HISTORY, "assessments", "must be at most " + MAX_HISTORY);
    Preconditions.check(authorityUpdates.size() <= MAX_HISTORY, "authority updates",
        "must be at most " + MAX_HISTORY);
    notBefore(assessments.stream().map(RiskAssessment::assessedAt).toList(), awareAt, "risk assessment",
        "the controller became aware of the breach");
    if (authorityNotifiedAt != null) {
      Preconditions.check(!authorityNotifiedAt.isBefore(awareAt), "authority notification",
          "must not be before the controller became aware of the breach");
      boolean late = authorityNotifiedAt.isAfter(awareAt.plus(NOTIFICATION_PERIOD));
      if (late && delayReasons == null) {
        throw LateNotificationException.of(id, awareAt.plus(NOTIFICATION_PERIOD), authorityNotifiedAt);
      }
      Preconditions.check(late || delayReasons == null, "delay reasons", "apply only to a late notification");
      notBefore(authorityUpdates, authorityNotifiedAt, "further information to the authority",
          "the authority was notified");
    } else {
      Preconditions.check(delayReasons == null, "delay reasons", "apply only to a notification");
      Preconditions.check(authorityUpdates.isEmpty(), "further information to the authority",
          "follows a notification (Art. 33(4))");
    }
    if (delayReasons != null) {
      Preconditions.text(delayReasons, "delay reasons", BreachDetails.MAX_TEXT);
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
    Preconditions.check(subjectExemption != SubjectNoticeExemption.NO_HIGH_RISK || assessments.isEmpty()
        || assessments.get(assessments.size() - 1).level() != RiskLevel.HIGH_RISK, "exemption",
        "cannot be NO_HIGH_RISK while the latest assessment is HIGH_RISK (Art. 34(1))");
    if (communicationRequiredAt != null) {
      Preconditions.check(!communicationRequiredAt.isBefore(awareAt), "authority requirement",
          "must not be before the controller became aware of the breach");
      Preconditions.check(subjectExemption == null, "exemption",
          "cannot stand once the authority required the subjects to be told (Art. 34(4))");
    }
  }

  /** Checks that no time is before {@code notBefore}; the list keeps the order recorded, which clocks may blur. */
  private static void notBefore(List<Instant> times, Instant notBefore, String field, String event) {
    for (Instant at : times) {
      Preconditions.notNull(at, field);
      Preconditions.check(!at.isBefore(notBefore), field, "must not be before " + event);
    }
  }

  /**
   * Returns a newly recorded breach, at version 1, neither assessed nor notified.
   *
   * @throws io.gdprkit.InvalidInputException if {@code awareAt} is after {@code recordedAt}
   */
  public static Breach recorded(BreachId id, BreachDetails details, Instant awareAt, Instant recordedAt) {
    return new Breach(id, 1, details, awareAt, recordedAt, List.of(), null, null, List.of(), null, null, null, null);
  }

  /** Returns when the authority must be notified: 72 hours after the controller became aware. */
  public Instant deadline() {
    return awareAt.plus(NOTIFICATION_PERIOD);
  }

  /** Returns the latest risk assessment, which decides what is due, or empty while the breach is not assessed. */
  public Optional<RiskAssessment> assessment() {
    return assessments.isEmpty() ? Optional.empty() : Optional.of(assessments.get(assessments.size() - 1));
  }

  /** Returns where the notification of the supervisory authority stands. */
  public AuthorityStatus authorityStatus() {
    if (authorityNotifiedAt != null) {
      return AuthorityStatus.NOTIFIED;
    }
    return latestLevel() == RiskLevel.NO_RISK ? AuthorityStatus.NOT_REQUIRED : AuthorityStatus.PENDING;
  }

  /**
   * Returns why the breach needs no notification, the rationale of its latest assessment at {@code NO_RISK}, while
   * it stands un-notified (Art. 33(1)); otherwise {@code null}.
   */
  public @Nullable String notificationNotRequiredReason() {
    return authorityStatus() == AuthorityStatus.NOT_REQUIRED ? assessments.get(assessments.size() - 1).rationale()
        : null;
  }

  /** Returns where the communication to the data subjects stands. */
  public SubjectStatus subjectStatus() {
    if (subjectsToldAt != null) {
      return SubjectStatus.TOLD;
    }
    if (subjectExemption != null) {
      return SubjectStatus.NOT_TOLD;
    }
    return communicationRequiredAt != null || latestLevel() == RiskLevel.HIGH_RISK
        ? SubjectStatus.DUE : SubjectStatus.UNDECIDED;
  }

  /** Returns whether the authority was notified after the deadline. */
  public boolean notifiedLate() {
    return authorityNotifiedAt != null && authorityNotifiedAt.isAfter(deadline());
  }

  /** Returns whether the authority's notification is due and its deadline passed before {@code now}. */
  public boolean isOverdueAt(Instant now) {
    Preconditions.notNull(now, "now");
    return authorityStatus() == AuthorityStatus.PENDING && now.isAfter(deadline());
  }

  private @Nullable RiskLevel latestLevel() {
    return assessments.isEmpty() ? null : assessments.get(assessments.size() - 1).level();
  }

  /** Returns the next version with other details. */
  public Breach amended(BreachDetails next) {
    return new Breach(id, version + 1, next, awareAt, recordedAt, assessments, authorityNotifiedAt, delayReasons,
        authorityUpdates, subjectsToldAt, subjectExemption, exemptionDetails, communicationRequiredAt);
  }

  /**
   * Returns the next version, with one more risk assessment, which from now on decides what is due.
   *
   * <p>An assessment at {@code HIGH_RISK} ends a {@link SubjectNoticeExemption#NO_HIGH_RISK} exemption, which no
   * longer holds: the subjects are then due to be told. The other exemptions, of Art. 34(3), stand.
   *
   * @throws BreachStateException if the breach holds {@value #MAX_HISTORY} assessments already
   * @throws io.gdprkit.InvalidInputException if the assessment is dated before awareness
   */
  public Breach assessed(RiskAssessment assessment) {
    Preconditions.notNull(assessment, "assessment");
    if (assessments.size() >= MAX_HISTORY) {
      throw BreachStateException.of(id, "assess", "it holds " + MAX_HISTORY + " assessments already");
    }
    List<RiskAssessment> next = new ArrayList<>(assessments);
    next.add(assessment);
    boolean exemptionEnds = assessment.level() == RiskLevel.HIGH_RISK
        && subjectExemption == SubjectNoticeExemption.NO_HIGH_RISK;
    return new Breach(id, version + 1, details, awareAt, recordedAt, next, authorityNotifiedAt, delayReasons,
        authorityUpdates, subjectsToldAt, exemptionEnds ? null : subjectExemption,
        exemptionEnds ? null : exemptionDetails, communicationRequiredAt);
  }

  /**
   * Returns the next version, notified to the authority; a breach assessed as not needing notification may still
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
    return new Breach(id, version + 1, details, awareAt, recordedAt, assessments, at, delay, authorityUpdates,
        subjectsToldAt, subjectExemption, exemptionDetails, communicationRequiredAt);
  }

  /**
   * Returns the next version, with further information given to the authority after its notification (Art. 33(4):
   * "the information may be provided in phases without undue further delay").
   *
   * @throws BreachStateException if the authority was not notified yet, or {@value #MAX_HISTORY} further
   *     notifications are recorded already
   */
  public Breach authorityInformedFurther(Instant at) {
    Preconditions.notNull(at, "informedAt");
    if (authorityNotifiedAt == null) {
      throw BreachStateException.of(id, "give further information to the authority of",
          "the authority was not notified yet; notify it first (Art. 33(4))");
    }
    if (authorityUpdates.size() >= MAX_HISTORY) {
      throw BreachStateException.of(id, "give further information to the authority of",
          "it holds " + MAX_HISTORY + " further notifications already");
    }
    List<Instant> next = new ArrayList<>(authorityUpdates);
    next.add(at);
    return new Breach(id, version + 1, details, awareAt, recordedAt, assessments, authorityNotifiedAt, delayReasons,
        next, subjectsToldAt, subjectExemption, exemptionDetails, communicationRequiredAt);
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
    return new Breach(id, version + 1, details, awareAt, recordedAt, assessments, authorityNotifiedAt, delayReasons,
        authorityUpdates, at, null, null, communicationRequiredAt);
  }

  /**
   * Returns the next version, with the reason the subjects are not told.
   *
   * @throws BreachStateException if the subjects were told already, the authority required them to be told
   *     (Art. 34(4)), or the exemption is {@code NO_HIGH_RISK} while the latest assessment is {@code HIGH_RISK}
   */
  public Breach subjectsNotTold(SubjectNoticeExemption exemption, String how) {
    Preconditions.notNull(exemption, "exemption");
    String action = "record an exemption from telling the subjects of";
    if (subjectsToldAt != null) {
      throw BreachStateException.of(id, action, "they were told already");
    }
    if (communicationRequiredAt != null) {
      throw BreachStateException.of(id, action, "the supervisory authority required them to be told (Art. 34(4))");
    }
    if (exemption == SubjectNoticeExemption.NO_HIGH_RISK && latestLevel() == RiskLevel.HIGH_RISK) {
      throw BreachStateException.of(id, action, "its latest assessment is HIGH_RISK; record a new assessment or an "
          + "exemption of Art. 34(3)");
    }
    return new Breach(id, version + 1, details, awareAt, recordedAt, assessments, authorityNotifiedAt, delayReasons,
        authorityUpdates, null, exemption, how, communicationRequiredAt);
  }

  /**
   * Returns the next version, with the supervisory authority's requirement that the subjects be told (Art. 34(4));
   * an exemption recorded before no longer stands.
   *
   * @throws BreachStateException if the subjects were told already, or the requirement is recorded already
   */
  public Breach communicationRequired(Instant at) {
    Preconditions.notNull(at, "requiredAt");
    String action = "record that the authority requires telling the subjects of";
    if (subjectsToldAt != null) {
      throw BreachStateException.of(id, action, "they were told already");
    }
    if (communicationRequiredAt != null) {
      throw BreachStateException.of(id, action, "it is recorded already");
    }
    return new Breach(id, version + 1, details, awareAt, recordedAt, assessments, authorityNotifiedAt, delayReasons,
        authorityUpdates, null, null, null, at);
  }

  /**
   * Where the notification of the supervisory authority stands (Art. 33).
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum AuthorityStatus {
    /** Not yet notified, and not assessed as unlikely to result in a risk: the 72-hour clock runs. */
    PENDING,
    /** Notified. */
    NOTIFIED,
    /** Assessed as unlikely to result in a risk ({@link RiskLevel#NO_RISK}), so not to be notified (Art. 33(1)). */
    NOT_REQUIRED
  }

  /**
   * Where the communication to the data subjects stands (Art. 34).
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum SubjectStatus {
    /** Neither told nor exempted, and nothing requires telling them yet. */
    UNDECIDED,
    /**
     * To be told without undue delay: the latest assessment is {@link RiskLevel#HIGH_RISK} (Art. 34(1)) or the
     * authority required it (Art. 34(4)), and no exemption is recorded.
     */
    DUE,
    /** Told. */
    TOLD,
    /** Not told, for an exemption. */
    NOT_TOLD
  }
}

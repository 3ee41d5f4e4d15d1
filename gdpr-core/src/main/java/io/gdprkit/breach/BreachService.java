package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The breach register (Art. 33/34): records breaches, keeps the 72-hour clock, records each breach's risk assessment
 * and the notification of the supervisory authority and of the subjects it makes due, and derives the subjects a
 * breach affected.
 *
 * <p>What is due follows the latest {@linkplain #assess risk assessment} (see {@link RiskLevel}): the authority is
 * notified within 72 hours of awareness unless the breach is unlikely to result in a risk (Art. 33(1)); the subjects
 * are told without undue delay when it is likely to result in a high risk (Art. 34(1)) or the authority requires it
 * (Art. 34(4)), unless an exemption of Art. 34(3) is recorded. A breach not yet assessed awaits the authority's
 * notification all the same, so the clock is never stopped by a missing assessment. The queries
 * {@link #awaitingAuthorityNotification()}, {@link #awaitingSubjectCommunication()} and {@link #unassessed()} list
 * what is open.
 *
 * <p>Every change is written to the audit trail as {@link io.gdprkit.audit.AuditKind#REGISTER_CHANGED} with the
 * breach id, the step and states, never with the breach's text. Changes to one breach from many threads are
 * serialised by the breach's version: each step re-reads and retries when another won, so no step is lost, and a
 * step that no longer fits (the authority notified twice) fails with {@link BreachStateException}. Thread-safe.
 *
 * <p>Each tenant of a multi-tenant host is its own controller with its own breaches: {@link #forTenant} returns the
 * view of one tenant's register, whose breaches, deadline queries, affected subjects and audit chain are that
 * tenant's only. The service {@code gdpr.breaches()} returns is the view of {@link TenantId#DEFAULT}, so
 * single-tenant hosts never name a tenant.
 *
 * <p>Usage example: <pre>{@code
 * Breach b = gdpr.breaches().record(BreachDetails.of("Lost laptop").withApproximateSubjects(1200), awareAt, dpo);
 * gdpr.breaches().assess(b.id(), RiskLevel.HIGH_RISK, "Unencrypted disk with bank details", dpo);
 * gdpr.breaches().notifyAuthority(b.id(), Instant.now(), null, dpo);
 * gdpr.breaches().subjectsTold(b.id(), Instant.now(), dpo);
 * List<Breach> urgent = gdpr.breaches().awaitingNotification(Duration.ofHours(12));
 * List<Breach> acmeUrgent = gdpr.breaches().forTenant(TenantId.of("acme")).awaitingNotification(Duration.ZERO);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface BreachService {

  /** Returns the tenant whose register this view reads and writes. */
  TenantId tenant();

  /**
   * Returns the view of one tenant's breach register: its breaches, deadlines, affected subjects and audit chain.
   *
   * <p>Usage example: <pre>{@code gdpr.breaches().forTenant(TenantId.of("acme")).record(details, awareAt, dpo);}</pre>
   */
  BreachService forTenant(TenantId tenant);

  /**
   * Records a breach with a random id.
   *
   * @param awareAt when the controller became aware of it; not in the future
   * @throws io.gdprkit.InvalidInputException if {@code awareAt} is in the future
   */
  Breach record(BreachDetails details, Instant awareAt, Actor actor);

  /**
   * Records a breach under the controller's own reference.
   *
   * @throws BreachConflictException if a breach with this id is recorded already
   * @throws io.gdprkit.InvalidInputException if {@code awareAt} is in the future
   */
  Breach record(BreachId id, BreachDetails details, Instant awareAt, Actor actor);

  /**
   * Changes what is known of a breach; {@code change} is applied to the latest details, again if another writer
   * won, so it must have no side effects.
   *
   * @throws UnknownBreachException if no breach has this id
   */
  Breach amend(BreachId id, UnaryOperator<BreachDetails> change, Actor actor);

  /**
   * Records that the supervisory authority was notified.
   *
   * @param notifiedAt when; not before awareness and not in the future
   * @param delayReasons the reasons for the delay, required when {@code notifiedAt} is after the deadline
   * @throws LateNotificationException if {@code notifiedAt} is after the deadline and no reasons are given
   * @throws BreachStateException if the authority was notified already
   * @throws UnknownBreachException if no breach has this id
   */
  Breach notifyAuthority(BreachId id, Instant notifiedAt, @Nullable String delayReasons, Actor actor);

  /**
   * Records an assessment of the breach's risk, made now by {@code assessor}, which from now on decides what is due;
   * earlier assessments are kept in the register (Art. 33(5)).
   *
   * <p>At {@link RiskLevel#NO_RISK} the breach leaves the queue awaiting the authority's notification (Art. 33(1)); at
   * {@code RISK} or {@code HIGH_RISK} it joins it again if not notified, with its deadline still 72 hours after
   * awareness, so a notification after a late revision is late and needs its reasons. At {@code HIGH_RISK} the
   * subjects are due to be told (Art. 34(1)) unless an exemption of Art. 34(3) is recorded; a
   * {@link SubjectNoticeExemption#NO_HIGH_RISK} exemption ends. Audited with the level and the previous level, never
   * the rationale.
   *
   * <p>Usage example: <pre>{@code gdpr.breaches().assess(id, RiskLevel.RISK, "Names and e-mail addresses only", dpo)}</pre>
   *
   * @param rationale why; kept in the register
   * @throws io.gdprkit.InvalidInputException if the rationale is blank, too long or holds control characters
   * @throws BreachStateException if the breach holds {@value Breach#MAX_HISTORY} assessments already
   * @throws UnknownBreachException if no breach has this id
   */
  Breach assess(BreachId id, RiskLevel level, String rationale, Actor assessor);

  /**
   * Records that the breach is unlikely to result in a risk and so is not notified (Art. 33(1)): an assessment at
   * {@link RiskLevel#NO_RISK} with {@code reason} as its rationale. It leaves the queue of breaches awaiting
   * notification.
   *
   * @throws BreachStateException if the authority was notified already
   * @throws UnknownBreachException if no breach has this id
   */
  Breach notificationNotRequired(BreachId id, String reason, Actor actor);

  /**
   * Records that further information was given to the authority after the notification, as Art. 33(4) allows
   * where not all of it could be given at once; what is now known goes into the details with {@link #amend}.
   *
   * <p>Usage example: <pre>{@code gdpr.breaches().notifyAuthorityFurther(id, Instant.now(), dpo)}</pre>
   *
   * @param informedAt when; not before the notification and not in the future
   * @throws BreachStateException if the authority was not notified yet
   * @throws UnknownBreachException if no breach has this id
   */
  Breach notifyAuthorityFurther(BreachId id, Instant informedAt, Actor actor);

  /**
   * Records that the supervisory authority required the controller to tell the subjects (Art. 34(4)): they are due
   * to be told whatever the assessment, and an exemption recorded before no longer stands.
   *
   * <p>Usage example: <pre>{@code gdpr.breaches().communicationRequiredByAuthority(id, letterDate, dpo)}</pre>
   *
   * @param requiredAt when; not before awareness and not in the future
   * @throws BreachStateException if the subjects were told already, or the requirement is recorded already
   * @throws UnknownBreachException if no breach has this id
   */
  Breach communicationRequiredByAuthority(BreachId id, Instant requiredAt, Actor actor);

  /**
   * Records that the data subjects were told (Art. 34(1)).
   *
   * @param toldAt when; not before awareness and not in the future
   * @throws BreachStateException if they were told already
   * @throws UnknownBreachException if no breach has this id
   */
  Breach subjectsTold(BreachId id, Instant toldAt, Actor actor);

  /**
   * Records why the data subjects are not told (Art. 34(1) and (3)).
   *
   * @param how how the exemption applies, such as which encryption made the data unintelligible
   * @throws BreachStateException if they were told already, the authority required them to be told (Art. 34(4)), or
   *     the exemption is {@code NO_HIGH_RISK} while the latest assessment is {@code HIGH_RISK}
   * @throws UnknownBreachException if no breach has this id
   */
  Breach subjectsNotTold(BreachId id, SubjectNoticeExemption exemption, String how, Actor actor);

  /** Returns the breach with this id, if recorded. */
  Optional<Breach> find(BreachId id);

  /** Returns every breach of the register, ordered by id. */
  List<Breach> breaches();

  /**
   * Returns the breaches not yet notified (neither notified nor judged not to need it) whose deadline has passed or
   * comes within {@code within} from now, earliest deadline first.
   *
   * @throws io.gdprkit.InvalidInputException if {@code within} is negative
   */
  List<Breach> awaitingNotification(Duration within);

  /**
   * Returns every breach whose notification of the authority is due (not notified and not assessed at
   * {@code NO_RISK}), earliest deadline first, each with its deadline and whether that passed (Art. 33(1)).
   */
  List<AuthorityNotificationDue> awaitingAuthorityNotification();

  /**
   * Returns every breach whose subjects are due to be told: assessed at {@code HIGH_RISK} (Art. 34(1)) or required
   * by the authority (Art. 34(4)), neither told nor exempted; earliest awareness first.
   */
  List<Breach> awaitingSubjectCommunication();

  /** Returns every breach with no risk assessment yet, earliest awareness first. */
  List<Breach> unassessed();

  /**
   * Streams the distinct subjects of whom some provider holds data of the breach's categories collected in its
   * exposure window, in {@link SubjectId} order, holding at most a page per provider and category in memory.
   *
   * <p>Only subjects of this view's tenant are streamed: a provider may answer for every tenant of the host, and the
   * subjects of other tenants in its answers are dropped.
   *
   * <p>The derivation reads who is in the providers' stores, so it is audited as {@code ACCESSED} once it finished:
   * the breach id, the categories, the window, the count and which providers answered or not; never a subject id,
   * since the trail must not become a second list of the affected subjects.
   *
   * @throws io.gdprkit.InvalidInputException if the breach has no exposure window or no data categories
   * @throws UnknownBreachException if no breach has this id
   */
  AffectedSubjects affectedSubjects(BreachId id, Consumer<SubjectId> sink);

  /**
   * Streams the distinct subjects of whom some provider holds data of these categories collected in the window,
   * in {@link SubjectId} order, holding at most a page per provider and category in memory; like the overload above,
   * only of this view's tenant, and audited as it, without a breach id.
   *
   * @throws io.gdprkit.InvalidInputException if {@code categories} is empty
   */
  AffectedSubjects affectedSubjects(Collection<DataCategory> categories, ExposureWindow window,
      Consumer<SubjectId> sink);
}

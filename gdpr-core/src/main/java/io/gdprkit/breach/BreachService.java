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
 * The breach register (Art. 33/34): records breaches, keeps the 72-hour clock, records the notification of the
 * supervisory authority and of the subjects, and derives the subjects a breach affected.
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
 * gdpr.breaches().notifyAuthority(b.id(), Instant.now(), null, dpo);
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
   * Records that the breach is unlikely to result in a risk and so is not notified (Art. 33(1)); it leaves the
   * queue of breaches awaiting notification.
   *
   * @throws BreachStateException if the authority was notified already
   * @throws UnknownBreachException if no breach has this id
   */
  Breach notificationNotRequired(BreachId id, String reason, Actor actor);

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
   * @throws BreachStateException if they were told already
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

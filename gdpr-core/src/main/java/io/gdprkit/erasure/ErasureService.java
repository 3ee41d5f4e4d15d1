package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Erases a subject everywhere in one call: every provider with its per-field strategies, related subjects by
 * cascade, the consent ledger and source tags, with the subject's e-mail addresses and phone numbers put on the
 * suppression list and a tombstone written for replay after a restore.
 *
 * <p>An erasure is a durable job: progress is stored per provider, so after a crash or a failing provider
 * {@link #resumePending()} finishes it, and running an erasure twice is harmless. The report names the subject
 * by pseudonym only and is kept as proof. Thread-safe.
 *
 * <p>Several kit instances may share one erasure store. Erasure of one subject runs once at a time across all of
 * them: a second {@code erase} of a subject whose erasure is running is refused with
 * {@link ErasureInProgressException}. Jobs are run under a lease held by the kit instance
 * ({@code GdprKit.Builder.instanceId}, {@code erasureLease}); a job whose runner died is taken over by
 * {@link #resumePending()} of any instance once its lease ran out. Each finished step is recorded in the job, so a
 * resumed job repeats none: a listener, key shredding and Art. 19 notifications included, runs once per job.
 *
 * <p>While an erasure of everything is under way, and after it until {@link #allowRecollection} is called, consent,
 * switch and source writes about the subject are refused with {@link ErasedSubjectException}.
 *
 * <p><b>Art. 17(3).</b> Whatever the scope, a field is kept when a declared purpose on a legal obligation or a public
 * task (Art. 6(1)(c), (e); Art. 17(3)(b)) or {@linkplain io.gdprkit.purpose.Purpose#forLegalClaims() for legal
 * claims} (Art. 17(3)(e)) needs its data category, until the purpose's retention, counted from the record's date,
 * has passed; the report names the exemption, purpose, basis and date ({@link RetainedField#exemption()}). Such a
 * purpose must declare a retention: {@code build()} fails with {@link MissingRetentionException} otherwise. A
 * {@link ErasureScope#purposeEnded purpose-ended} scope of the keeping purpose itself ends its hold. What is kept
 * until a date is erased once due by {@link #releaseHeld(int)}, which the retention sweep also runs. Kept data may be
 * used only for the purpose that kept it (as restricted, Art. 18(1)(c), 18(2)); disclosures of a subject erased in
 * full are refused, and the subject's data key is destroyed only once nothing is kept.
 *
 * <p><b>Art. 17(2).</b> Data the controller made public is recorded with {@link #madePublic}, naming the controllers
 * known to process it. An erasure that covers it asks each of them, through the recipients' notifier, to erase any
 * links to, copies or replications of it, once per job even if the job is resumed, and the report lists them
 * ({@link ErasureReport#controllersInformed()}). A subject with no such record tells no one.
 *
 * <p>Usage example: <pre>{@code ErasureReport report = gdpr.erasure().erase(SubjectId.of("contact-42"));}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ErasureService {

  /**
   * Erases everything about the subject, cascading to related subjects as configured.
   *
   * @throws ErasureIncompleteException if a provider or a listener failed; the job stays pending
   * @throws ErasureInProgressException if an erasure of the subject is running, here or in another instance
   */
  ErasureReport erase(SubjectId subject);

  /**
   * Erases what the scope covers; a consent-withdrawal scope keeps data another purpose needs and does not
   * cascade, suppress, or touch the ledger.
   *
   * @throws ErasureIncompleteException if a provider or a listener failed; the job stays pending
   * @throws ErasureInProgressException if an erasure of the subject is running, here or in another instance
   */
  ErasureReport erase(SubjectId subject, ErasureScope scope);

  /**
   * Erases everything about many subjects as one batch, cascading as configured; see
   * {@link #eraseAll(Collection, ErasureScope)}.
   *
   * <p>Usage example: <pre>{@code Map<SubjectId, ErasureReport> done = gdpr.erasure().eraseAll(closedAccountContacts);}</pre>
   *
   * @since 0.2
   */
  Map<SubjectId, ErasureReport> eraseAll(Collection<SubjectId> subjects);

  /**
   * Erases what the scope covers of many subjects as one batch: each subject gets a durable job of its own, as with
   * {@link #erase(SubjectId, ErasureScope)}, with every guarantee of one (suppression, cascade, tombstone, report,
   * Art. 17(3) retention, Art. 17(2) and Art. 19 notices, each step once), but each provider erases the part of the
   * batch it holds in one {@link io.gdprkit.data.spi.PersonalDataProvider#eraseAll eraseAll} call, which a database
   * provider answers with statements that each cover hundreds of subjects instead of statements per subject.
   *
   * <p>Subjects are taken {@value #BATCH} at a time. A subject whose erasure another run holds, here or in another
   * instance, is left to it and missing from the result; so is a subject whose erasure failed in a provider or a
   * listener, whose job stays pending for {@link #resumePending()}, as after a failed {@link #erase}. A pending job
   * of the same scope that no run holds (a crashed instance's) is finished as part of the batch.
   *
   * <p>Usage example: <pre>{@code
   * Map<SubjectId, ErasureReport> done = gdpr.erasure().eraseAll(inactive, ErasureScope.categories(Set.of(BEHAVIOURAL)));
   * }</pre>
   *
   * @param subjects the subjects; a subject named twice is erased once
   * @return the report of each subject whose erasure completed in this call
   * @throws io.gdprkit.purpose.LegalBasisMismatchException if the scope is a consent withdrawal of a purpose not based
   *     on consent
   * @since 0.2
   */
  Map<SubjectId, ErasureReport> eraseAll(Collection<SubjectId> subjects, ErasureScope scope);

  /** How many subjects {@link #eraseAll} runs together at most. */
  int BATCH = 500;

  /**
   * Claims up to 100 pending jobs that no instance holds, or whose holder's lease ran out (a crashed instance's),
   * and finishes them; returns the reports of those that completed. Call it on a schedule from every instance.
   */
  List<ErasureReport> resumePending();

  /**
   * Claims up to {@code limit} pending jobs that no instance holds, or whose lease ran out, and finishes them; their
   * providers' parts are erased together, one {@link io.gdprkit.data.spi.PersonalDataProvider#eraseAll eraseAll} call
   * per provider, as in {@link #eraseAll(Collection, ErasureScope)}.
   *
   * @throws io.gdprkit.InvalidInputException if {@code limit} is not positive
   */
  List<ErasureReport> resumePending(int limit);

  /**
   * Records in the tombstone journal that the erased subject's data may be collected again, such as after the person
   * signed up anew; from then on consent, switch and source writes about the subject are accepted again, and
   * {@link #wasErased} answers false.
   *
   * <p>Usage example: <pre>{@code gdpr.erasure().allowRecollection(alice, Actor.staff("dpo-1")); gdpr.consents().grant(alice, "newsletter", proof);}</pre>
   *
   * @return whether the subject had a standing tombstone; false when it was never erased or already allowed
   * @throws ErasureInProgressException if an erasure of everything about the subject is running
   */
  boolean allowRecollection(SubjectId subject, Actor by);

  /**
   * After a database restore, erases again every candidate that the tombstone journal says was erased.
   *
   * @param candidates the subjects the restored stores hold, such as every contact id; consumed and closed
   */
  ReplayReport replayTombstones(Stream<SubjectId> candidates);

  /** Replays the journal over every subject the kit's consent store knows. */
  ReplayReport replayTombstones();

  /**
   * Returns whether the subject was erased, by its standing tombstone (no recollection allowed since). The tombstone is written once the providers, the
   * ledger and the source tags are erased and before the erasure listeners run, so it is already true while a job
   * that a listener failed stays pending for {@link #resumePending()}; from then on the recipients register refuses
   * disclosures of the subject.
   */
  boolean wasErased(SubjectId subject);

  /**
   * Returns the default tenant's kept erasure reports, newest last; they hold no personal data. Reads every page:
   * prefer {@link #records(TenantId, UUID, int)} for large registers.
   */
  List<ErasureReport> records();

  /**
   * Re-hashes up to {@code limit} of the tenant's tombstones made under an earlier version of the pseudonym key to its current
   * version; the re-keying job after {@link io.gdprkit.crypto.PseudonymKey#rekeyedTo}. Call it until it returns
   * {@code 0}; any number of instances may run it at once. {@link #wasErased} matches either form meanwhile.
   *
   * <p>Usage example: <pre>{@code while (gdpr.erasure().rekeyPseudonyms(tenant, 500) > 0) { }}</pre>
   *
   * @return how many tombstones this call re-hashed
   */
  int rekeyPseudonyms(TenantId tenant, int limit);

  /**
   * Returns up to {@code limit} of the tenant's kept reports in completion order, after the report of job
   * {@code after} ({@code null} for the first page).
   */
  List<ErasureReport> records(TenantId tenant, @Nullable UUID after, int limit);

  /** Returns the kept report of a completed job, such as the one an {@link ErasureInProgressException} named. */
  Optional<ErasureReport> report(UUID job);

  /**
   * Records that some of the subject's data was made public, for a purpose, and which other controllers are known to
   * process it (Art. 17(2)); audited as a disclosure. An erasure that covers the record (of everything, of its
   * purpose, or of one of its categories) asks each named controller to erase links to, copies and replications of
   * the data, then removes the record (or the categories it erased).
   *
   * <p>Usage example: <pre>{@code
   * gdpr.erasure().madePublic(alice, "member-directory", Set.of(DataCategory.CONTACT_DETAILS),
   *     "public member directory", Set.of("partner-portal"), Actor.staff("editor-3"));
   * }</pre>
   *
   * @param purpose the declared purpose for which the data was made public
   * @param categories the categories made public; each one the purpose needs
   * @param where where it was published, in words or a URL holding no personal data, at most 300 characters
   * @param controllers registered recipients of kind {@code THIRD_PARTY} or {@code JOINT_CONTROLLER} known to
   *     process the published data; may be empty
   * @throws io.gdprkit.purpose.UnknownPurposeException if the purpose is not declared
   * @throws io.gdprkit.InvalidInputException if a category is not one the purpose needs, {@code where} is blank or too
   *     long, or a controller is a recipient of another kind
   * @throws io.gdprkit.recipient.UnknownRecipientException if a controller is not registered in the subject's tenant
   * @throws ErasedSubjectException if the subject's erasure is under way or done
   * @since 0.2
   */
  Publication madePublic(SubjectId subject, String purpose, Set<DataCategory> categories, String where,
      Set<String> controllers, Actor by);

  /**
   * Returns the subject's records of data made public that no erasure has covered yet, oldest first.
   *
   * @since 0.2
   */
  List<Publication> publications(SubjectId subject);

  /**
   * Erases data that erasures kept until a date, now due: claims up to {@code limit} due holds, and for each runs the
   * erasure's scope again as a durable job, which erases what is due and keeps what is not; the hold then moves on to
   * the next date or goes. Call it on a schedule (the retention sweep does); any number of instances may run it.
   *
   * <p>A release skips records dated after the erasure that kept the data, tells the recipients nothing new (they were
   * told of the erasure) and calls no erasure listener; its {@link SubjectErased} destroys the subject's data key once
   * nothing is left. A release that fails stays pending for {@link #resumePending()}.
   *
   * <p>Usage example: <pre>{@code gdpr.erasure().releaseHeld(100).forEach(r -> log.info("released {}", r.releaseOf()));}</pre>
   *
   * @return the reports of the releases that completed
   * @throws io.gdprkit.InvalidInputException if {@code limit} is not positive
   * @since 0.2
   */
  List<ErasureReport> releaseHeld(int limit);
}

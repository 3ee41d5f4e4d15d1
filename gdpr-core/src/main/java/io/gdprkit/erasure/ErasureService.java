package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Erases a subject everywhere in one call: every provider with its per-field strategies, related subjects by
 * cascade, the consent ledger and source tags, with the subject's e-mail addresses and phone numbers put on the
 * suppression list and a tombstone written for replay after a restore.
 *
 * <p>An erasure is a durable job: progress is stored per provider, so after a crash or a failing provider
 * {@link #resumePending()} finishes it, and running an erasure twice is harmless. The report names the subject
 * by pseudonym only and is kept as proof. Thread-safe.
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
   */
  ErasureReport erase(SubjectId subject);

  /**
   * Erases what the scope covers; a consent-withdrawal scope keeps data another purpose needs and does not
   * cascade, suppress, or touch the ledger.
   *
   * @throws ErasureIncompleteException if a provider or a listener failed; the job stays pending
   */
  ErasureReport erase(SubjectId subject, ErasureScope scope);

  /** Finishes every pending job, such as those a crash left; returns their reports. */
  List<ErasureReport> resumePending();

  /**
   * After a database restore, erases again every candidate that the tombstone journal says was erased.
   *
   * @param candidates the subjects the restored stores hold, such as every contact id; consumed and closed
   */
  ReplayReport replayTombstones(Stream<SubjectId> candidates);

  /** Replays the journal over every subject the kit's consent store knows. */
  ReplayReport replayTombstones();

  /**
   * Returns whether the subject was erased, by its tombstone. The tombstone is written once the providers, the
   * ledger and the source tags are erased and before the erasure listeners run, so it is already true while a job
   * that a listener failed stays pending for {@link #resumePending()}; from then on the recipients register refuses
   * disclosures of the subject.
   */
  boolean wasErased(SubjectId subject);

  /** Returns the kept erasure reports, newest last; they hold no personal data. */
  List<ErasureReport> records();

  /**
   * Re-hashes up to {@code limit} tombstones made under an earlier version of the pseudonym key to its current
   * version; the re-keying job after {@link io.gdprkit.crypto.PseudonymKey#rekeyedTo}. Call it until it returns
   * {@code 0}; any number of instances may run it at once. {@link #wasErased} matches either form meanwhile.
   *
   * <p>Usage example: <pre>{@code while (gdpr.erasure().rekeyPseudonyms(500) > 0) { }}</pre>
   *
   * @return how many tombstones this call re-hashed
   */
  int rekeyPseudonyms(int limit);
}

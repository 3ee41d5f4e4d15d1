package io.gdprkit.retention;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.PendingConsent;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Applies the kit's retention rules and re-permission campaigns: a sweep finds due subjects in bounded
 * batches and erases or anonymises them.
 *
 * <p>The host records activity (a login, an order, an opened e-mail); a subject with no recorded activity is
 * never due under a rule. Sweeps may run from several threads or instances at once: each subject is claimed
 * before it is processed, so none is processed twice. Thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * gdpr.retention().recordActivity(alice, order.placedAt());
 * SweepReport report = gdpr.retention().sweep(500);   // from a scheduler, until report.more() is false
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RetentionService {

  /** Returns the declared rules. */
  List<RetentionRule> rules();

  /** Records activity of the subject at a time; an earlier time than the last one recorded changes nothing. */
  void recordActivity(SubjectId subject, Instant at);

  /** Returns the subject's last recorded activity. */
  Optional<Instant> lastActivity(SubjectId subject);

  /**
   * Asks subjects for a new consent: records a pending double opt-in for each and hands it to {@code invite},
   * which sends the confirmation link. Subjects whose consent is granted and valid are left out.
   *
   * @param window how long they have to answer
   * @throws io.gdprkit.purpose.UnknownPurposeException if the purpose is not declared
   * @throws io.gdprkit.purpose.LegalBasisMismatchException if it is not a consent purpose
   * @throws io.gdprkit.InvalidInputException if a campaign with this id exists
   */
  CampaignReport startCampaign(String id, String purpose, Stream<SubjectId> subjects, Duration window,
      Consumer<PendingConsent> invite);

  /** Returns the campaigns started, oldest first. */
  List<Campaign> campaigns();

  /**
   * Processes up to {@code batchSize} due subjects per rule and per campaign past its deadline, then erases up to
   * {@code batchSize} erasures' data kept until a date that has passed (Art. 17(3); {@code erasure().releaseHeld}).
   *
   * @return counts, and whether more subjects are due
   */
  SweepReport sweep(int batchSize);
}

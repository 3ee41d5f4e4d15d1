package io.gdprkit.gpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Honours Global Privacy Control signals (W3C GPC draft) as the configured {@link GpcPolicy} says: a signal withdraws
 * the consent of the mapped purposes (Art. 7(3)) and records an objection to others (Art. 21(5): "the data subject may
 * exercise his or her right to object by automated means using technical specifications").
 *
 * <p>Nothing happens silently: every withdrawal is a ledger event whose proof names the channel
 * {@link io.gdprkit.consent.ConsentChannel#GLOBAL_PRIVACY_CONTROL} and the mechanism, every objection an objection
 * change by the subject, and the signal itself a {@link GpcSignalRecord} (source, time, page origin, keyed hash of the
 * user agent; no IP address); each is published as an event and audited, all in one unit of work. A signal repeats
 * on every request (GPC §3.3), so applying it is idempotent: once its effect is on record, the same signal writes
 * nothing. Requests racing on the same subject, on one instance or several, make and record each withdrawal and
 * objection once: every write carries the sequence its check read, the store refuses a stale one, and the loser
 * re-reads and finds the change made (the stores' sequence checks decide, never a lock in one JVM). Each racing
 * request records the changes it made itself, so their records may split the changes between them. A choice the
 * person made directly is treated by the policy's {@link GpcConflictRule}.
 *
 * <p>Thread-safe. The subject is whoever the host knows the request to come from; for a visitor the host knows only
 * by a cookie, that is a pseudonymous subject id (the CCPA regulations apply the signal to pseudonymous profiles too).
 *
 * <p>Usage example: <pre>{@code
 * GpcSignal.fromHeaders(headers).map(s -> s.atPage(pageUrl)).ifPresent(s -> gdpr.gpc().apply(alice, s));
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface GpcService {

  /**
   * Applies a signal received from the subject: withdraws and objects as the policy maps it, records the signal when
   * it is the subject's first or changed anything, and returns what it did.
   *
   * <p>Reads only, with no unit of work opened, when there is nothing to do, as for a repeated signal. For a subject
   * whose erasure is under way or done nothing is recorded: there is nothing left to protect, and a record would
   * bring the subject back. Apply the signal before recording a form's consent on the same request, so that the
   * consent counts as given after the signal.
   *
   * @return what the signal did; {@link GpcOutcome#nothing()} when the policy maps no purpose
   * @throws io.gdprkit.consent.ConsentConflictException if writers of the same subject kept winning every retry
   */
  GpcOutcome apply(SubjectId subject, GpcSignal signal);

  /** Returns the subject's signal records, oldest first: its first signal and each that changed anything. */
  List<GpcSignalRecord> history(SubjectId subject);

  /** Returns the policy the kit was built with. */
  GpcPolicy policy();

  /**
   * Returns the {@code /.well-known/gpc.json} resource (GPC §4): {@code gpc} is {@code true} when the policy maps any
   * purpose, and {@code lastUpdate} is the policy's date.
   */
  GpcSupportResource supportResource();
}

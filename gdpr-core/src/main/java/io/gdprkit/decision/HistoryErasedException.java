package io.gdprkit.decision;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Thrown by {@link DecisionService#decideAt} when the subject was erased in full and its ledger can no longer answer
 * for the instant asked about.
 *
 * <p>Why a typed error rather than a decision: an erasure of everything removes the subject's consent ledger and
 * its restriction, objection and switch histories (Art. 17(1)); only a tombstone with the erasure's time remains. For
 * an instant before the erasure, nothing is left to show what was allowed, and a guess either way would be a claim
 * the controller cannot demonstrate (Art. 5(2), 7(1)). For an instant at or after it, before any new collection was
 * allowed, the subject counted as erased; data kept under Art. 17(3) is processed under its retention, not through
 * decisions. {@link #erasedBefore()} tells the two apart; {@link #erasedAt()} is the proof the tombstone gives.
 *
 * <p>Usage example: <pre>{@code
 * try { gdpr.decideAt(alice, "newsletter", sentAt); }
 * catch (HistoryErasedException e) { if (e.erasedBefore()) reportSentAfterErasure(e.erasedAt()); }
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class HistoryErasedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final Instant at;
  private final Instant erasedAt;

  private HistoryErasedException(SubjectId subject, Instant at, Instant erasedAt) {
    super("what was allowed for subject " + Messages.quote(subject) + " at " + at + " cannot be shown: "
        + (at.isBefore(erasedAt)
            ? "the subject was erased in full at " + erasedAt + " and its consent ledger with it"
            : "the subject had been erased in full at " + erasedAt + " and no new collection was allowed by then"));
    this.subject = subject;
    this.at = at;
    this.erasedAt = erasedAt;
  }

  /**
   * Creates the exception.
   *
   * @param at the instant asked about
   * @param erasedAt when the subject was erased in full, from its tombstone
   */
  public static HistoryErasedException of(SubjectId subject, Instant at, Instant erasedAt) {
    return new HistoryErasedException(subject, at, erasedAt);
  }

  /** Returns the subject. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the instant asked about. */
  public Instant at() {
    return at;
  }

  /** Returns when the subject was erased in full, from its tombstone. */
  public Instant erasedAt() {
    return erasedAt;
  }

  /**
   * Returns whether the erasure came at or before the instant asked about: the subject counted as erased then. When
   * {@code false}, the erasure came later and took the ledger that would have answered.
   */
  public boolean erasedBefore() {
    return !at.isBefore(erasedAt);
  }
}

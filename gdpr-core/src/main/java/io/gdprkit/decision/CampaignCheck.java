package io.gdprkit.decision;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Which subjects of one batch of a campaign were allowed to receive it at its send time, checked after the fact.
 *
 * <p>Why: a controller must be able to show that each send of a campaign rested on a lawful basis at the time it went
 * out (Art. 5(2), 7(1)), even when subjects withdrew later, which does not make the earlier processing unlawful
 * (Art. 7(3)). Each subject is decided as {@link DecisionService#decideAt} decides; the check is bounded to
 * {@value #MAX_SUBJECTS} subjects a call, so a campaign of any size is checked batch by batch without loading its
 * whole audience.
 *
 * <p>Usage example: <pre>{@code
 * CampaignCheck check = gdpr.decisions().checkCampaign(batch, "newsletter", sentAt);
 * check.denied().forEach(d -> report(d.subject(), d.reason(), d.consent()));
 * }</pre>
 *
 * @param purpose the purpose's id
 * @param sentAt the instant the campaign was sent
 * @param allowed the decisions that allowed the send, in the order the subjects were given
 * @param denied the decisions that did not, in the order the subjects were given
 * @param erased the subjects whose ledger an erasure removed, so that what was allowed cannot be shown; see
 *     {@link HistoryErasedException}
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record CampaignCheck(String purpose, Instant sentAt, List<HistoricalDecision> allowed,
    List<HistoricalDecision> denied, List<Erased> erased) {

  /** The most subjects one check takes. */
  public static final int MAX_SUBJECTS = 1_000;

  /** Validates the fields and copies the lists. */
  public CampaignCheck {
    Preconditions.notBlank(purpose, "purpose");
    Preconditions.notNull(sentAt, "sentAt");
    allowed = List.copyOf(Preconditions.notNull(allowed, "allowed"));
    denied = List.copyOf(Preconditions.notNull(denied, "denied"));
    erased = List.copyOf(Preconditions.notNull(erased, "erased"));
  }

  /** Returns whether every subject checked can be shown to have been allowed at the send time. */
  public boolean allAllowed() {
    return denied.isEmpty() && erased.isEmpty();
  }

  /** Returns how many subjects were checked. */
  public int checked() {
    return allowed.size() + denied.size() + erased.size();
  }

  /**
   * A subject of the batch that was erased in full, so that its ledger cannot show what was allowed at the send time.
   *
   * @param subject the subject, as given
   * @param erasedAt when it was erased in full, from its tombstone
   * @param erasedBefore whether the erasure came at or before the send time, so that the subject counted as erased then
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record Erased(SubjectId subject, Instant erasedAt, boolean erasedBefore) {

    /** Validates the fields. */
    public Erased {
      Preconditions.notNull(subject, "subject");
      Preconditions.notNull(erasedAt, "erasedAt");
    }
  }
}

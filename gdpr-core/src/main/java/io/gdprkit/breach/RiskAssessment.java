package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One assessment of a breach's risk: the level, why, who assessed it and when.
 *
 * <p>The controller must be able to show why a breach was or was not notified (Art. 33(5): "the facts relating to the
 * personal data breach, its effects and the remedial action taken"), so every assessment is kept, a revision
 * included, in the order made; the latest decides what is due.
 *
 * <p>Usage example: <pre>{@code breach.assessment().map(RiskAssessment::level).orElse(null)}</pre>
 *
 * @param level the assessed likelihood and severity of the risk
 * @param rationale why, such as "encrypted with AES-256, key not exposed"; the controller's words, kept in the
 *     register but never written to the audit trail
 * @param assessedBy who assessed it
 * @param assessedAt when it was recorded, from the kit's clock
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RiskAssessment(RiskLevel level, String rationale, Actor assessedBy, Instant assessedAt) {

  /**
   * Validates the fields.
   *
   * @throws io.gdprkit.InvalidInputException if the rationale is blank, too long or holds control characters
   */
  public RiskAssessment {
    Preconditions.notNull(level, "risk level");
    Preconditions.text(rationale, "risk rationale", BreachDetails.MAX_TEXT);
    Preconditions.notNull(assessedBy, "assessedBy");
    Bounds.instant(assessedAt, "assessedAt");
  }
}

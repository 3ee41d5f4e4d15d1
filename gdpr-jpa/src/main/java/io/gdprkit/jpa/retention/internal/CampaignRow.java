package io.gdprkit.jpa.retention.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.retention.Campaign;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_retention_campaign}: a re-permission campaign, whose members who do not give the consent
 * asked for by the deadline are erased.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprRetentionCampaign")
@Table(name = "gdpr_retention_campaign")
public class CampaignRow {

  @Id
  @Column(name = "id", length = 64, nullable = false)
  private @Nullable String id;

  @Column(name = "purpose", length = 64, nullable = false)
  private @Nullable String purpose;

  @Column(name = "started_at", nullable = false)
  private @Nullable Instant startedAt;

  @Column(name = "deadline", nullable = false)
  private @Nullable Instant deadline;

  /** For JPA. */
  protected CampaignRow() {}

  /** Returns the campaign this row holds. */
  public Campaign toCampaign() {
    return new Campaign(id, purpose, startedAt, deadline);
  }
}

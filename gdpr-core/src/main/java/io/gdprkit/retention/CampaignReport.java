package io.gdprkit.retention;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * What starting a re-permission campaign did, in counts.
 *
 * @param campaign the campaign
 * @param invited subjects asked and now awaiting their answer
 * @param alreadyGranted subjects left out because their consent is already granted and valid
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CampaignReport(Campaign campaign, long invited, long alreadyGranted) {

  /** Validates the campaign. */
  public CampaignReport {
    Preconditions.notNull(campaign, "campaign");
  }
}

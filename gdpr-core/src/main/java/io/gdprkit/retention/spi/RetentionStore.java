package io.gdprkit.retention.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.retention.Campaign;
import io.gdprkit.retention.internal.InMemoryRetentionStore;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Stores last activity per subject, which subjects a rule already processed, and campaigns with their members.
 * Thread-safe; the claims must be atomic across every instance sharing the store.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().retentionStore(RetentionStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RetentionStore {

  /** Returns a new store that keeps everything in this JVM's memory. */
  static RetentionStore inMemory() {
    return new InMemoryRetentionStore();
  }

  /** Raises the subject's last activity to {@code at} if later. */
  void recordActivity(SubjectId subject, Instant at);

  /** Returns the subject's last activity. */
  Optional<Instant> lastActivity(SubjectId subject);

  /**
   * Returns up to {@code limit} subjects whose last activity is before {@code cutoff} and that rule
   * {@code ruleId} has not processed since that activity, ordered by id after {@code after}.
   */
  List<SubjectId> due(String ruleId, Instant cutoff, @Nullable SubjectId after, int limit);

  /**
   * Claims a subject for a rule at its current last activity; only one caller wins, and nobody wins for a subject
   * whose activity was erased meanwhile (an erasure purges activity before claims).
   *
   * @return whether this caller won the claim
   */
  boolean claim(String ruleId, SubjectId subject);

  /** Saves a new campaign. @return false if one with this id exists */
  boolean addCampaign(Campaign campaign);

  /** Returns every campaign, oldest first. */
  List<Campaign> campaigns();

  /** Adds a subject to a campaign's members. */
  void addMember(String campaignId, SubjectId subject);

  /** Returns up to {@code limit} members still awaiting processing, ordered by id after {@code after}. */
  List<SubjectId> members(String campaignId, @Nullable SubjectId after, int limit);

  /** Removes a member; only one caller gets true. */
  boolean claimMember(String campaignId, SubjectId subject);

  /** Forgets the subject everywhere: activity, claims and memberships. */
  void erase(SubjectId subject);
}

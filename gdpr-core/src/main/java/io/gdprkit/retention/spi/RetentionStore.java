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
   * Claims a subject for a rule at its current last activity, for {@code owner} until {@code leaseUntil}: wins unless
   * the rule processed the subject at this activity, or another owner holds a lease that has not ended at
   * {@code now}, or the subject's activity was erased. A database maps it to a row locked with
   * {@code SELECT … FOR UPDATE SKIP LOCKED}; a sweep that dies leaves the lease to run out, and the subject is
   * claimed again after that.
   *
   * @return whether this caller won the claim
   */
  boolean claim(String ruleId, SubjectId subject, String owner, Instant now, Instant leaseUntil);

  /** Marks the subject processed by the rule at the activity {@code owner} claimed it at; nothing if not held. */
  void complete(String ruleId, SubjectId subject, String owner);

  /** Gives up {@code owner}'s claim without marking the subject processed, so the next sweep claims it again. */
  void release(String ruleId, SubjectId subject, String owner);

  /** Saves a new campaign. @return false if one with this id exists */
  boolean addCampaign(Campaign campaign);

  /** Returns every campaign, oldest first. */
  List<Campaign> campaigns();

  /** Adds a subject to a campaign's members. */
  void addMember(String campaignId, SubjectId subject);

  /** Returns up to {@code limit} members still awaiting processing, ordered by id after {@code after}. */
  List<SubjectId> members(String campaignId, @Nullable SubjectId after, int limit);

  /**
   * Claims a member for {@code owner} until {@code leaseUntil}, leaving it a member; wins unless another owner holds a
   * lease that has not ended at {@code now} or the subject is no member.
   *
   * @return whether this caller won the claim
   */
  boolean claimMember(String campaignId, SubjectId subject, String owner, Instant now, Instant leaseUntil);

  /** Removes a member that {@code owner} claimed; nothing if not held. */
  void completeMember(String campaignId, SubjectId subject, String owner);

  /** Gives up {@code owner}'s claim on a member, which stays a member. */
  void releaseMember(String campaignId, SubjectId subject, String owner);

  /** Forgets the subject everywhere: activity, claims and memberships. */
  void erase(SubjectId subject);
}

package io.gdprkit.retention.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.retention.Campaign;
import io.gdprkit.retention.spi.RetentionStore;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Activity, claims and campaigns in memory. {@link #due} scans subjects in id order; a database store would
 * use an index on the last activity.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryRetentionStore implements RetentionStore, InMemoryStore {

  private final Map<SubjectId, Instant> activity = new ConcurrentHashMap<>();
  private final NavigableSet<SubjectId> subjects = new ConcurrentSkipListSet<>();
  private final Map<String, Map<SubjectId, Instant>> processed = new ConcurrentHashMap<>();
  private final List<Campaign> campaigns = new ArrayList<>();
  private final Map<String, NavigableSet<SubjectId>> members = new ConcurrentHashMap<>();
  /** Claims held by sweeps, by rule id or by campaign id prefixed with {@code campaign:}. */
  private final Map<String, Map<SubjectId, Lease>> leases = new HashMap<>();

  /** A claim: who holds it, until when, and the activity it was made at. */
  private record Lease(String owner, Instant until, @Nullable Instant activity) {
    boolean heldAgainst(String other, Instant now) {
      return !owner.equals(other) && until.isAfter(now);
    }
  }

  /** Synchronised with {@link #erase}: activity and the subject index change together. */
  @Override
  public synchronized void recordActivity(SubjectId subject, Instant at) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(at, "at");
    activity.merge(subject, at, (old, next) -> next.isAfter(old) ? next : old);
    subjects.add(subject);
  }

  @Override
  public Optional<Instant> lastActivity(SubjectId subject) {
    return Optional.ofNullable(activity.get(subject));
  }

  @Override
  public List<SubjectId> due(String ruleId, Instant cutoff, @Nullable SubjectId after, int limit) {
    Preconditions.positive(limit, "limit");
    Map<SubjectId, Instant> done = processed.getOrDefault(ruleId, Map.of());
    List<SubjectId> due = new ArrayList<>();
    for (SubjectId subject : after == null ? subjects : subjects.tailSet(after, false)) {
      Instant last = activity.get(subject);
      if (last != null && last.isBefore(cutoff) && !last.equals(done.get(subject))) {
        due.add(subject);
        if (due.size() == limit) {
          break;
        }
      }
    }
    return due;
  }

  @Override
  public synchronized boolean claim(String ruleId, SubjectId subject, String owner, Instant now, Instant leaseUntil) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notBlank(owner, "owner");
    Instant last = activity.get(subject);
    Map<SubjectId, Lease> held = leases.computeIfAbsent(ruleId, id -> new HashMap<>());
    Lease lease = held.get(subject);
    if (last == null || last.equals(processed.getOrDefault(ruleId, Map.of()).get(subject))
        || lease != null && lease.heldAgainst(owner, now)) {
      return false;
    }
    held.put(subject, new Lease(owner, leaseUntil, last));
    return true;
  }

  @Override
  public synchronized void complete(String ruleId, SubjectId subject, String owner) {
    Map<SubjectId, Lease> held = leases.get(ruleId);
    Lease lease = held == null ? null : held.get(subject);
    if (lease != null && lease.owner().equals(owner)) {
      held.remove(subject);
      // an erasure may have purged the subject since it was claimed: then there is nothing to mark
      if (lease.activity() != null && lease.activity().equals(activity.get(subject))) {
        processed.computeIfAbsent(ruleId, id -> new ConcurrentHashMap<>()).put(subject, lease.activity());
      }
    }
  }

  @Override
  public synchronized void release(String ruleId, SubjectId subject, String owner) {
    Map<SubjectId, Lease> held = leases.get(ruleId);
    if (held != null && held.containsKey(subject) && held.get(subject).owner().equals(owner)) {
      held.remove(subject);
    }
  }

  @Override
  public synchronized boolean addCampaign(Campaign campaign) {
    if (campaigns.stream().anyMatch(c -> c.id().equals(campaign.id()))) {
      return false;
    }
    campaigns.add(campaign);
    return true;
  }

  @Override
  public synchronized List<Campaign> campaigns() {
    return List.copyOf(campaigns);
  }

  @Override
  public void addMember(String campaignId, SubjectId subject) {
    members.computeIfAbsent(campaignId, id -> new ConcurrentSkipListSet<>()).add(subject);
  }

  @Override
  public List<SubjectId> members(String campaignId, @Nullable SubjectId after, int limit) {
    Preconditions.positive(limit, "limit");
    NavigableSet<SubjectId> all = members.get(campaignId);
    if (all == null) {
      return List.of();
    }
    return (after == null ? all : all.tailSet(after, false)).stream().limit(limit).toList();
  }

  @Override
  public synchronized boolean claimMember(String campaignId, SubjectId subject, String owner, Instant now,
      Instant leaseUntil) {
    Preconditions.notBlank(owner, "owner");
    NavigableSet<SubjectId> all = members.get(campaignId);
    Map<SubjectId, Lease> held = leases.computeIfAbsent("campaign:" + campaignId, id -> new HashMap<>());
    Lease lease = held.get(subject);
    if (all == null || !all.contains(subject) || lease != null && lease.heldAgainst(owner, now)) {
      return false;
    }
    held.put(subject, new Lease(owner, leaseUntil, null));
    return true;
  }

  @Override
  public synchronized void completeMember(String campaignId, SubjectId subject, String owner) {
    Map<SubjectId, Lease> held = leases.get("campaign:" + campaignId);
    Lease lease = held == null ? null : held.get(subject);
    if (lease != null && lease.owner().equals(owner)) {
      held.remove(subject);
      NavigableSet<SubjectId> all = members.get(campaignId);
      if (all != null) {
        all.remove(subject);
      }
    }
  }

  @Override
  public synchronized void releaseMember(String campaignId, SubjectId subject, String owner) {
    release("campaign:" + campaignId, subject, owner);
  }

  @Override
  public synchronized void erase(SubjectId subject) {
    activity.remove(subject); // first: a claim racing with this purge then fails (see claim)
    subjects.remove(subject);
    processed.values().forEach(done -> done.remove(subject));
    members.values().forEach(set -> set.remove(subject));
    leases.values().forEach(held -> held.remove(subject));
  }
}

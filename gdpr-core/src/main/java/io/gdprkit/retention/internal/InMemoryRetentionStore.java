package io.gdprkit.retention.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.retention.Campaign;
import io.gdprkit.retention.spi.RetentionStore;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
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
  public boolean claim(String ruleId, SubjectId subject) {
    Instant last = activity.get(subject);
    if (last == null) {
      return false;
    }
    boolean[] won = {false};
    processed.computeIfAbsent(ruleId, id -> new ConcurrentHashMap<>()).compute(subject, (s, done) -> {
      // Re-read the activity inside the atomic step: an erasure may have purged the subject (activity first,
      // then the claims) since it was read, and a purged subject must not be claimed again.
      if (last.equals(done) || !last.equals(activity.get(subject))) {
        return done;
      }
      won[0] = true;
      return last;
    });
    return won[0];
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
  public boolean claimMember(String campaignId, SubjectId subject) {
    NavigableSet<SubjectId> all = members.get(campaignId);
    return all != null && all.remove(subject);
  }

  @Override
  public synchronized void erase(SubjectId subject) {
    activity.remove(subject); // first: a claim racing with this purge then fails (see claim)
    subjects.remove(subject);
    processed.values().forEach(done -> done.remove(subject));
    members.values().forEach(set -> set.remove(subject));
  }
}

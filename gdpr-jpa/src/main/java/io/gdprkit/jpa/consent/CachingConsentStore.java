package io.gdprkit.jpa.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.consent.RightToObjectPresentation;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.SwitchChange;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A per-instance cache of each subject's current consents in front of a {@link JpaConsentStore}, for hosts whose
 * decisions are too many for one indexed lookup each: {@code decide} then costs a hash lookup.
 *
 * <p><b>Staleness bound.</b> A cached snapshot is served for at most {@link ConsentCacheOptions#staleness()} after it
 * was read from the database (measured from before the read, on the options' ticker); a later read finds it expired
 * and reads the database again. That bound holds whatever else happens, so a withdrawal made through any instance is
 * honoured by every instance within it (Art. 7(3)), and so are restrictions (Art. 18) and objections (Art. 21).
 * Within the bound, two things make a change take hold sooner:
 * <ul>
 *   <li>a write through this store removes the subject's entry at once and again when its unit of work commits, so
 *       this instance never serves its own superseded state;</li>
 *   <li>{@link #poll()} reads the change feed, the snapshot rows stamped with the database's time since the last
 *       poll ({@code V1_13__gdpr_consent_feed.sql}), and removes every entry older than the row: a host that polls
 *       every second honours another instance's withdrawal within about a second. Every instance writes the stamp,
 *       cached or not; nothing of the feed lives in one JVM.</li>
 * </ul>
 * An erasure made through another instance deletes the subject's rows, which the feed cannot report; it takes hold
 * here within the staleness bound.
 *
 * <p>Inside a unit of work (the kit's, or the host's open transaction when the kit joins it) reads go to the database
 * and are not cached, so a unit sees its own uncommitted writes and a unit that rolls back leaves nothing behind.
 * Every other method goes to the store unchanged.
 *
 * <p>Thread-safe. Usage example: <pre>{@code
 * CachingConsentStore consents = new CachingConsentStore(new JpaConsentStore(tx), ConsentCacheOptions.defaults());
 * scheduler.scheduleWithFixedDelay(consents::poll, 1, 1, TimeUnit.SECONDS);
 * GdprKit gdpr = GdprKit.builder().transactions(tx).consentStore(consents).build();
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class CachingConsentStore implements ConsentStore {

  /** How many changes one query of a poll reads. */
  static final int PAGE = 500;

  private final JpaConsentStore store;
  private final JpaTransactions transactions;
  private final ConsentCacheOptions options;
  private final ConsentFeed feed;
  private final Cache<SubjectId, Cached> cache;
  private final Function<SubjectId, Cached> loader = this::load;
  private final Object polling = new Object();
  private @Nullable Instant latestChange;

  /**
   * Creates the cache in front of {@code store}, reading where the change feed stands now, so that a poll finds
   * every change made from here on.
   */
  public CachingConsentStore(JpaConsentStore store, ConsentCacheOptions options) {
    this.store = Preconditions.notNull(store, "store");
    this.options = Preconditions.notNull(options, "options");
    this.transactions = store.transactions();
    this.feed = new ConsentFeed(transactions);
    long bound = options.staleness().toNanos();
    this.cache = Caffeine.newBuilder()
        .maximumSize(options.maximumSize())
        .ticker(options.ticker())
        .expireAfter(new Expiry<SubjectId, Cached>() {
          @Override
          public long expireAfterCreate(SubjectId subject, Cached cached, long now) {
            return Math.max(0, bound - (now - cached.readAt()));
          }

          @Override
          public long expireAfterUpdate(SubjectId subject, Cached cached, long now, long remaining) {
            return expireAfterCreate(subject, cached, now);
          }

          @Override
          public long expireAfterRead(SubjectId subject, Cached cached, long now, long remaining) {
            return remaining;
          }
        })
        .build();
    this.latestChange = feed.latest();
  }

  /** Returns the options the cache was created with. */
  public ConsentCacheOptions options() {
    return options;
  }

  /** Returns how many subjects are cached now; entries that expired but were not yet evicted may count. */
  public long size() {
    return cache.estimatedSize();
  }

  /**
   * Reads the change feed from a little before the latest change the last poll saw ({@link
   * ConsentCacheOptions#lookBack()}) and removes every cached subject whose snapshot changed since it was cached. A
   * host calls it on a schedule; polls of one cache run one at a time.
   *
   * @return how many cached subjects were removed
   */
  public int poll() {
    synchronized (polling) {
      Instant seen = latestChange;
      int[] removed = {0};
      List<ConsentFeed.Change> page = feed.since(seen == null ? null : seen.minus(options.lookBack()), PAGE);
      while (true) {
        for (ConsentFeed.Change change : page) {
          if (seen == null || change.changedAt().isAfter(seen)) {
            seen = change.changedAt();
          }
          // blocks on a load of the subject in flight, so that its result is compared too
          cache.asMap().computeIfPresent(change.subject(), (subject, cached) -> {
            if (cached.version() >= change.version()) {
              return cached;
            }
            removed[0]++;
            return null;
          });
        }
        if (page.size() < PAGE) {
          break;
        }
        page = feed.after(page.get(page.size() - 1), PAGE);
      }
      latestChange = seen;
      return removed[0];
    }
  }

  /**
   * Returns the subject's current consents: from the cache when an entry younger than the staleness bound is there,
   * otherwise from the store, then cached; inside a unit of work always from the store.
   */
  @Override
  public SubjectConsents current(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    if (transactions.inUnit()) {
      return store.current(subject);
    }
    return cache.get(subject, loader).consents();
  }

  private Cached load(SubjectId subject) {
    long readAt = options.ticker().read(); // before the read: the bound counts from the oldest moment it may show
    JpaConsentStore.Versioned read = store.versioned(subject);
    return new Cached(read.consents(), read.version(), readAt);
  }

  /** Removes the subject now, for the rest of this unit of work, and again once the unit commits. */
  private void changed(SubjectId subject) {
    cache.invalidate(subject);
    transactions.afterCommit(() -> cache.invalidate(subject));
  }

  @Override
  public void append(ConsentEvent event) {
    Preconditions.notNull(event, "event");
    try {
      store.append(event);
    } finally {
      changed(event.subject());
    }
  }

  @Override
  public void appendAll(List<ConsentEvent> events) {
    Preconditions.notNull(events, "events");
    try {
      store.appendAll(events);
    } finally {
      Set<SubjectId> subjects = new LinkedHashSet<>();
      for (ConsentEvent event : events) {
        subjects.add(event.subject());
      }
      subjects.forEach(this::changed);
    }
  }

  @Override
  public List<ConsentEvent> history(SubjectId subject) {
    return store.history(subject);
  }

  @Override
  public List<ConsentEvent> history(SubjectId subject, String purpose) {
    return store.history(subject, purpose);
  }

  @Override
  public List<ConsentEvent> historyUntil(SubjectId subject, Instant until) {
    return store.historyUntil(subject, until);
  }

  @Override
  public void recordSwitch(SwitchChange change) {
    Preconditions.notNull(change, "change");
    try {
      store.recordSwitch(change);
    } finally {
      changed(change.subject());
    }
  }

  @Override
  public List<SwitchChange> switchHistory(SubjectId subject) {
    return store.switchHistory(subject);
  }

  @Override
  public void recordRestriction(RestrictionChange change) {
    Preconditions.notNull(change, "change");
    try {
      store.recordRestriction(change);
    } finally {
      changed(change.subject());
    }
  }

  @Override
  public List<RestrictionChange> restrictionHistory(SubjectId subject) {
    return store.restrictionHistory(subject);
  }

  @Override
  public void recordObjection(ObjectionChange change) {
    Preconditions.notNull(change, "change");
    try {
      store.recordObjection(change);
    } finally {
      changed(change.subject());
    }
  }

  @Override
  public List<ObjectionChange> objectionHistory(SubjectId subject) {
    return store.objectionHistory(subject);
  }

  @Override
  public void recordRightToObjectPresented(RightToObjectPresentation presentation) {
    Preconditions.notNull(presentation, "presentation");
    try {
      store.recordRightToObjectPresented(presentation);
    } finally {
      changed(presentation.subject());
    }
  }

  @Override
  public List<RightToObjectPresentation> rightToObjectPresentations(SubjectId subject) {
    return store.rightToObjectPresentations(subject);
  }

  @Override
  public List<SubjectId> subjects(@Nullable SubjectId after, int limit) {
    return store.subjects(after, limit);
  }

  @Override
  public int erase(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    try {
      return store.erase(subject);
    } finally {
      changed(subject);
    }
  }

  @Override
  public List<ConsentState> grantedExpiringBy(Instant cutoff, int limit) {
    return store.grantedExpiringBy(cutoff, limit);
  }

  /** A subject's snapshot as read, its row's version, and the ticker's time just before it was read. */
  private record Cached(SubjectConsents consents, long version, long readAt) {}
}

package io.gdprkit.jpa.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.github.benmanes.caffeine.cache.Ticker;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.consent.RightToObjectPresentation;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.SwitchChange;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.consent.spi.DecisionMemo;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.subject.SubjectId;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A per-instance cache of each subject's current consents in front of a {@link JpaConsentStore}, for hosts whose
 * decisions are too many for one indexed lookup each: {@code decide} then costs a hash lookup.
 *
 * <p><b>What it holds.</b> It is also a {@link DecisionMemo}: for a subject the kit decided on, it holds the verdicts
 * the decision service worked out from the subject's snapshot (the decision for every declared purpose, restriction,
 * objections and switches applied) instead of the snapshot, in an entry that every subject with the same verdicts,
 * row version and expiry shares; a cached decision is then a hash lookup and a few reads of objects that stay in the
 * processor's cache, and the cache costs little more than a map's node a subject. For a subject the host reads with
 * {@link #current} (the preference center, a denial's evidence, an export), it holds the snapshot as well. Both go
 * and come back together: whatever removes a subject's entry removes both.
 *
 * <p><b>Staleness bound.</b> A cached entry is served for at most {@link ConsentCacheOptions#staleness()} after its
 * row was read from the database (measured from the coarse clock's time before the read, which is never ahead of the
 * options' ticker); a later read finds it expired and reads the database again. That bound holds whatever the change
 * feed does, so a withdrawal made through any instance is honoured by every instance within it (Art. 7(3)), and so
 * are restrictions (Art. 18) and objections (Art. 21). Within the bound, two things make a change take hold sooner:
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
 * <p><b>How the bound is kept without reading a clock per decision.</b> Reading the ticker costs about as much as the
 * rest of a cached decision (some 45 ns on a virtual machine, where {@code System.nanoTime} is not a plain counter
 * read), so a decision does not read it. The cache keeps a coarse clock of its own, one {@code volatile long} shared
 * by every thread, which a daemon thread (one per JVM, shared by every cache) sets from the ticker every tick (a tenth
 * of the bound, from 1 to 100 ms), and {@link #poll()} too; between two ticks it lags the ticker by less than one tick.
 * Each entry carries the coarse time at which it must no longer be served, {@code readAt + staleness - tick}, with
 * {@code readAt} the coarse clock's time just before the read, which is never later than the ticker's: serving it
 * only while the coarse clock is before that time serves it for less than {@code staleness} after the read began.
 * (A bound of one tick or less caches nothing.) Taking {@code readAt} from the coarse clock rather than the ticker
 * also gives the subjects read within one tick the same expiry, which lets them share one entry. A decision is then a
 * hash lookup, one read of the shared clock and a comparison, and allocates nothing. The clock is shared, not counted
 * per thread, so a thread that decides rarely sees the same time as one that decides all the time. Other shapes were
 * weighed: Caffeine with per-entry expiry reads the ticker on every read; Caffeine with a size bound alone still
 * records every read in its buffers for its eviction policy, which this cache does not need, since no entry lives
 * longer than the staleness bound anyway; so the entries are in a {@link ConcurrentHashMap} whose size is bounded by
 * {@link #evict() evicting} expired entries first, then arbitrary ones, when an insertion passes
 * {@link ConsentCacheOptions#maximumSize()}.
 *
 * <p><b>Warning:</b> the bound rests on the ticking thread being scheduled; a tick that runs late by {@code d}
 * lets an entry be served for up to {@code staleness + d}. The thread does nothing but a ticker read, a volatile write
 * and a sweep of the few shared entries, so {@code d} is the JVM's and the operating system's scheduling delay (a
 * safepoint pause stops the deciding threads too). When the ticker throws at a tick, the cache empties and caches
 * nothing until a tick reads it again, so a broken ticker never stretches the bound.
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
public final class CachingConsentStore implements ConsentStore, DecisionMemo {

  /** How many changes one query of a poll reads. */
  static final int PAGE = 500;

  /** The longest tick of the coarse clock. */
  static final Duration MAX_TICK = Duration.ofMillis(100);

  /** The shortest tick of the coarse clock: a shorter staleness bound keeps nothing cached. */
  static final Duration MIN_TICK = Duration.ofMillis(1);

  /** What an insertion that passed the maximum size evicts down to, as a share of it. */
  private static final double EVICT_TO = 0.9;

  /** How many shared entries the cache keeps for reuse at most; past it each subject gets its own entry. */
  static final int MAX_SHARED = 4096;

  /** The daemon thread that advances the coarse clocks of every cache of the JVM; it only reads tickers. */
  private static final ScheduledExecutorService CLOCKS = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "gdpr-consent-cache-clock");
    thread.setDaemon(true);
    return thread;
  });

  private final JpaConsentStore store;
  private final JpaTransactions transactions;
  private final ConsentCacheOptions options;
  private final ConsentFeed feed;
  private final ConcurrentHashMap<SubjectId, Cached> entries = new ConcurrentHashMap<>();
  /**
   * Entries that hold verdicts and no snapshot, one per distinct verdicts, version and expiry, for every subject
   * they fit: see {@link #shared}. Emptied of expired ones at every tick.
   */
  private final ConcurrentHashMap<Cached, Cached> shared = new ConcurrentHashMap<>();
  private final Ticker ticker;
  /**
   * How long an entry is served after the coarse clock's time just before its read: the staleness bound less one
   * tick.
   */
  private final long served;
  private final Object polling = new Object();
  private final Object evicting = new Object();
  /** The coarse clock: the ticker's time at the last tick, never ahead of the ticker; see the class comment. */
  private volatile long now;
  /** Whether the last tick read the ticker; while not, nothing is cached. */
  private volatile boolean clockRunning = true;
  private @Nullable Instant latestChange;

  /**
   * Creates the cache in front of {@code store}, reading where the change feed stands now, so that a poll finds
   * every change made from here on, and starts its coarse clock ticking.
   */
  public CachingConsentStore(JpaConsentStore store, ConsentCacheOptions options) {
    this.store = Preconditions.notNull(store, "store");
    this.options = Preconditions.notNull(options, "options");
    this.transactions = store.transactions();
    this.feed = new ConsentFeed(transactions);
    this.ticker = options.ticker();
    long tick = tick(options.staleness()).toNanos();
    this.served = Math.max(0, options.staleness().toNanos() - tick);
    this.now = ticker.read();
    this.latestChange = feed.latest();
    Tick.start(this, tick);
  }

  /**
   * Returns the period of the coarse clock for a staleness bound: a tenth of it, between {@link #MIN_TICK} and
   * {@link #MAX_TICK}. An entry is served for the bound less one tick; a bound of one tick or less caches nothing.
   */
  static Duration tick(Duration staleness) {
    Duration tenth = staleness.dividedBy(10);
    return tenth.compareTo(MIN_TICK) < 0 ? MIN_TICK : tenth.compareTo(MAX_TICK) > 0 ? MAX_TICK : tenth;
  }

  /**
   * Sets the coarse clock to the ticker's time, never back. When the ticker throws, the cache stops serving: it
   * empties and caches nothing until a later tick reads the ticker again, so a clock that cannot advance never
   * stretches the bound.
   */
  void advanceClock() {
    boolean advanced = false;
    try {
      long read = ticker.read();
      synchronized (this) {
        if (read - now > 0) {
          now = read;
        }
      }
      advanced = true;
      long at = now;
      shared.values().removeIf(entry -> at - entry.expiresAt() >= 0);
    } finally {
      if (!advanced) {
        clockRunning = false;
        entries.clear();
        shared.clear();
      } else if (!clockRunning) {
        clockRunning = true;
      }
    }
  }

  /** Returns the options the cache was created with. */
  public ConsentCacheOptions options() {
    return options;
  }

  /** Returns how many subjects are cached now; entries that expired but were not yet evicted may count. */
  public long size() {
    return entries.mappingCount();
  }

  /**
   * Reads the change feed from a little before the latest change the last poll saw ({@link
   * ConsentCacheOptions#lookBack()}) and removes every cached subject whose snapshot changed since it was cached. A
   * host calls it on a schedule; polls of one cache run one at a time.
   *
   * @return how many cached subjects were removed
   */
  public int poll() {
    advanceClock();
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
          entries.computeIfPresent(change.subject(), (subject, cached) -> {
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
   * Returns the subject's current consents: from the cache when an entry younger than the staleness bound holds them,
   * otherwise from the store, then cached; inside a unit of work always from the store. A hit reads no clock and
   * allocates nothing. An entry that {@link #load(SubjectId, Function) decisions} made holds verdicts only, so the
   * first call for such a subject reads the store.
   */
  @Override
  public SubjectConsents current(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    if (transactions.inUnit()) {
      return store.current(subject);
    }
    Cached cached = entries.get(subject);
    SubjectConsents consents;
    if (cached != null && now - cached.expiresAt() < 0 && (consents = cached.consents()) != null) {
      return consents;
    }
    return load(subject);
  }

  /**
   * Returns the verdicts held for the subject while its entry is younger than the staleness bound; {@code null}
   * inside a unit of work, where reads go to the database. A hash lookup, a read of the coarse clock and a comparison,
   * no allocation; the entry found is most often one that many subjects share (see {@link #shared}).
   */
  @Override
  public @Nullable Verdicts verdicts(SubjectId subject) {
    if (transactions.inUnit()) {
      return null;
    }
    Cached cached = entries.get(subject);
    return cached != null && now - cached.expiresAt() < 0 ? cached.verdicts() : null;
  }

  /**
   * Returns the verdicts held for the subject, or works them out with {@code rules}: from the snapshot the entry holds
   * when it holds one, else from a read of the store, which is then cached as verdicts alone, in an entry shared with
   * every subject whose verdicts, row version and expiry are the same (see {@link #shared}); the snapshot is not kept,
   * so that the cache's entries stay a few words a subject. As for {@link #current}, the read runs inside the map's
   * compute, so a write's removal or a poll's comparison of the same subject waits for it and then sees its result.
   */
  @Override
  public Verdicts load(SubjectId subject, Function<SubjectConsents, Verdicts> rules) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(rules, "rules");
    if (transactions.inUnit() || served == 0 || !clockRunning) {
      return rules.apply(store.current(subject)); // nothing may be served later: see load(SubjectId)
    }
    boolean[] inserted = {false};
    Verdicts[] made = {null};
    entries.compute(subject, (key, present) -> {
      if (present != null && now - present.expiresAt() < 0) {
        Verdicts held = present.verdicts();
        if (held != null) {
          made[0] = held; // another thread worked them out meanwhile
          return present;
        }
        SubjectConsents consents = present.consents();
        if (consents != null) {
          made[0] = rules.apply(consents);
          return new Cached(present.version(), present.expiresAt(), made[0], consents);
        }
      }
      long readAt = now; // before the read, and never ahead of the ticker: the bound counts from no later than this
      JpaConsentStore.Versioned versioned = store.versioned(key);
      made[0] = rules.apply(versioned.consents());
      if (!clockRunning) {
        return null; // the clock failed during the read; the tick that said so empties this bin after or before us
      }
      inserted[0] = present == null;
      return shared(new Cached(versioned.version(), readAt + served, made[0], null));
    });
    if (inserted[0] && entries.mappingCount() > options.maximumSize()) {
      evict();
    }
    return made[0];
  }

  /**
   * Returns the entry equal to {@code entry} that other subjects hold already, or makes {@code entry} that one. An
   * entry with verdicts alone is the same object for every subject whose verdicts (shared by the decision service
   * between subjects with the same decisions), row version and expiry are the same; expiries are coarse clock times,
   * which advance by ticks, so the subjects cached within one tick mostly share one entry. A decision served from the
   * cache then reads that entry and its verdicts where they already sit in the processor's cache, which is where this
   * cache gains on a map of one entry object a subject. Past {@link #MAX_SHARED} live shared entries, each subject
   * gets its own.
   */
  private Cached shared(Cached entry) {
    Cached known = shared.get(entry);
    if (known != null) {
      return known;
    }
    if (shared.size() >= MAX_SHARED) {
      return entry;
    }
    Cached raced = shared.putIfAbsent(entry, entry);
    return raced != null ? raced : entry;
  }

  /**
   * Reads the subject's snapshot from the store and caches it, replacing an expired entry or one that held verdicts
   * alone (whose verdicts are dropped: the next decision works them out again from this snapshot, without a read).
   * The read runs inside the map's compute, so a write's removal or a poll's comparison of the same subject waits for
   * it and then sees its result: a read that began before a withdrawal committed cannot put its older state back
   * after the withdrawal removed it.
   */
  private SubjectConsents load(SubjectId subject) {
    if (served == 0 || !clockRunning) {
      return store.current(subject); // a bound of a tick or less, or a stopped clock: nothing may be served later
    }
    boolean[] inserted = {false};
    SubjectConsents[] read = {null};
    entries.compute(subject, (key, present) -> {
      SubjectConsents held;
      if (present != null && now - present.expiresAt() < 0 && (held = present.consents()) != null) {
        read[0] = held; // another thread read it meanwhile
        return present;
      }
      long readAt = now; // before the read, and never ahead of the ticker: the bound counts from no later than this
      JpaConsentStore.Versioned versioned = store.versioned(key);
      read[0] = versioned.consents();
      if (!clockRunning) {
        return null; // the clock failed during the read; the tick that said so empties this bin after or before us
      }
      inserted[0] = present == null;
      return new Cached(versioned.version(), readAt + served, null, versioned.consents());
    });
    if (inserted[0] && entries.mappingCount() > options.maximumSize()) {
      evict();
    }
    return read[0];
  }

  /**
   * Brings the cache back under its maximum size: first every expired entry, then, if that is not enough, entries in
   * the map's order, which follows the subjects' hashes and not their use, down to nine tenths of the maximum, so that
   * the next insertions do not evict again at once. Recency buys little here: no entry outlives the staleness bound.
   */
  private void evict() {
    synchronized (evicting) {
      long max = options.maximumSize();
      if (entries.mappingCount() <= max) {
        return;
      }
      long at = now;
      entries.values().removeIf(cached -> at - cached.expiresAt() >= 0);
      long target = (long) (max * EVICT_TO);
      Iterator<SubjectId> subjects = entries.keySet().iterator();
      while (entries.mappingCount() > target && subjects.hasNext()) {
        subjects.next();
        subjects.remove();
      }
    }
  }

  /** Removes the subject now, for the rest of this unit of work, and again once the unit commits. */
  private void changed(SubjectId subject) {
    entries.remove(subject);
    transactions.afterCommit(() -> entries.remove(subject));
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

  /**
   * What the cache holds of a subject: its row's version, the coarse time from which the entry is no longer served
   * (the coarse clock's time just before the row was read, plus the staleness bound less one tick), and the verdicts
   * the decision service worked out from the row, its snapshot, or both. An entry with verdicts alone may be shared by
   * many subjects, so it is compared by the identity of what it holds, never by content.
   */
  private record Cached(long version, long expiresAt, @Nullable Verdicts verdicts, @Nullable SubjectConsents consents) {

    @Override
    public boolean equals(Object other) {
      return other instanceof Cached that && version == that.version && expiresAt == that.expiresAt
          && verdicts == that.verdicts && consents == that.consents;
    }

    @Override
    public int hashCode() {
      return (Long.hashCode(version) * 31 + Long.hashCode(expiresAt)) * 31 + System.identityHashCode(verdicts) * 17
          + System.identityHashCode(consents);
    }
  }

  /**
   * Advances one cache's coarse clock on the shared thread. It holds the cache weakly, so a cache the host drops is
   * collected, and then stops.
   */
  private static final class Tick implements Runnable {
    private final WeakReference<CachingConsentStore> cache;
    private volatile @Nullable ScheduledFuture<?> future;

    private Tick(CachingConsentStore cache) {
      this.cache = new WeakReference<>(cache);
    }

    static void start(CachingConsentStore cache, long period) {
      Tick tick = new Tick(cache);
      tick.future = CLOCKS.scheduleAtFixedRate(tick, period, period, TimeUnit.NANOSECONDS);
    }

    @Override
    public void run() {
      CachingConsentStore live = cache.get();
      if (live == null) {
        ScheduledFuture<?> own = future;
        if (own != null) {
          own.cancel(false);
        }
        return;
      }
      try {
        live.advanceClock();
      } catch (RuntimeException e) {
        // the cache emptied and stopped caching until a tick reads the ticker again; keep ticking
      }
    }
  }
}

package io.gdprkit.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprStoreException;
import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.AuditDrain;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditService;
import io.gdprkit.audit.ChainHead;
import io.gdprkit.audit.Checkpoint;
import io.gdprkit.audit.CheckpointPolicy;
import io.gdprkit.audit.ConsistencyProof;
import io.gdprkit.audit.InclusionProof;
import io.gdprkit.audit.VerificationResult;
import io.gdprkit.audit.spi.AuditOutbox;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.audit.spi.PendingAuditRecord;
import io.gdprkit.audit.spi.CheckpointStore;
import io.gdprkit.audit.spi.EncodedEntry;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.TenantId;
import io.gdprkit.transaction.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records audit entries in the callers' units of work, appends them to the chain in group commits from an outbox,
 * tags the chain head at every group commit and checkpoints by policy, builds proofs from a {@link MerkleTree} per
 * tenant, and verifies page by page.
 *
 * <p>Why an outbox: a chain position is one total order per tenant, and a caller's transaction may still roll back,
 * so a service cannot take a position inside its own unit of work. It {@linkplain #record records} the entry in the
 * {@link AuditOutbox} there instead, and once that unit committed, a drainer takes the oldest waiting records in a
 * unit of its own, chains them onto the last entry, appends them with one {@link AuditStore#appendAll} and tags the
 * new {@link ChainHead}. Whoever holds this instance's lock for the tenant drains, so threads that pile up share
 * one round trip; across instances sharing the stores, a position taken by another drainer rolls the unit back
 * (the records return to the outbox) and the next attempt chains onto the store's last entry.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultAuditService implements AuditService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultAuditService.class);
  private static final int PAGE = 1_000;
  /**
   * The most records one group commit takes: a round trip per group, not per entry, so large groups (the persistence
   * interceptor's rows hold a transaction's records, hundreds at a time) pay the take, the head and the commit once.
   */
  private static final int MAX_BATCH = 2_048;
  private static final int MAX_ATTEMPTS = 1_000;

  private final AuditStore store;
  private final CheckpointStore checkpoints;
  private final AuditOutbox outbox;
  private final UnitOfWork unitOfWork;
  private final SigningKey signingKey;
  private final PseudonymKey headKey;
  private final VerificationKeys trusted;
  private final CheckpointPolicy policy;
  private final Clock clock;
  private final Map<TenantId, Chain> chains = new ConcurrentHashMap<>();
  /** The thread that drains after commits, or {@code null} when the committing thread does. */
  private final @Nullable BackgroundDrainer background;
  /**
   * The slots of this instance's {@link #append} calls, by the identity of their record: whichever thread drains a
   * record fills its slot, under the chain's lock, so a caller gets its own entry even when another thread appended
   * it and a thousand more after it.
   */
  private final Map<Waiter, AuditEntry[]> waiters = new ConcurrentHashMap<>();

  /** A record compared by identity: two equal records appended by two callers are two entries. */
  private record Waiter(AuditRecord record) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Waiter that && that.record == record;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(record);
    }
  }

  /** Creates the service with an in-memory checkpoint store, a generated key and the default policy. */
  public DefaultAuditService(AuditStore store, Clock clock) {
    this(store, CheckpointStore.inMemory(), SigningKey.generate("generated"), CheckpointPolicy.DEFAULT, clock);
  }

  /** Creates the service, trusting only the checkpoints {@code signingKey} signed. */
  public DefaultAuditService(AuditStore store, CheckpointStore checkpoints, SigningKey signingKey,
      CheckpointPolicy policy, Clock clock) {
    this(store, checkpoints, signingKey, VerificationKeys.of(Preconditions.notNull(signingKey, "signingKey")
        .verificationKey()), policy, clock);
  }

  /** Creates the service over an in-memory outbox and unit of work. */
  public DefaultAuditService(AuditStore store, CheckpointStore checkpoints, SigningKey signingKey,
      VerificationKeys trusted, CheckpointPolicy policy, Clock clock) {
    this(store, checkpoints, AuditOutbox.inMemory(), UnitOfWork.inMemory(), signingKey, headKeyOf(signingKey),
        trusted, policy, clock);
  }

  /**
   * Creates the service, trusting the checkpoints any key of {@code trusted} signed; checkpoints are signed with
   * {@code signingKey}, whose verification key must be in {@code trusted}, and chain heads are tagged under
   * {@code headKey}, which every instance sharing the stores must hold.
   *
   * @throws io.gdprkit.InvalidInputException if {@code trusted} does not hold the signing key's verification key
   */
  public DefaultAuditService(AuditStore store, CheckpointStore checkpoints, AuditOutbox outbox, UnitOfWork unitOfWork,
      SigningKey signingKey, PseudonymKey headKey, VerificationKeys trusted, CheckpointPolicy policy, Clock clock) {
    this(store, checkpoints, outbox, unitOfWork, signingKey, headKey, trusted, policy, AuditDrain.AFTER_COMMIT, clock);
  }

  /**
   * Creates the service as {@link #DefaultAuditService(AuditStore, CheckpointStore, AuditOutbox, UnitOfWork,
   * SigningKey, PseudonymKey, VerificationKeys, CheckpointPolicy, Clock)} does, draining on the thread
   * {@code drain} names.
   */
  public DefaultAuditService(AuditStore store, CheckpointStore checkpoints, AuditOutbox outbox, UnitOfWork unitOfWork,
      SigningKey signingKey, PseudonymKey headKey, VerificationKeys trusted, CheckpointPolicy policy, AuditDrain drain,
      Clock clock) {
    this.background = Preconditions.notNull(drain, "drain") == AuditDrain.BACKGROUND
        ? new BackgroundDrainer(this::drainQuietly) : null;
    this.headKey = Preconditions.notNull(headKey, "headKey");
    this.store = Preconditions.notNull(store, "store");
    this.checkpoints = Preconditions.notNull(checkpoints, "checkpoints");
    this.outbox = Preconditions.notNull(outbox, "outbox");
    this.unitOfWork = Preconditions.notNull(unitOfWork, "unitOfWork");
    this.signingKey = Preconditions.notNull(signingKey, "signingKey");
    this.trusted = Preconditions.notNull(trusted, "trusted");
    Preconditions.check(trusted.find(signingKey.keyId()).filter(signingKey.verificationKey()::equals).isPresent(),
        "trusted", "must hold the signing key's verification key");
    this.policy = Preconditions.notNull(policy, "policy");
    this.clock = Preconditions.notNull(clock, "clock");
  }

  /**
   * Returns a head key that only the holder of {@code signingKey} can make, the same for every service built on it:
   * Ed25519 signatures are deterministic, so the signature of a fixed message is a secret of the key's own. For
   * services built without the kit's pseudonym key (standalone use, tests).
   */
  private static PseudonymKey headKeyOf(SigningKey signingKey) {
    byte[] secret = Preconditions.notNull(signingKey, "signingKey")
        .sign("gdpr-kit audit chain head key\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return PseudonymKey.of("h1", java.util.Arrays.copyOf(secret, 32));
  }

  /** One tenant's lock, Merkle tree and last known checkpoint. */
  private final class Chain {
    final TenantId tenant;
    final ReentrantLock lock = new ReentrantLock();
    final MerkleTree tree;
    final Instant since = clock.instant();
    boolean loaded;
    @Nullable Checkpoint lastCheckpoint;
    /**
     * The last entry this instance committed, which the next group commit chains onto without reading it back; only
     * while {@link #lastKnown}. Another instance that appended since makes {@link AuditStore#appendAll} refuse the
     * positions, and the entry is read from the store again.
     */
    @Nullable AuditEntry last;
    boolean lastKnown;

    Chain(TenantId tenant) {
      this.tenant = tenant;
      this.tree = new MerkleTree(store, tenant);
    }

    /** Returns the last checkpoint, read from the store once; call under the lock. */
    @Nullable Checkpoint lastCheckpoint() {
      if (!loaded) {
        lastCheckpoint = checkpoints.latest(tenant).orElse(null);
        loaded = true;
      }
      return lastCheckpoint;
    }
  }

  /** Another drainer took the positions this one chained onto; the unit rolls back and the drain tries again. */
  private static final class ChainMoved extends GdprStoreException {
    private static final long serialVersionUID = 1L;

    ChainMoved(TenantId tenant) {
      super("another instance appended to the audit chain of tenant " + tenant + " first");
    }
  }

  private Chain chain(TenantId tenant) {
    return chains.computeIfAbsent(Preconditions.notNull(tenant, "tenant"), Chain::new);
  }

  @Override
  public void record(AuditRecord record) {
    Preconditions.notNull(record, "record");
    outbox.add(record);
    drainAfterCommit(record.tenant());
  }

  /** Drains the tenant once the running unit commits, on this thread or in the background. */
  private void drainAfterCommit(TenantId tenant) {
    BackgroundDrainer drainer = background;
    if (drainer != null) {
      unitOfWork.afterCommit(() -> drainer.wake(tenant));
    } else {
      unitOfWork.afterCommit(() -> drainQuietly(tenant));
    }
  }

  @Override
  public void recordAll(List<AuditRecord> records) {
    List<AuditRecord> batch = List.copyOf(Preconditions.notNull(records, "records"));
    if (batch.isEmpty()) {
      return;
    }
    outbox.addAll(batch);
    // One drain per tenant, not per record: a drain appends every record waiting, so more would only find none.
    Set<TenantId> tenants = new LinkedHashSet<>();
    for (AuditRecord record : batch) {
      tenants.add(record.tenant());
    }
    for (TenantId tenant : tenants) {
      drainAfterCommit(tenant);
    }
  }

  @Override
  public AuditEntry append(AuditRecord record) {
    Preconditions.notNull(record, "record");
    if (unitOfWork.active()) {
      throw new IllegalStateException(
          "append takes a chain position at once and cannot join a running operation; use record");
    }
    Chain chain = chain(record.tenant());
    Waiter waiter = new Waiter(record);
    AuditEntry[] slot = new AuditEntry[1];
    waiters.put(waiter, slot);
    try {
      // Added before taking the lock: appends that queue up behind a drainer are taken in its next group commit.
      unitOfWork.run("record audit entry", () -> outbox.add(record));
      chain.lock.lock();
      try {
        while (slot[0] == null && !drainOnce(chain).isEmpty()) {
          // group commits until this record's entry is written
        }
        return slot[0] != null ? slot[0] : findAppended(record); // another instance drained it
      } finally {
        chain.lock.unlock();
      }
    } finally {
      waiters.remove(waiter);
    }
  }

  /** Finds a record another instance appended, reading the chain back from its end a page at a time. */
  private AuditEntry findAppended(AuditRecord record) {
    for (long end = store.size(record.tenant()); end > 0; end -= PAGE) {
      List<AuditEntry> page = store.entries(record.tenant(), Math.max(0, end - PAGE), (int) Math.min(PAGE, end));
      for (int i = page.size() - 1; i >= 0; i--) {
        if (page.get(i).record().equals(record)) {
          return page.get(i);
        }
      }
    }
    throw new IllegalStateException("an audit record of tenant " + record.tenant()
        + " left the outbox but is not in its chain");
  }

  @Override
  public long drain(TenantId tenant) {
    Chain chain = chain(tenant);
    long drained = 0;
    chain.lock.lock();
    try {
      for (Map<Long, AuditEntry> written; !(written = drainOnce(chain)).isEmpty(); ) {
        drained += written.size();
      }
    } finally {
      chain.lock.unlock();
    }
    return drained;
  }

  @Override
  public long drainAll() {
    long drained = 0;
    for (TenantId tenant : outbox.tenantsWaiting(1_000)) {
      drained += drain(tenant);
    }
    return drained;
  }

  /**
   * Drains after a caller's commit; a thread that finds another draining leaves the records to it. The drainer checks
   * the outbox again after letting go of the lock, so a record added while it held the lock is never stranded.
   */
  private void drainQuietly(TenantId tenant) {
    Chain chain = chain(tenant);
    try {
      while (chain.lock.tryLock()) {
        try {
          while (drainOnce(chain).size() >= MAX_BATCH) {
            // group commits while they come full; what a smaller one left is found by the count below
          }
        } finally {
          chain.lock.unlock();
        }
        if (outbox.waiting(tenant) == 0) {
          return;
        }
      }
    } catch (RuntimeException e) {
      // The caller's operation is committed, its record waits in the outbox; the next drain appends it.
      LOG.warn("appending audit entries of tenant {} failed; they wait in the outbox for the next drain: {}", tenant,
          e.getClass().getName());
    }
  }

  /**
   * Takes up to {@value #MAX_BATCH} waiting records, appends them and signs the head, as one unit of work; returns
   * the entries written by outbox sequence, empty when nothing waited. Call under the chain's lock.
   */
  private Map<Long, AuditEntry> drainOnce(Chain chain) {
    for (int attempt = 1; ; attempt++) {
      try {
        // Set when the unit committed before run returned; a unit that joined a running transaction may still roll
        // back, so its last entry is not kept.
        boolean[] committed = new boolean[1];
        Map<Long, AuditEntry> written;
        try {
          written = unitOfWork.run("append audit entries", () -> {
            Map<Long, AuditEntry> group = groupCommit(chain);
            unitOfWork.afterCommit(() -> committed[0] = true);
            return group;
          });
        } catch (RuntimeException e) {
          chain.lastKnown = false; // another instance appended, or the unit failed: read the chain's end again
          throw e;
        }
        AuditEntry last = null;
        for (AuditEntry entry : written.values()) {
          AuditEntry[] slot = waiters.get(new Waiter(entry.record()));
          if (slot != null) {
            slot[0] = entry; // read by its caller under the chain's lock, which this thread holds
          }
          last = entry;
        }
        if (last != null) {
          chain.last = last;
          chain.lastKnown = committed[0];
          checkpointByPolicy(chain, last);
        }
        return written;
      } catch (ChainMoved moved) {
        if (attempt >= MAX_ATTEMPTS) {
          throw new IllegalStateException("audit chain of tenant " + chain.tenant + " kept moving for "
              + MAX_ATTEMPTS + " attempts");
        }
        Thread.onSpinWait(); // another instance appended first: chain onto its entries
      }
    }
  }

  private Map<Long, AuditEntry> groupCommit(Chain chain) {
    List<PendingAuditRecord> batch = outbox.take(chain.tenant, MAX_BATCH);
    if (batch.isEmpty()) {
      return Map.of();
    }
    AuditEntry previous = chain.lastKnown ? chain.last : store.last(chain.tenant).orElse(null);
    List<AuditEntry> entries = new ArrayList<>(batch.size());
    Map<Long, AuditEntry> written = new LinkedHashMap<>();
    Instant at = clock.instant();
    for (PendingAuditRecord pending : batch) {
      long position = previous == null ? 0 : previous.position() + 1;
      AuditHash previousHash = previous == null ? AuditEntry.GENESIS : previous.hash();
      previous = new AuditEntry(position, at, pending.record(), previousHash,
          EntryHashing.hash(position, at, pending.record(), previousHash));
      entries.add(previous);
      written.put(pending.sequence(), previous);
    }
    if (store.appendAll(chain.tenant, entries) != entries.size()) {
      throw new ChainMoved(chain.tenant);
    }
    // Tagged in the same unit as the entries: whoever removes or rewrites them must also forge this tag.
    checkpoints.putHead(ChainHead.authenticate(chain.tenant, previous.position() + 1, previous.hash(), at, headKey));
    return written;
  }

  @Override
  public Optional<ChainHead> head(TenantId tenant) {
    return checkpoints.head(Preconditions.notNull(tenant, "tenant"));
  }

  @Override
  public long waiting(TenantId tenant) {
    return outbox.waiting(Preconditions.notNull(tenant, "tenant"));
  }

  /** Signs a checkpoint if the policy asks for one; never fails the appends, which are stored already. */
  private void checkpointByPolicy(Chain chain, AuditEntry last) {
    try {
      Checkpoint previous = chain.lastCheckpoint();
      long size = last.position() + 1;
      long covered = previous == null ? 0 : previous.treeSize();
      Instant since = previous == null ? chain.since : previous.at();
      if (size > covered && (size - covered >= policy.everyEntries()
          || !clock.instant().isBefore(since.plus(policy.every())))) {
        sign(chain, last);
      }
    } catch (RuntimeException e) {
      LOG.warn("signing an audit checkpoint of tenant {} failed; the next append tries again: {}", chain.tenant,
          e.getClass().getName());
    }
  }

  /** Signs and stores a checkpoint up to {@code last}; call under the lock. */
  private Checkpoint sign(Chain chain, AuditEntry last) {
    long size = last.position() + 1;
    Checkpoint checkpoint = Checkpoint.sign(chain.tenant, size, chain.tree.root(size), last.hash(), clock.instant(),
        signingKey);
    if (!checkpoints.add(checkpoint)) {
      // another instance signed this size first: keep its checkpoint, there is one per size
      checkpoint = checkpoints.atOrBefore(chain.tenant, size).filter(c -> c.treeSize() == size).orElseThrow(() ->
          new IllegalStateException("checkpoint store refused size " + size + " of tenant " + chain.tenant
              + " but does not have it"));
    }
    chain.lastCheckpoint = checkpoint;
    chain.loaded = true;
    return checkpoint;
  }

  @Override
  public Checkpoint checkpoint(TenantId tenant) {
    Chain chain = chain(tenant);
    chain.lock.lock();
    try {
      AuditEntry last = store.last(tenant).orElseThrow(() ->
          InvalidInputException.of("tenant", "has no audit entries to sign a checkpoint over"));
      Checkpoint previous = chain.lastCheckpoint();
      if (previous != null && previous.treeSize() == last.position() + 1) {
        return previous;
      }
      return sign(chain, last);
    } finally {
      chain.lock.unlock();
    }
  }

  @Override
  public Optional<Checkpoint> latestCheckpoint(TenantId tenant) {
    return checkpoints.latest(Preconditions.notNull(tenant, "tenant"));
  }

  @Override
  public InclusionProof inclusionProof(TenantId tenant, long position, Checkpoint checkpoint) {
    checkCheckpoint(tenant, checkpoint, "checkpoint");
    Preconditions.check(position >= 0 && position < checkpoint.treeSize(), "position",
        "must be below the checkpoint's tree size");
    return new InclusionProof(position, checkpoint.treeSize(),
        chain(tenant).tree.inclusionPath(position, checkpoint.treeSize()));
  }

  @Override
  public ConsistencyProof consistencyProof(TenantId tenant, Checkpoint first, Checkpoint second) {
    checkCheckpoint(tenant, first, "first");
    checkCheckpoint(tenant, second, "second");
    Preconditions.check(second.treeSize() >= first.treeSize(), "second", "must not be smaller than the first");
    return new ConsistencyProof(first.treeSize(), second.treeSize(),
        chain(tenant).tree.consistencyPath(first.treeSize(), second.treeSize()));
  }

  private void checkCheckpoint(TenantId tenant, Checkpoint checkpoint, String field) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(checkpoint, field);
    Preconditions.check(checkpoint.tenant().equals(tenant), field, "must be a checkpoint of the tenant");
    Preconditions.check(checkpoint.treeSize() <= store.size(tenant), field,
        "must not be larger than the chain, which is shorter than the checkpoint");
  }

  @Override
  public List<AuditEntry> entries(TenantId tenant, long from, int limit) {
    return store.entries(Preconditions.notNull(tenant, "tenant"), from, limit);
  }

  @Override
  public long size(TenantId tenant) {
    return store.size(Preconditions.notNull(tenant, "tenant"));
  }

  @Override
  public VerificationResult verify(TenantId tenant) {
    return verify(tenant, 0, Long.MAX_VALUE);
  }

  /**
   * Checks entry by entry that positions run on, that each entry names its predecessor's hash, and that each hash
   * matches its content. An entry edited without recomputing its hash breaks at itself; one edited and re-hashed
   * breaks at its successor. At each checkpoint's size the chain hash must be the checkpoint's, so a tail edited and
   * re-hashed up to a checkpoint breaks there, reported from the first position after the last checkpoint that
   * still matches; the starting checkpoint and the last one met are checked against the kit's key.
   *
   * <p>It reads the store's {@link AuditStore#encodedEntries canonical bytes}: position and previous hash at their
   * fixed offsets in the bytes, and SHA-256 over the bytes as they are, so no entry is decoded or encoded again.
   */
  @Override
  public VerificationResult verify(TenantId tenant, long from, long to) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.check(from >= 0, "from", "must not be negative");
    Preconditions.check(to >= from, "to", "must not be below from");
    long position = 0;
    AuditHash previous = AuditEntry.GENESIS;
    Checkpoint anchor = checkpoints.atOrBefore(tenant, from).orElse(null);
    if (anchor != null) {
      String problem = signatureProblem(anchor);
      if (problem != null) {
        return VerificationResult.broken(0, anchor.treeSize() - 1, problem);
      }
      position = anchor.treeSize();
      previous = anchor.lastEntryHash();
    }
    long start = position;
    long matched = position;
    Checkpoint lastMet = anchor;
    Checkpoint missed = null;
    long missedFrom = 0;
    ChainHead head = checkpoints.head(tenant).filter(h -> h.size() > from && h.size() <= to).orElse(null);
    AuditHash atHead = null;
    CheckpointCursor ahead = new CheckpointCursor(tenant, position);
    Checkpoint next = ahead.next();
    while (position < to) {
      List<EncodedEntry> page = store.encodedEntries(tenant, position, (int) Math.min(PAGE, to - position));
      if (page.isEmpty()) {
        break;
      }
      for (EncodedEntry entry : page) {
        byte[] bytes = entry.bytes();
        if (!EntryHashing.framed(bytes)) {
          return VerificationResult.broken(position - start, position,
              "entry at position " + position + " is not a canonical entry encoding");
        }
        long stated = EntryHashing.positionOf(bytes);
        if (stated != position) {
          return VerificationResult.broken(position - start, position,
              "entry at position " + position + " says it is at position " + stated);
        }
        if (missed != null) {
          // The entry after a checkpoint that did not match: if it chains onto the hash the checkpoint holds, only
          // the entry before it was changed and re-hashed, and it is named by its own position (Issue 9).
          return EntryHashing.previousHashMatches(bytes, missed.lastEntryHash())
              ? VerificationResult.broken(position - 1 - start, position - 1, "entry at position " + (position - 1)
                  + " was changed and re-hashed: the checkpoint at size " + position
                  + " and the entry after it hold its original hash")
              : stretchBroken(position - start, missedFrom, missed.treeSize());
        }
        if (!EntryHashing.previousHashMatches(bytes, previous)) {
          if (position > start) {
            // Both entries hash to what they say, so the predecessor was rewritten with a hash to match (Issue 9).
            return VerificationResult.broken(position - 1 - start, position - 1, "entry at position "
                + (position - 1) + " was changed and re-hashed: the entry after it chains onto another hash");
          }
          return VerificationResult.broken(position - start, position,
              "entry at position " + position + " does not chain onto its predecessor");
        }
        if (!EntryHashing.hashes(bytes, entry.hash())) {
          return VerificationResult.broken(position - start, position,
              "entry at position " + position + " was changed after it was appended");
        }
        previous = entry.hash();
        position++;
        if (head != null && head.size() == position) {
          atHead = previous;
        }
        if (next != null && next.treeSize() == position) {
          if (!next.lastEntryHash().equals(previous)) {
            missed = next; // the entry after it tells whether one entry or a stretch was re-hashed
            missedFrom = matched;
          } else {
            matched = position;
            lastMet = next;
          }
          next = ahead.next();
        }
      }
    }
    long checked = position - start;
    if (missed != null) {
      return stretchBroken(checked, missedFrom, missed.treeSize());
    }
    if (next != null && next.treeSize() <= to) {
      return VerificationResult.broken(checked, position, "chain ends at size " + position
          + " but the checkpoint at size " + next.treeSize() + " covers more: entries were removed from the end");
    }
    String problem = lastMet != null && lastMet != anchor ? signatureProblem(lastMet) : null;
    if (problem != null) {
      return VerificationResult.broken(checked, lastMet.treeSize() - 1, problem);
    }
    if (head != null) {
      // The head is tagged at every group commit: it covers the entries after the latest checkpoint (Issue 9).
      String headProblem = headProblem(head);
      if (headProblem != null) {
        return VerificationResult.broken(checked, head.size() - 1, headProblem);
      }
      if (atHead == null) {
        return VerificationResult.broken(checked, position, "chain ends at size " + position
            + " but its authenticated head says " + head.size() + ": entries were removed from the end");
      }
      if (!atHead.equals(head.lastEntryHash())) {
        return VerificationResult.broken(checked, matched, "entries from position " + matched + " to "
            + (head.size() - 1) + " do not match the authenticated chain head at size " + head.size()
            + ": one of them was changed and the rest re-hashed");
      }
      if (to == Long.MAX_VALUE && position > head.size()) {
        return VerificationResult.broken(checked, head.size(), "entries from position " + head.size()
            + " on come after the authenticated chain head: they were not appended by the kit");
      }
    }
    return VerificationResult.ok(checked);
  }

  /**
   * Returns why the checkpoint's signature is not trusted, or null when a trusted key signed it: a key id outside
   * the trusted set is named as such, so a host sees that a key was retired or never published.
   */
  private @Nullable String signatureProblem(Checkpoint checkpoint) {
    VerificationKey key = trusted.find(checkpoint.keyId()).orElse(null);
    if (key == null) {
      return "checkpoint at size " + checkpoint.treeSize() + " is signed by key " + checkpoint.keyId()
          + ", which is not trusted";
    }
    if (!checkpoint.verifies(key)) {
      return "checkpoint at size " + checkpoint.treeSize() + " does not verify under key " + key.keyId();
    }
    return null;
  }

  private static VerificationResult stretchBroken(long checked, long from, long checkpointSize) {
    return VerificationResult.broken(checked, from, "entries from position " + from + " to " + (checkpointSize - 1)
        + " do not match the checkpoint at size " + checkpointSize + ": one of them was changed and the rest re-hashed");
  }

  private @Nullable String headProblem(ChainHead head) {
    return head.authenticates(headKey) ? null
        : "chain head at size " + head.size() + " does not carry the tag of the kit's pseudonym key";
  }


  /** Reads a tenant's checkpoints above a size in pages, by size. */
  private final class CheckpointCursor {
    private final TenantId tenant;
    private long after;
    private List<Checkpoint> page = List.of();
    private int index;

    CheckpointCursor(TenantId tenant, long after) {
      this.tenant = tenant;
      this.after = after;
    }

    @Nullable Checkpoint next() {
      if (index == page.size()) {
        page = checkpoints.after(tenant, after, 100);
        index = 0;
        if (page.isEmpty()) {
          return null;
        }
      }
      Checkpoint checkpoint = page.get(index++);
      after = checkpoint.treeSize();
      return checkpoint;
    }
  }
}

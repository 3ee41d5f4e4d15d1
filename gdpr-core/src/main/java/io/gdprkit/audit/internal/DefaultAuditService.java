package io.gdprkit.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditService;
import io.gdprkit.audit.Checkpoint;
import io.gdprkit.audit.CheckpointPolicy;
import io.gdprkit.audit.ConsistencyProof;
import io.gdprkit.audit.InclusionProof;
import io.gdprkit.audit.VerificationResult;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.audit.spi.CheckpointStore;
import io.gdprkit.audit.spi.EncodedEntry;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends with group commit under a per-tenant lock, signs checkpoints by policy and on demand, builds proofs from a
 * {@link MerkleTree} per tenant, and verifies page by page.
 *
 * <p>Group commit: an appender queues its record, then takes the tenant's lock; whoever holds it writes everything
 * queued so far (up to {@value #MAX_BATCH}) in one {@link AuditStore#appendAll} call, so threads that pile up behind
 * a slow store share one round trip. One total order per chain holds in this JVM because only the lock holder
 * writes; across instances sharing the store, a position taken by another instance makes the holder re-read the last
 * entry and chain the rest of its batch onto it.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultAuditService implements AuditService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultAuditService.class);
  private static final int PAGE = 1_000;
  private static final int MAX_BATCH = 256;
  private static final int MAX_ATTEMPTS = 1_000;

  private final AuditStore store;
  private final CheckpointStore checkpoints;
  private final SigningKey signingKey;
  private final VerificationKeys trusted;
  private final CheckpointPolicy policy;
  private final Clock clock;
  private final Map<TenantId, Chain> chains = new ConcurrentHashMap<>();

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

  /**
   * Creates the service, trusting the checkpoints any key of {@code trusted} signed; checkpoints are signed with
   * {@code signingKey}, whose verification key must be in {@code trusted}.
   *
   * @throws io.gdprkit.InvalidInputException if {@code trusted} does not hold the signing key's verification key
   */
  public DefaultAuditService(AuditStore store, CheckpointStore checkpoints, SigningKey signingKey,
      VerificationKeys trusted, CheckpointPolicy policy, Clock clock) {
    this.store = Preconditions.notNull(store, "store");
    this.checkpoints = Preconditions.notNull(checkpoints, "checkpoints");
    this.signingKey = Preconditions.notNull(signingKey, "signingKey");
    this.trusted = Preconditions.notNull(trusted, "trusted");
    Preconditions.check(trusted.find(signingKey.keyId()).filter(signingKey.verificationKey()::equals).isPresent(),
        "trusted", "must hold the signing key's verification key");
    this.policy = Preconditions.notNull(policy, "policy");
    this.clock = Preconditions.notNull(clock, "clock");
  }

  /** One tenant's lock, queue of waiting appends, Merkle tree and last known checkpoint. */
  private final class Chain {
    final TenantId tenant;
    final ReentrantLock lock = new ReentrantLock();
    final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    final MerkleTree tree;
    final Instant since = clock.instant();
    boolean loaded;
    @Nullable Checkpoint lastCheckpoint;
    /** The last entry this service stored, to chain the next batch onto without reading it back; null if unknown. */
    @Nullable AuditEntry lastWritten;

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

  /** An append waiting for the lock holder; its fields are written and read under the tenant's lock. */
  private static final class Pending {
    final AuditRecord record;
    @Nullable AuditEntry entry;
    @Nullable RuntimeException failure;
    boolean done;

    Pending(AuditRecord record) {
      this.record = record;
    }
  }

  private Chain chain(TenantId tenant) {
    return chains.computeIfAbsent(Preconditions.notNull(tenant, "tenant"), Chain::new);
  }

  @Override
  public AuditEntry append(AuditRecord record) {
    Preconditions.notNull(record, "record");
    Chain chain = chain(record.tenant());
    Pending mine = new Pending(record);
    chain.queue.add(mine);
    chain.lock.lock();
    try {
      while (!mine.done) {
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < MAX_BATCH && (next = chain.queue.poll()) != null; ) {
          batch.add(next);
        }
        write(chain, batch);
      }
    } finally {
      chain.lock.unlock();
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.entry;
  }

  /** Writes a batch in queue order; call under the lock. */
  private void write(Chain chain, List<Pending> batch) {
    List<Pending> rest = batch;
    AuditEntry last = null;
    for (int attempt = 1; !rest.isEmpty(); attempt++) {
      if (attempt > MAX_ATTEMPTS) {
        fail(rest, new IllegalStateException("audit chain of tenant " + chain.tenant + " kept moving for "
            + MAX_ATTEMPTS + " attempts"));
        break;
      }
      try {
        // Chain onto the entry this service stored last, if it knows it: a store that has moved on since (another
        // instance appended) refuses the positions, and the next attempt reads the store's last entry.
        last = attempt == 1 && chain.lastWritten != null ? chain.lastWritten : store.last(chain.tenant).orElse(null);
        List<AuditEntry> entries = new ArrayList<>(rest.size());
        AuditEntry previous = last;
        for (Pending pending : rest) {
          long position = previous == null ? 0 : previous.position() + 1;
          AuditHash previousHash = previous == null ? AuditEntry.GENESIS : previous.hash();
          Instant at = clock.instant();
          previous = new AuditEntry(position, at, pending.record, previousHash,
              EntryHashing.hash(position, at, pending.record, previousHash));
          entries.add(previous);
        }
        int stored = store.appendAll(chain.tenant, entries);
        for (int i = 0; i < stored; i++) {
          rest.get(i).entry = entries.get(i);
          rest.get(i).done = true;
          last = entries.get(i);
        }
        rest = rest.subList(stored, rest.size());
        if (!rest.isEmpty()) {
          Thread.onSpinWait(); // another instance appended first: chain onto its entries
        }
      } catch (RuntimeException e) {
        fail(rest, e);
        break;
      }
    }
    chain.lastWritten = rest.isEmpty() ? last : null;
    if (last != null) {
      checkpointByPolicy(chain, last);
    }
  }

  private static void fail(List<Pending> pendings, RuntimeException failure) {
    for (Pending pending : pendings) {
      pending.failure = failure;
      pending.done = true;
    }
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
        if (!EntryHashing.previousHashMatches(bytes, previous)) {
          return VerificationResult.broken(position - start, position,
              "entry at position " + position + " does not chain onto its predecessor");
        }
        if (!EntryHashing.hashes(bytes, entry.hash())) {
          return VerificationResult.broken(position - start, position,
              "entry at position " + position + " was changed after it was appended");
        }
        previous = entry.hash();
        position++;
        if (next != null && next.treeSize() == position) {
          if (!next.lastEntryHash().equals(previous)) {
            return VerificationResult.broken(position - start, matched, "entries from position " + matched
                + " to " + (position - 1) + " do not match the checkpoint at size " + position
                + ": one of them was changed and the rest re-hashed");
          }
          matched = position;
          lastMet = next;
          next = ahead.next();
        }
      }
    }
    long checked = position - start;
    if (next != null && next.treeSize() <= to) {
      return VerificationResult.broken(checked, position, "chain ends at size " + position
          + " but the checkpoint at size " + next.treeSize() + " covers more: entries were removed from the end");
    }
    String problem = lastMet != null && lastMet != anchor ? signatureProblem(lastMet) : null;
    if (problem != null) {
      return VerificationResult.broken(checked, lastMet.treeSize() - 1, problem);
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

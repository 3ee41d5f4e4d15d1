package io.gdprkit.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.audit.spi.EncodedEntry;
import io.gdprkit.subject.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The Merkle tree over one tenant's chain, for roots and proofs (RFC 9162 §2.1), with the hashes of perfect subtrees
 * of {@value #CHUNK} leaves and more kept in memory.
 *
 * <p>Cost: the cache holds about {@code 2n / 256} hashes for a chain of {@code n} entries (about 0.25 bytes per
 * entry), filled once by reading the chain in pages of 256, then kept up to date as roots and proofs ask for more.
 * A root or a proof then reads at most two pages of 256 entries from the store (the leaf's own chunk and the
 * unfinished chunk at the right edge) and hashes at most about 1,000 times, whatever the chain's length; it never
 * re-reads the whole chain. The cache is built from the store and only over complete chunks, which the append-only
 * chain never changes. Thread-safe.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class MerkleTree {

  /** Leaves in the smallest cached subtree, a power of two. */
  static final int CHUNK = 256;

  private final AuditStore store;
  private final TenantId tenant;
  /** {@code levels.get(j).get(i)}: the hash of the perfect subtree over leaves {@code [i, i + 1) * CHUNK << j}. */
  private final List<List<AuditHash>> levels = new ArrayList<>();

  public MerkleTree(AuditStore store, TenantId tenant) {
    this.store = store;
    this.tenant = tenant;
    levels.add(new ArrayList<>());
  }

  /** Returns MTH of the first {@code size} entries. */
  public synchronized AuditHash root(long size) {
    checkSize(size);
    return hash(0, size, new Leaves(size));
  }

  /** Returns the RFC 9162 §2.1.3.1 audit path of the leaf at {@code index} in the tree of the first {@code size}. */
  public synchronized List<AuditHash> inclusionPath(long index, long size) {
    checkSize(size);
    List<AuditHash> path = new ArrayList<>();
    inclusionPath(index, 0, size, new Leaves(size), path);
    return List.copyOf(path);
  }

  /** Returns the RFC 9162 §2.1.4.1 consistency proof between the trees of the first {@code first} and {@code second}. */
  public synchronized List<AuditHash> consistencyPath(long first, long second) {
    checkSize(second);
    List<AuditHash> path = new ArrayList<>();
    if (first < second) {
      subproof(first, 0, second, true, new Leaves(second), path);
    }
    return List.copyOf(path);
  }

  private static void checkSize(long size) {
    if (size < 1) {
      throw new IllegalArgumentException("a tree has at least one leaf, asked for " + size);
    }
  }

  private void inclusionPath(long m, long lo, long hi, Leaves leaves, List<AuditHash> path) {
    long n = hi - lo;
    if (n == 1) {
      return;
    }
    long k = Merkle.split(n);
    if (m < k) {
      inclusionPath(m, lo, lo + k, leaves, path);
      path.add(hash(lo + k, hi, leaves));
    } else {
      inclusionPath(m - k, lo + k, hi, leaves, path);
      path.add(hash(lo, lo + k, leaves));
    }
  }

  private void subproof(long m, long lo, long hi, boolean complete, Leaves leaves, List<AuditHash> path) {
    long n = hi - lo;
    if (m == n) {
      if (!complete) {
        path.add(hash(lo, hi, leaves));
      }
      return;
    }
    long k = Merkle.split(n);
    if (m <= k) {
      subproof(m, lo, lo + k, complete, leaves, path);
      path.add(hash(lo + k, hi, leaves));
    } else {
      subproof(m - k, lo + k, hi, false, leaves, path);
      path.add(hash(lo, lo + k, leaves));
    }
  }

  /** Returns MTH of leaves {@code [lo, hi)}. */
  private AuditHash hash(long lo, long hi, Leaves leaves) {
    long n = hi - lo;
    if (n == 1) {
      return leaves.get(lo);
    }
    if (n >= CHUNK && Long.bitCount(n) == 1 && lo % n == 0) {
      return cached(lo, n);
    }
    long k = Merkle.split(n);
    return Merkle.node(hash(lo, lo + k, leaves), hash(lo + k, hi, leaves));
  }

  private AuditHash cached(long lo, long n) {
    fill((lo + n) / CHUNK);
    int level = Long.numberOfTrailingZeros(n / CHUNK);
    return levels.get(level).get((int) (lo / n));
  }

  /** Makes sure the hashes of the first {@code chunks} complete chunks, and of every subtree above them, are kept. */
  private void fill(long chunks) {
    List<AuditHash> bottom = levels.get(0);
    while (bottom.size() < chunks) {
      long from = (long) bottom.size() * CHUNK;
      AuditHash[] leafHashes = new AuditHash[CHUNK];
      if (readLeaves(from, CHUNK, leafHashes) < CHUNK) {
        throw new IllegalStateException("audit chain of tenant " + tenant + " is shorter than its tree");
      }
      bottom.add(Merkle.perfectRoot(leafHashes, CHUNK));
      for (int level = 0; levels.get(level).size() % 2 == 0; level++) {
        List<AuditHash> below = levels.get(level);
        if (levels.size() == level + 1) {
          levels.add(new ArrayList<>());
        }
        levels.get(level + 1).add(Merkle.node(below.get(below.size() - 2), below.get(below.size() - 1)));
      }
    }
  }

  /** Reads the leaf hashes from the stored encodings, which it need not decode; returns how many it read. */
  private int readLeaves(long from, int limit, AuditHash[] into) {
    List<EncodedEntry> page = store.encodedEntries(tenant, from, limit);
    for (int i = 0; i < page.size(); i++) {
      EncodedEntry entry = page.get(i);
      if (!EntryHashing.framed(entry.bytes()) || EntryHashing.positionOf(entry.bytes()) != from + i) {
        throw new IllegalStateException("audit chain of tenant " + tenant + " has a gap at position " + (from + i));
      }
      into[i] = Merkle.leaf(entry.hash());
    }
    return page.size();
  }

  /** The leaf hashes one root or proof needs, read a chunk at a time and kept for that call only. */
  private final class Leaves {
    private final long size;
    private final Map<Long, AuditHash[]> chunks = new HashMap<>();

    Leaves(long size) {
      this.size = size;
    }

    AuditHash get(long index) {
      long chunk = index / CHUNK;
      AuditHash[] hashes = chunks.computeIfAbsent(chunk, c -> {
        AuditHash[] read = new AuditHash[CHUNK];
        long from = c * CHUNK;
        int wanted = (int) Math.min(CHUNK, size - from);
        if (readLeaves(from, wanted, read) < wanted) {
          throw new IllegalStateException("audit chain of tenant " + tenant + " is shorter than its tree");
        }
        return read;
      });
      return hashes[(int) (index % CHUNK)];
    }
  }
}

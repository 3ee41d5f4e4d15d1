package io.gdprkit.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditHash;
import io.gdprkit.internal.Hashing;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * RFC 9162 Merkle tree hashing and the verification of its inclusion and consistency proofs.
 *
 * <p>Leaf hash = SHA-256(0x00 || leaf data), node hash = SHA-256(0x01 || left || right) (RFC 9162 §2.1.1), so a
 * leaf can never pass for a node. The leaf data of an audit entry is its 32-byte chain hash: it commits to the
 * entry's canonical encoding (and to the chain before it), costs one SHA-256 block to hash, and lets a verifier
 * check an entry from the entry alone. The verifications follow RFC 9162 §2.1.3.2 and §2.1.4.2 step by step.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Merkle {

  private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

  private Merkle() {}

  /** Returns SHA-256(0x00 || entry hash), the leaf hash of an entry. */
  public static AuditHash leaf(AuditHash entryHash) {
    return HASHER.get().hash((byte) 0, entryHash, null);
  }

  /** Returns SHA-256(0x01 || left || right). */
  public static AuditHash node(AuditHash left, AuditHash right) {
    return HASHER.get().hash((byte) 1, left, right);
  }

  /** Returns the largest power of two smaller than {@code n}; {@code n} must be at least 2. */
  public static long split(long n) {
    return Long.highestOneBit(n - 1);
  }

  /** Returns MTH of the leaf hashes by the definition (RFC 9162 §2.1.1); for tests and small trees. */
  public static AuditHash root(List<AuditHash> leafHashes) {
    return root(leafHashes, 0, leafHashes.size());
  }

  private static AuditHash root(List<AuditHash> leaves, int from, int to) {
    if (to - from == 1) {
      return leaves.get(from);
    }
    int k = (int) split(to - from);
    return node(root(leaves, from, from + k), root(leaves, from + k, to));
  }

  /** Returns the hash of a perfect tree over {@code leaves}, whose count is a power of two. */
  static AuditHash perfectRoot(AuditHash[] leaves, int count) {
    AuditHash[] level = leaves.clone();
    for (int width = count; width > 1; width >>= 1) {
      for (int i = 0; i < width / 2; i++) {
        level[i] = node(level[2 * i], level[2 * i + 1]);
      }
    }
    return level[0];
  }

  /**
   * Verifies an inclusion proof by RFC 9162 §2.1.3.2.
   *
   * @return whether {@code path} leads from the leaf at {@code index} to {@code root} in a tree of {@code size}
   */
  public static boolean verifyInclusion(AuditHash leafHash, long index, long size, List<AuditHash> path,
      AuditHash root) {
    if (index < 0 || index >= size) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    AuditHash r = leafHash;
    for (AuditHash p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = node(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = node(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && r.equals(root);
  }

  /**
   * Verifies a consistency proof by RFC 9162 §2.1.4.2; equal sizes need an empty path and equal roots.
   *
   * @return whether {@code path} proves that the tree of {@code secondSize} with {@code secondRoot} extends the
   *     tree of {@code firstSize} with {@code firstRoot}
   */
  public static boolean verifyConsistency(long firstSize, long secondSize, AuditHash firstRoot, AuditHash secondRoot,
      List<AuditHash> path) {
    if (firstSize < 1 || secondSize < firstSize) {
      return false;
    }
    if (firstSize == secondSize) {
      return path.isEmpty() && firstRoot.equals(secondRoot);
    }
    if (path.isEmpty()) {
      return false;
    }
    List<AuditHash> nodes = path;
    if (Long.bitCount(firstSize) == 1) {
      nodes = new ArrayList<>(path.size() + 1);
      nodes.add(firstRoot);
      nodes.addAll(path);
    }
    long fn = firstSize - 1;
    long sn = secondSize - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    AuditHash fr = nodes.get(0);
    AuditHash sr = nodes.get(0);
    for (int i = 1; i < nodes.size(); i++) {
      AuditHash c = nodes.get(i);
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = node(c, fr);
        sr = node(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = node(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
  }

  /** A reusable digest and input buffer; one per thread. */
  private static final class Hasher {
    private final MessageDigest sha256 = Hashing.sha256();
    private final byte[] input = new byte[1 + 2 * AuditHash.BYTES];
    private final byte[] output = new byte[AuditHash.BYTES];

    AuditHash hash(byte prefix, AuditHash first, @org.jspecify.annotations.Nullable AuditHash second) {
      input[0] = prefix;
      first.copyTo(input, 1);
      int length = 1 + AuditHash.BYTES;
      if (second != null) {
        second.copyTo(input, length);
        length += AuditHash.BYTES;
      }
      sha256.update(input, 0, length);
      try {
        sha256.digest(output, 0, AuditHash.BYTES);
      } catch (DigestException e) {
        throw new IllegalStateException("SHA-256 did not fit its 32 bytes", e);
      }
      return AuditHash.of(output, 0);
    }
  }
}

package io.gdprkit.tcf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Preconditions;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of TCF ids (purposes, special features, vendors) from 1 to {@link #maxId()}, held as a bit set.
 *
 * <p>It is the decoded form of the TCF spec's bit fields and vendor sections ("The Core String": {@code
 * PurposesConsent}, {@code SpecialFeatureOptIns}, the Vendor Consent Section with its {@code MaxVendorId} and either
 * a {@code BitField} or {@code RangeEntry} list). Bits are kept in the string's order, id 1 in the highest bit of
 * the first word, so that a bit field is copied 64 bits at a time; {@link #contains} is one array read and a shift.
 * Two sets are equal when they have the same {@code maxId} and the same ids.
 *
 * <p>Usage example: <pre>{@code
 * PrimitiveIterator.OfInt vendors = tc.vendorConsents().iterator();
 * while (vendors.hasNext()) { use(vendors.nextInt()); }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class IdSet {

  private static final long[] NO_WORDS = new long[0];

  /** The empty set with {@code maxId} 0, as a vendor section with {@code MaxVendorId} 0 decodes. */
  public static final IdSet EMPTY = new IdSet(NO_WORDS, 0);

  private final long[] words;
  private final int maxId;

  /** Takes {@code words} without copying: only this package's decoder and factories call it. */
  IdSet(long[] words, int maxId) {
    this.words = words;
    this.maxId = maxId;
  }

  /**
   * Returns the set of {@code ids} with the given {@code maxId}.
   *
   * @param maxId the largest id the set may hold, from 0 to 65535 (a 16-bit {@code MaxVendorId})
   * @param ids each from 1 to {@code maxId}
   * @throws InvalidInputException if an id is out of range
   */
  public static IdSet of(int maxId, int... ids) {
    Preconditions.check(maxId >= 0 && maxId <= 0xFFFF, "maxId", "must be between 0 and 65535");
    long[] words = new long[wordsFor(maxId)];
    for (int id : ids) {
      Preconditions.check(id >= 1 && id <= maxId, "id", "must be between 1 and maxId " + maxId);
      words[(id - 1) >>> 6] |= Long.MIN_VALUE >>> (id - 1);
    }
    return new IdSet(words, maxId);
  }

  static int wordsFor(int maxId) {
    return (maxId + 63) >>> 6;
  }

  /** Returns whether {@code id} is in the set; false for any id outside 1 to {@link #maxId()}. */
  public boolean contains(int id) {
    // the shift takes (id - 1) mod 64, which is the bit's place in its word
    return id >= 1 && id <= maxId && words[(id - 1) >>> 6] << (id - 1) < 0;
  }

  /** Returns the largest id the set could hold: {@code MaxVendorId} for a vendor section, the field width else. */
  public int maxId() {
    return maxId;
  }

  /** Returns how many ids the set holds. */
  public int size() {
    int count = 0;
    for (long word : words) {
      count += Long.bitCount(word);
    }
    return count;
  }

  /** Returns whether the set holds no id. */
  public boolean isEmpty() {
    for (long word : words) {
      if (word != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the smallest id in the set that is at least {@code from}, or -1 if there is none; iterates without
   * allocating.
   */
  public int next(int from) {
    int index = Math.max(from, 1) - 1;
    int word = index >>> 6;
    if (word >= words.length) {
      return -1;
    }
    long bits = words[word] & (-1L >>> index);
    while (bits == 0) {
      if (++word == words.length) {
        return -1;
      }
      bits = words[word];
    }
    return (word << 6) + Long.numberOfLeadingZeros(bits) + 1;
  }

  /** Returns an iterator over the ids in ascending order; it keeps its place in the current word. */
  public PrimitiveIterator.OfInt iterator() {
    return new Ids();
  }

  /** Calls {@code action} with each id, in ascending order. */
  public void forEach(IntConsumer action) {
    for (int word = 0; word < words.length; word++) {
      long bits = words[word];
      while (bits != 0) {
        int bit = Long.numberOfLeadingZeros(bits);
        action.accept((word << 6) + bit + 1);
        bits &= ~(Long.MIN_VALUE >>> bit);
      }
    }
  }

  /** Returns the ids in ascending order. */
  public int[] toArray() {
    int[] ids = new int[size()];
    int[] next = {0};
    forEach(id -> ids[next[0]++] = id);
    return ids;
  }

  /** Returns the ids in ascending order. */
  public IntStream stream() {
    return IntStream.of(toArray());
  }

  /** Walks the words once; the bits left to visit of the current word are kept, so each step is short. */
  private final class Ids implements PrimitiveIterator.OfInt {
    private int word;
    private long bits = words.length == 0 ? 0 : words[0];

    @Override
    public boolean hasNext() {
      while (bits == 0) {
        if (word + 1 >= words.length) {
          return false;
        }
        bits = words[++word];
      }
      return true;
    }

    @Override
    public int nextInt() {
      if (!hasNext()) {
        throw new NoSuchElementException("no id left in the set");
      }
      int bit = Long.numberOfLeadingZeros(bits);
      bits ^= Long.MIN_VALUE >>> bit;
      return (word << 6) + bit + 1;
    }
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof IdSet that && maxId == that.maxId && Arrays.equals(words, that.words);
  }

  @Override
  public int hashCode() {
    return 31 * maxId + Arrays.hashCode(words);
  }

  /** Returns the ids and {@code maxId}, such as {@code [2, 7] of 24}. */
  @Override
  public String toString() {
    return Arrays.toString(toArray()) + " of " + maxId;
  }
}

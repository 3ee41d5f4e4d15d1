package io.gdprkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Seeded, reproducible random cases for parameterized tests, so that property-style tests need no engine of their
 * own.
 *
 * <p>A test takes its seeds from {@link #seeds(int)} through a {@code @MethodSource}, builds its case from
 * {@code SeededRandom.of(seed)} and is named {@code @ParameterizedTest(name = "seed {0}")}, so a failure names its
 * seed; Maven's reports show invocation numbers instead, so the class also carries
 * {@code @ExtendWith(SeededRandom.NamesTheSeed.class)}, which puts the seed in the failure message. The seeds are 1
 * to {@code count}, the same in every run; to re-run one case, pass its seed:
 * <pre>{@code ./mvnw -o -pl gdpr-core test -Dtest=ConsentFoldTests -Dgdpr.seed=17}</pre>
 *
 * <p>About one draw in eight of {@link #intBetween} and {@link #longBetween} is an edge value (a bound, next to a
 * bound, or zero), and one list in eight is empty: the cases where code usually breaks come up in every run.
 */
public final class SeededRandom {

  /** The system property that restricts every seeded test to one seed. */
  public static final String SEED_PROPERTY = "gdpr.seed";

  private static final Pattern SEED_NAME = Pattern.compile("seed (-?[0-9]+)");

  private final SplittableRandom random;

  private SeededRandom(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Returns the seeds 1 to {@code count}, or only the seed given in {@value #SEED_PROPERTY}. */
  public static LongStream seeds(int count) {
    String only = System.getProperty(SEED_PROPERTY);
    return only == null || only.isBlank() ? LongStream.rangeClosed(1, count) : LongStream.of(Long.parseLong(only));
  }

  /** Returns the generator of the case with this seed. */
  public static SeededRandom of(long seed) {
    return new SeededRandom(seed);
  }

  /** Returns an int from {@code min} to {@code max}, both included. */
  public int intBetween(int min, int max) {
    return Math.toIntExact(longBetween(min, max));
  }

  /** Returns a long from {@code min} to {@code max}, both included. */
  public long longBetween(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
    if (random.nextInt(8) == 0) {
      long[] edges = {min, max, min + 1, max - 1, 0};
      long edge = edges[random.nextInt(edges.length)];
      if (edge >= min && edge <= max) { // min + 1 and max - 1 may overflow, 0 may be out of range
        return edge;
      }
    }
    if (max < Long.MAX_VALUE) {
      return random.nextLong(min, max + 1);
    }
    return min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, max) + 1;
  }

  /** Returns any long, edge values included. */
  public long anyLong() {
    return longBetween(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** Returns any byte, edge values included. */
  public byte anyByte() {
    return (byte) intBetween(Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  /** Returns true or false alike. */
  public boolean anyBoolean() {
    return random.nextBoolean();
  }

  /** Returns true with this probability. */
  public boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** Returns one of the constants of an enum. */
  public <E extends Enum<E>> E oneOf(Class<E> type) {
    E[] constants = type.getEnumConstants();
    return constants[random.nextInt(constants.length)];
  }

  /** Returns a list of at most {@code maxSize} elements, each made by {@code element}. */
  public <T> List<T> listOf(int maxSize, Function<SeededRandom, T> element) {
    int size = random.nextInt(8) == 0 ? 0 : intBetween(0, maxSize);
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(element.apply(this));
    }
    return list;
  }

  /** Returns {@code length} random bytes. */
  public byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = anyByte();
    }
    return bytes;
  }

  /** Starts the failure message of a case named {@code seed N} with how to re-run that case alone. */
  public static final class NamesTheSeed implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
      Matcher seed = SEED_NAME.matcher(context.getDisplayName());
      if (!seed.matches()) {
        throw failure;
      }
      throw new AssertionError("seed " + seed.group(1) + " failed (re-run it alone with -D" + SEED_PROPERTY + "="
          + seed.group(1) + "): " + failure, failure);
    }
  }
}

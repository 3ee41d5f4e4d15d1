package io.gdprkit.tcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import io.gdprkit.SeededRandom;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The TCF spec's bit fields and vendor sections as {@link IdSet}: ids 1 to maxId, queried and walked alike. */
@ExtendWith(SeededRandom.NamesTheSeed.class)
class IdSetTests {

  static LongStream seeds() {
    return SeededRandom.seeds(100);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("TCF spec BitField: contains, next, iterator, forEach, size and toArray agree with the ids put in")
  void answersEveryQueryAlike(long seed) {
    SeededRandom random = SeededRandom.of(seed);
    int maxId = random.intBetween(0, 3000);
    TreeSet<Integer> expected = new TreeSet<>();
    for (int id = 1; id <= maxId; id++) {
      if (random.chance(random.chance(0.5) ? 0.02 : 0.7)) {
        expected.add(id);
      }
    }

    IdSet set = IdSet.of(maxId, expected.stream().mapToInt(Integer::intValue).toArray());

    assertThat(DecodedFields.boxed(set)).isEqualTo(expected);
    assertThat(set.size()).isEqualTo(expected.size());
    assertThat(set.isEmpty()).isEqualTo(expected.isEmpty());
    for (int id = -1; id <= maxId + 65; id++) {
      assertThat(set.contains(id)).as("contains(%d)", id).isEqualTo(expected.contains(id));
      Integer ceiling = expected.ceiling(Math.max(id, 1));
      assertThat(set.next(id)).as("next(%d)", id).isEqualTo(ceiling == null ? -1 : ceiling);
    }
    assertThat(set).isEqualTo(IdSet.of(maxId, set.toArray())).hasSameHashCodeAs(IdSet.of(maxId, set.toArray()));
  }

  @Test
  @DisplayName("an exhausted iterator says so and throws NoSuchElementException; next past the end is -1")
  void endsCleanly() {
    IdSet set = IdSet.of(130, 1, 64, 65, 130);
    PrimitiveIterator.OfInt iterator = set.iterator();
    for (int i = 0; i < 4; i++) {
      iterator.nextInt();
    }

    assertThat(iterator.hasNext()).isFalse();
    assertThatThrownBy(iterator::nextInt).isInstanceOf(NoSuchElementException.class);
    assertThat(set.next(131)).isEqualTo(-1);
    assertThat(set.next(Integer.MAX_VALUE)).isEqualTo(-1);
    assertThat(set.next(Integer.MIN_VALUE)).isEqualTo(1);
    assertThat(IdSet.EMPTY.iterator().hasNext()).isFalse();
    assertThat(set.toString()).isEqualTo("[1, 64, 65, 130] of 130");
  }

  @Test
  @DisplayName("ids outside 1 to maxId, and a maxId past 16 bits, are refused")
  void refusesIdsOutOfRange() {
    assertThatThrownBy(() -> IdSet.of(10, 11)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> IdSet.of(10, 0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> IdSet.of(65_536)).isInstanceOf(InvalidInputException.class);
  }
}

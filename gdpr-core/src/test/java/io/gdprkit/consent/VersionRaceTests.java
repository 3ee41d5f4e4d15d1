package io.gdprkit.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two kit instances over one consent store race to change a subject's switch and restriction: the histories'
 * sequences, not a lock of one JVM, keep every change and one order (Issue 9).
 */
@Timeout(60)
class VersionRaceTests {

  private static final int THREADS_PER_INSTANCE = 4;
  private static final int CHANGES_PER_THREAD = 50;

  private final SubjectId alice = SubjectId.of("contact-42");
  private final ConsentStore shared = ConsentStore.inMemory();
  private final PseudonymKey pseudonymKey = PseudonymKey.generate();
  private final GdprKit one = instance();
  private final GdprKit two = instance();

  private GdprKit instance() {
    return GdprKit.builder().consentStore(shared).pseudonymKey(pseudonymKey).build();
  }

  @Test
  void keepsEverySwitchChangeOfTwoInstancesInOneGaplessOrder() throws Exception {
    race((kit, n) -> kit.consents().setSwitch(alice, ProcessingSwitch.PROFILING, n % 2 == 0, Actor.subject()));

    List<SwitchChange> history = one.consents().switchHistory(alice);
    int total = 2 * THREADS_PER_INSTANCE * CHANGES_PER_THREAD;
    assertThat(history).extracting(SwitchChange::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    assertThat(two.consents().isSwitchOn(alice, ProcessingSwitch.PROFILING))
        .isEqualTo(history.get(history.size() - 1).on());
  }

  @Test
  void keepsTheRestrictionStateEqualToItsLastRecordedChangeWhenTwoInstancesRace() throws Exception {
    race((kit, n) -> {
      if (n % 2 == 0) {
        kit.restrictions().restrict(alice, "accuracy contested (Art. 18(1)(a))", Actor.staff("dpo"));
      } else {
        try {
          kit.restrictions().lift(alice, "accuracy verified", Actor.staff("dpo"));
        } catch (io.gdprkit.restriction.RestrictionStateException notRestricted) {
          // the other instance lifted it first
        }
      }
    });

    List<RestrictionChange> history = one.restrictions().history(alice);
    assertThat(history).extracting(RestrictionChange::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, history.size()).boxed().toList());
    for (int i = 1; i < history.size(); i++) {
      assertThat(history.get(i).restricted()).as("change %d alternates", i + 1)
          .isNotEqualTo(history.get(i - 1).restricted());
    }
    assertThat(two.restrictions().isRestricted(alice)).isEqualTo(history.get(history.size() - 1).restricted());
  }

  private interface Change {
    void apply(GdprKit kit, int n);
  }

  private void race(Change change) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 2 * THREADS_PER_INSTANCE; t++) {
        GdprKit kit = t % 2 == 0 ? one : two;
        futures.add(executor.submit(() -> {
          start.await();
          for (int n = 0; n < CHANGES_PER_THREAD; n++) {
            change.apply(kit, n);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }
  }
}

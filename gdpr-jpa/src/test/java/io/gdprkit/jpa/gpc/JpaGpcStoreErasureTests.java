package io.gdprkit.jpa.gpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.gpc.GpcSignal;
import io.gdprkit.gpc.GpcSignalRecord;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** An erasure racing an append, which the kit cannot stage since it needs two open transactions. */
@ParameterizedClass(name = "JPA GPC signal store erasure on {0}")
@EnumSource(TestDatabase.class)
class JpaGpcStoreErasureTests {

  private static final SubjectId ALICE = SubjectId.of("alice");
  private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");

  @Parameter
  TestDatabase database;

  @Test
  @DisplayName("Art. 17: an erasure that starts while another unit appends the subject's next record leaves no record")
  void anErasureRacingAnAppendLeavesNoRecord() throws Exception {
    database.clean();
    JpaGpcStore store = new JpaGpcStore(database.transactions());
    store.append(record(1));
    CountDownLatch appended = new CountDownLatch(1);
    CountDownLatch erasing = new CountDownLatch(1);

    CompletableFuture<Void> append = CompletableFuture.runAsync(() -> database.transactions().useTransaction(() -> {
      store.append(record(2));
      appended.countDown();
      await(erasing);
      pause(); // lets the erasure reach the lock this unit holds on record 1 before this unit commits
    }));
    assertThat(appended.await(60, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Integer> erase = CompletableFuture.supplyAsync(() -> {
      erasing.countDown();
      return store.erase(ALICE);
    });
    append.get(60, TimeUnit.SECONDS);
    int erased = erase.get(60, TimeUnit.SECONDS);

    assertThat(store.history(ALICE)).isEmpty();
    assertThat(erased).isEqualTo(2);
  }

  private static GpcSignalRecord record(long sequence) {
    return new GpcSignalRecord(ALICE, sequence, START.plusSeconds(sequence), GpcSignal.Source.SEC_GPC_HEADER,
        "https://shop.example", null, List.of("ad-sharing"), List.of());
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the erasure never started");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1_500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

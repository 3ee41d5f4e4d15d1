package io.gdprkit.jpa.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.recipient.Notification;
import io.gdprkit.recipient.NotificationReason;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Claims of Art. 19 notices by instances whose transactions overlap, beyond what the kit can see one call at a time. */
@ParameterizedClass(name = "JPA disclosure store claims on {0}")
@EnumSource(TestDatabase.class)
class JpaDisclosureStoreClaimTests {

  private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");

  @Parameter
  TestDatabase database;

  @Test
  @DisplayName("Art. 19: a claim made while another instance's claim is still uncommitted skips its rows at once, never"
      + " waiting for them nor taking them")
  void skipsRowsAnotherUncommittedClaimHolds() throws Exception {
    database.clean();
    JpaDisclosureStore first = new JpaDisclosureStore(database.transactions());
    JpaDisclosureStore second = new JpaDisclosureStore(database.transactions());
    List<Notification> saved = IntStream.range(0, 5).mapToObj(this::notification).toList();
    saved.forEach(first::saveNotification);
    Instant held = Instant.now().plus(Duration.ofHours(1));
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    CompletableFuture<List<Notification>> open = CompletableFuture.supplyAsync(() ->
        database.transactions().inTransaction(() -> {
          List<Notification> mine = first.claimUndelivered("node-a#1", held, 2);
          claimed.countDown();
          await(release);
          return mine;
        }));
    assertThat(claimed.await(60, TimeUnit.SECONDS)).as("the first claim ran").isTrue();
    List<Notification> whileOpen;
    try {
      whileOpen = CompletableFuture.supplyAsync(() -> second.claimUndelivered("node-b#1", held, 10))
          .get(30, TimeUnit.SECONDS);
    } finally {
      release.countDown();
    }
    List<Notification> byFirst = open.get(60, TimeUnit.SECONDS);

    assertThat(byFirst).extracting(Notification::id).containsExactly(saved.get(0).id(), saved.get(1).id());
    if (database == TestDatabase.H2) {
      // H2 locks every row the query matches, not only those the limit returns: the second claimer finds none free.
      assertThat(whileOpen).isEmpty();
    } else {
      assertThat(whileOpen).extracting(Notification::id)
          .containsExactly(saved.get(2).id(), saved.get(3).id(), saved.get(4).id());
    }
    assertThat(second.claimUndelivered("node-c#1", held, 10)).extracting(Notification::id).as("only unleased rows")
        .containsExactlyElementsOf(database == TestDatabase.H2
            ? saved.subList(2, 5).stream().map(Notification::id).toList() : List.of());
  }

  @Test
  @DisplayName("Art. 19: a claim rolled back with its unit leases nothing, so the notices are claimed again at once")
  void aRolledBackClaimLeasesNothing() {
    database.clean();
    JpaDisclosureStore store = new JpaDisclosureStore(database.transactions());
    Notification pending = notification(0);
    store.saveNotification(pending);
    Instant held = Instant.now().plus(Duration.ofHours(1));

    try {
      database.transactions().useTransaction(() -> {
        assertThat(store.claimUndelivered("node-a#1", held, 10)).hasSize(1);
        throw new IllegalStateException("the sender crashed before its claim committed");
      });
    } catch (IllegalStateException expected) {
      // rolled back
    }

    assertThat(store.claimUndelivered("node-b#1", held, 10)).extracting(Notification::id)
        .containsExactly(pending.id());
  }

  private Notification notification(int minute) {
    SubjectId alice = SubjectId.of("alice");
    return Notification.pending(UUID.randomUUID(), alice, "k1:alice", "r-" + minute, NotificationReason.RECTIFIED,
        Map.of("field", "email"), START.plusSeconds(60L * minute));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the first claim");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package io.gdprkit.test.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.InvalidInputException;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.Notification;
import io.gdprkit.recipient.NotificationReason;
import io.gdprkit.recipient.NotificationStatus;
import io.gdprkit.recipient.TransferBasis;
import io.gdprkit.recipient.spi.DisclosureStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Checks that a {@link DisclosureStore} keeps its contract: a subject's disclosures in append order with every
 * field, lookup by pseudonym, pseudonymisation of one subject only (idempotent, tenants apart), notifications saved
 * and replaced by id in first-saved order, undelivered ones oldest first, notifications claimed with owner and lease
 * (taken over once the lease ran out, completed by their owner only, never claimed twice by racing claimers over two
 * store instances), and thread safety.
 *
 * <p>Leases are compared with the store's own clock; the kit sets lease ends relative to {@link #now()}, a lease that
 * ended a minute ago standing for one whose holder died. {@link #secondStore()} returns another store instance over
 * the same backing data; the in-memory store has none and races two claimers on one instance.
 *
 * <p>{@link #createStore()} is called once in every test and must return an empty store.
 *
 * <p>Usage example: <pre>{@code class JpaDisclosureStoreTests extends DisclosureStoreCompatibilityKit { protected DisclosureStore createStore() { return new JpaDisclosureStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class DisclosureStoreCompatibilityKit extends StoreCompatibilityKit<DisclosureStore> {

  private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(10);
  private static final SubjectId ALICE = SubjectId.of("alice");
  private static final SubjectId BOB = SubjectId.of("bob");
  private static final SubjectId OTHER_ALICE = SubjectId.of(TenantId.of("acme"), "alice");

  private static String pseudonym(SubjectId subject) {
    return "k1:" + subject.tenant().value() + "-" + subject.value();
  }

  private static Disclosure disclosure(SubjectId subject, String recipient, int minute) {
    return new Disclosure(UUID.randomUUID(), subject.tenant(), subject, pseudonym(subject), recipient, "billing",
        Set.of(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL), CountryCode.of("IE"), CountryCode.of("CH"),
        TransferBasis.ADEQUACY_DECISION, Actor.system("sync"), START.plusSeconds(60L * minute));
  }

  private static Notification notification(SubjectId subject, String recipient, int minute) {
    return Notification.pending(UUID.randomUUID(), subject, pseudonym(subject), recipient, NotificationReason.ERASED,
        Map.of("scope", "EVERYTHING"), START.plusSeconds(60L * minute));
  }

  @Nested
  @DisplayName("the disclosure log")
  class Log {

    @Test
    @DisplayName("a subject's disclosures come back in append order with every field")
    void returnsDisclosuresInAppendOrder() {
      Disclosure first = disclosure(ALICE, "mailer", 3);
      Disclosure second = disclosure(ALICE, "bank", 1);
      Disclosure bobs = disclosure(BOB, "mailer", 2);

      store().append(first);
      store().append(bobs);
      store().append(second);

      assertThat(store().bySubject(ALICE)).containsExactly(first, second);
      assertThat(store().bySubject(BOB)).containsExactly(bobs);
      assertThat(store().byPseudonym(pseudonym(ALICE))).containsExactly(first, second);
      assertThat(store().bySubject(SubjectId.of("carol"))).isEmpty();
    }

    @Test
    @DisplayName("subjects with the same id in two tenants are kept apart")
    void keepsTenantsApart() {
      Disclosure home = disclosure(ALICE, "mailer", 1);
      Disclosure away = disclosure(OTHER_ALICE, "mailer", 1);

      store().append(home);
      store().append(away);

      assertThat(store().bySubject(ALICE)).containsExactly(home);
      assertThat(store().bySubject(OTHER_ALICE)).containsExactly(away);
    }

    @Test
    @DisplayName("a disclosure that names no subject is refused and nothing is stored")
    void refusesADisclosureWithoutSubject() {
      Disclosure anonymous = disclosure(ALICE, "mailer", 1).pseudonymised();

      Throwable thrown = thrownBy(() -> store().append(anonymous));

      assertThat(thrown).isInstanceOf(InvalidInputException.class);
      assertThat(store().byPseudonym(pseudonym(ALICE))).isEmpty();
    }
  }

  @Nested
  @DisplayName("paging a subject's log")
  class Paging {

    @Test
    @DisplayName("pages follow append order, skip other subjects and together give the whole log")
    void pagesInAppendOrder() {
      List<Disclosure> alices = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        Disclosure mine = disclosure(ALICE, "r-" + i, i);
        alices.add(mine);
        store().append(mine);
        store().append(disclosure(BOB, "r-" + i, i));
      }

      List<Disclosure> first = store().bySubject(ALICE, 0, 3);
      List<Disclosure> second = store().bySubject(ALICE, 3, 3);
      List<Disclosure> last = store().bySubject(ALICE, 6, 3);

      assertThat(first).containsExactlyElementsOf(alices.subList(0, 3));
      assertThat(second).containsExactlyElementsOf(alices.subList(3, 6));
      assertThat(last).containsExactly(alices.get(6));
      assertThat(store().bySubject(ALICE, 7, 3)).isEmpty();
      assertThat(store().bySubject(ALICE, 0, 100)).containsExactlyElementsOf(store().bySubject(ALICE));
    }

    @Test
    @DisplayName("a pseudonymised subject has no pages")
    void pseudonymisedEntriesAreNotPaged() {
      store().append(disclosure(ALICE, "mailer", 1));
      store().pseudonymise(ALICE);

      assertThat(store().bySubject(ALICE, 0, 10)).isEmpty();
    }

    @Test
    @DisplayName("a negative offset or a limit below one is refused")
    void refusesBadBounds() {
      store().append(disclosure(ALICE, "mailer", 1));

      assertThat(thrownBy(() -> store().bySubject(ALICE, -1, 10))).isInstanceOf(InvalidInputException.class);
      assertThat(thrownBy(() -> store().bySubject(ALICE, 0, 0))).isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  @DisplayName("pseudonymisation")
  class Pseudonymisation {

    @Test
    @DisplayName("clears the id of exactly that subject's entries, keeps them under the pseudonym, and is idempotent")
    void clearsOneSubjectOnly() {
      Disclosure first = disclosure(ALICE, "mailer", 1);
      Disclosure second = disclosure(ALICE, "bank", 2);
      Disclosure bobs = disclosure(BOB, "mailer", 3);
      Disclosure away = disclosure(OTHER_ALICE, "mailer", 4);
      List.of(first, bobs, second, away).forEach(store()::append);

      int cleared = store().pseudonymise(ALICE);

      assertThat(cleared).isEqualTo(2);
      assertThat(store().bySubject(ALICE)).isEmpty();
      assertThat(store().byPseudonym(pseudonym(ALICE))).containsExactly(first.pseudonymised(), second.pseudonymised());
      assertThat(store().bySubject(BOB)).containsExactly(bobs);
      assertThat(store().bySubject(OTHER_ALICE)).containsExactly(away);
      assertThat(store().pseudonymise(ALICE)).isZero();
    }
  }

  @Nested
  @DisplayName("notifications")
  class Notifications {

    @Test
    @DisplayName("are found by id, subject and pseudonym, and a save under a known id replaces in place")
    void savesAndReplacesById() {
      Notification first = notification(ALICE, "mailer", 1);
      Notification second = notification(ALICE, "bank", 2);
      store().saveNotification(first);
      store().saveNotification(second);

      Notification failed = first.failed("java.io.IOException");
      store().saveNotification(failed);

      assertThat(store().notification(first.id())).contains(failed);
      assertThat(store().notification(UUID.randomUUID())).isEmpty();
      assertThat(store().notifications(ALICE)).containsExactly(failed, second);
      assertThat(store().notificationsByPseudonym(pseudonym(ALICE))).containsExactly(failed, second);
      assertThat(store().notifications(BOB)).isEmpty();
    }

    @Test
    @DisplayName("undelivered ones, pending or failed but not delivered or superseded, are listed oldest first up to the limit")
    void listsUndeliveredOldestFirst() {
      Notification pending = notification(ALICE, "mailer", 1);
      Notification delivered = notification(ALICE, "bank", 2);
      Notification failed = notification(BOB, "mailer", 3);
      Notification later = notification(BOB, "bank", 4);
      Notification superseded = notification(BOB, "printer", 5);
      List.of(pending, delivered, failed, later, superseded).forEach(store()::saveNotification);

      store().saveNotification(delivered.delivered(START.plusSeconds(600)));
      store().saveNotification(failed.failed("java.net.ConnectException"));
      store().saveNotification(superseded.superseded());

      assertThat(store().undelivered(10)).extracting(Notification::id)
          .containsExactly(pending.id(), failed.id(), later.id());
      assertThat(store().undelivered(2)).extracting(Notification::status)
          .containsExactly(NotificationStatus.PENDING, NotificationStatus.FAILED);
    }

    @Test
    @DisplayName("a delivered notification that no longer names its subject is found only by pseudonym")
    void findsAForgottenSubjectsNotificationByPseudonymOnly() {
      Notification sent = notification(ALICE, "mailer", 1).delivered(START.plusSeconds(120));
      store().saveNotification(sent);

      store().saveNotification(sent.pseudonymised());

      assertThat(store().notifications(ALICE)).isEmpty();
      assertThat(store().notificationsByPseudonym(pseudonym(ALICE))).singleElement()
          .satisfies(n -> assertThat(n.subject()).isNull());
    }
  }

  /** Returns the time the store compares leases with; the system clock's by default. */
  protected Instant now() {
    return Instant.now();
  }

  /**
   * Returns a second store instance over the same backing data as {@link #store()}; the same instance by default,
   * for stores that have only one.
   */
  protected DisclosureStore secondStore() {
    return store();
  }

  private Instant held() {
    return now().plus(Duration.ofHours(1));
  }

  private Instant ranOut() {
    return now().minus(Duration.ofMinutes(1));
  }

  @Nested
  @DisplayName("notification leases")
  class Leases {

    @Test
    @DisplayName("undelivered notifications are claimed oldest first up to the limit, each by one owner")
    void claimsUndeliveredOldestFirstOnce() {
      Notification first = notification(ALICE, "mailer", 1);
      Notification delivered = notification(ALICE, "bank", 2);
      Notification second = notification(BOB, "mailer", 3);
      Notification third = notification(BOB, "bank", 4);
      List.of(first, delivered, second, third).forEach(store()::saveNotification);
      store().saveNotification(delivered.delivered(START.plusSeconds(600)));

      List<Notification> byA = store().claimUndelivered("node-a#1", held(), 2);
      List<Notification> byB = secondStore().claimUndelivered("node-b#1", held(), 10);
      List<Notification> none = store().claimUndelivered("node-c#1", held(), 10);

      assertThat(byA).extracting(Notification::id).containsExactly(first.id(), second.id());
      assertThat(byB).extracting(Notification::id).containsExactly(third.id());
      assertThat(none).isEmpty();
    }

    @Test
    @DisplayName("a claimed notification is completed by its owner only, which frees it")
    void completesForTheOwnerOnly() {
      Notification pending = notification(ALICE, "mailer", 1);
      store().saveNotification(pending);
      store().claimUndelivered("node-a#1", held(), 10);

      boolean byOther = secondStore().completeNotification(pending.delivered(START.plusSeconds(60)), "node-b#1");
      Optional<Notification> claimedByOther = secondStore().claimNotification(pending.id(), "node-b#1", held());
      boolean byOwner = store().completeNotification(pending.failed("java.io.IOException"), "node-a#1");

      assertThat(byOther).isFalse();
      assertThat(claimedByOther).isEmpty();
      assertThat(byOwner).isTrue();
      assertThat(store().notification(pending.id())).hasValueSatisfying(
          n -> assertThat(n.status()).isEqualTo(NotificationStatus.FAILED));
      assertThat(secondStore().claimUndelivered("node-b#1", held(), 10)).extracting(Notification::id)
          .containsExactly(pending.id());
    }

    @Test
    @DisplayName("a lease that ran out is taken over, and the old holder's completion then saves nothing")
    void takesOverALeaseThatRanOut() {
      Notification pending = notification(ALICE, "mailer", 1);
      store().saveNotification(pending);
      store().claimUndelivered("node-a#1", ranOut(), 10);

      List<Notification> taken = secondStore().claimUndelivered("node-b#1", held(), 10);
      boolean lateCompletion = store().completeNotification(pending.delivered(START.plusSeconds(60)), "node-a#1");

      assertThat(taken).extracting(Notification::id).containsExactly(pending.id());
      assertThat(lateCompletion).isFalse();
      assertThat(store().notification(pending.id())).contains(pending);
    }

    @Test
    @DisplayName("a notification is claimed by id whatever its status, again by its owner, and released by its owner only")
    void claimsByIdAndReleases() {
      Notification sent = notification(ALICE, "mailer", 1).delivered(START.plusSeconds(60));
      store().saveNotification(sent);

      Optional<Notification> claimed = store().claimNotification(sent.id(), "node-a#1", held());
      Optional<Notification> again = store().claimNotification(sent.id(), "node-a#1", held());
      boolean releasedByOther = secondStore().releaseNotification(sent.id(), "node-b#1");
      boolean releasedByOwner = store().releaseNotification(sent.id(), "node-a#1");

      assertThat(claimed).contains(sent);
      assertThat(again).contains(sent);
      assertThat(releasedByOther).isFalse();
      assertThat(releasedByOwner).isTrue();
      assertThat(secondStore().claimNotification(sent.id(), "node-b#1", held())).contains(sent);
      assertThat(store().claimNotification(UUID.randomUUID(), "node-a#1", held())).isEmpty();
    }

    @Test
    @DisplayName("claimers racing over two store instances claim every undelivered notification exactly once")
    void claimsEachNotificationOnceUnderRacingClaimers() throws Exception {
      int notifications = 200;
      IntStream.range(0, notifications).forEach(i -> store().saveNotification(notification(ALICE, "r-" + i, i)));
      DisclosureStore second = secondStore();

      List<List<UUID>> claimed = race(8, RACE_TIMEOUT, thread -> {
        DisclosureStore mine = thread % 2 == 0 ? store() : second;
        List<UUID> ids = new ArrayList<>();
        List<Notification> batch = mine.claimUndelivered("node-" + thread, held(), 7);
        while (!batch.isEmpty()) {
          batch.forEach(n -> ids.add(n.id()));
          batch = mine.claimUndelivered("node-" + thread, held(), 7);
        }
        return ids;
      });

      assertThat(claimed.stream().flatMap(List::stream).toList()).doesNotHaveDuplicates().hasSize(notifications);
    }
  }

  @Nested
  @DisplayName("concurrency")
  class Concurrency {

    @Test
    @DisplayName("appends for one subject from many threads are all kept, each thread's in its own order")
    void keepsEveryRacingAppend() throws Exception {
      int threads = 8;
      int perThread = 50;

      List<List<Disclosure>> appended = race(threads, RACE_TIMEOUT, thread -> IntStream.range(0, perThread)
          .mapToObj(i -> {
            Disclosure d = disclosure(ALICE, "r-" + thread, i);
            store().append(d);
            return d;
          }).toList());

      List<Disclosure> stored = store().bySubject(ALICE);
      assertThat(stored).hasSize(threads * perThread);
      for (List<Disclosure> own : appended) {
        assertThat(stored.stream().filter(own::contains).toList()).containsExactlyElementsOf(own);
      }
    }

    @Test
    @DisplayName("pseudonymising a subject while others are appended loses and clears none of the others")
    void pseudonymisingRacesAppendsOfOtherSubjects() throws Exception {
      int threads = 4;
      int perThread = 50;
      IntStream.range(0, perThread).forEach(i -> store().append(disclosure(ALICE, "mailer", i)));

      race(threads, RACE_TIMEOUT, thread -> {
        if (thread == 0) {
          return store().pseudonymise(ALICE);
        }
        IntStream.range(0, perThread).forEach(i -> store().append(disclosure(BOB, "r-" + thread, i)));
        return 0;
      });

      assertThat(store().bySubject(ALICE)).isEmpty();
      assertThat(store().byPseudonym(pseudonym(ALICE))).hasSize(perThread);
      assertThat(store().bySubject(BOB)).hasSize((threads - 1) * perThread);
    }

    @Test
    @DisplayName("notifications saved and updated from many threads are all kept with their last state")
    void keepsRacingNotificationSaves() throws Exception {
      int threads = 8;
      int perThread = scaledRounds(25); // two writes and a read each: the slowest loop of the kit on a database

      List<List<Notification>> saved = race(threads, RACE_TIMEOUT, thread -> IntStream.range(0, perThread)
          .mapToObj(i -> {
            Notification n = notification(thread % 2 == 0 ? ALICE : BOB, "r-" + thread, i);
            store().saveNotification(n);
            Notification done = n.delivered(START.plusSeconds(3_600));
            store().saveNotification(done);
            return done;
          }).toList());

      assertThat(store().undelivered(10 * threads * perThread)).isEmpty();
      assertThat(store().notifications(ALICE).size() + store().notifications(BOB).size())
          .isEqualTo(threads * perThread);
      saved.stream().flatMap(List::stream)
          .forEach(n -> assertThat(store().notification(n.id())).contains(n));
    }
  }
}

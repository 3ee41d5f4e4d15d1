package io.gdprkit.test.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.erasure.ErasureExemption;
import io.gdprkit.erasure.ErasureJobConflictException;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.InformedController;
import io.gdprkit.erasure.ProviderReport;
import io.gdprkit.erasure.Publication;
import io.gdprkit.erasure.RetainedField;
import io.gdprkit.erasure.spi.ErasureHold;
import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.erasure.spi.Tombstone;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.junit.jupiter.api.Timeout;

/**
 * Checks that an {@link ErasureStore} keeps its contract as a database adapter must: one pending job per subject,
 * compare-and-set saves, claims with owner and lease that a second owner takes over once the lease ran out, bounded
 * pages, reports and tombstones kept per tenant, holds on kept data claimed once due (Art. 17(3)), records of data
 * made public whose writes roll back with their unit (Art. 17(2)), and claims that race from two store instances over
 * the same data.
 *
 * <p>Leases are compared with the store's own clock; the kit sets lease ends relative to {@link #now()}, a lease that
 * ended a minute ago standing for one whose holder died. {@link #secondStore()} returns another store instance over
 * the same backing data (another connection pool, say); the in-memory store has no such thing and races two claimers
 * on one instance.
 *
 * <p>{@link #createStore()} is called once in every test, after the subclass's {@code @BeforeEach} methods, and must
 * return an empty store.
 *
 * <p>Usage example: <pre>{@code class JpaErasureStoreTests extends ErasureStoreCompatibilityKit { protected ErasureStore createStore() { return new JpaErasureStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class ErasureStoreCompatibilityKit extends StoreCompatibilityKit<ErasureStore> {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(20);

  private static final SubjectId ALICE = SubjectId.of("alice");
  private static final SubjectId BOB = SubjectId.of("bob");
  private static final SubjectId CAROL = SubjectId.of("carol");
  private static final TenantId ACME = TenantId.of("acme");
  private static final SubjectId ACME_ALICE = SubjectId.of(ACME, "alice");

  /** Returns the time the store compares leases with; the system clock's by default. */
  protected Instant now() {
    return Instant.now();
  }

  /**
   * Returns a second store instance over the same backing data as {@link #store()}; the same instance by default,
   * for stores that have only one.
   */
  protected ErasureStore secondStore() {
    return store();
  }

  private Instant held() {
    return now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
  }

  private Instant ranOut() {
    return now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MILLIS);
  }

  /** Inserts a new job and returns it as stored. */
  private ErasureJob inserted(ErasureJob job) {
    assertThat(store().insert(job)).isEmpty();
    return store().find(job.id()).orElseThrow();
  }

  @Nested
  @DisplayName("jobs")
  class Jobs {

    @Test
    @DisplayName("an inserted job is found by id with every field unchanged and version 1")
    void findsAnInsertedJob() {
      ErasureJob job = new ErasureJob(id(2), BOB, ErasureScope.consentWithdrawn("newsletter").anonymising(), 1, id(1),
          Instant.parse("2026-03-02T09:00:00.123Z"), Set.of(ErasureJob.Step.PREPARED, ErasureJob.Step.LEDGER_ERASED),
          List.of(id(3), id(4)), 2, Map.of("crm", new ProviderReport("crm", 3, 1, List.of(), false,
              Instant.parse("2030-01-01T00:00:00Z"))), 5, 2, List.of(id(3)), 1, "billing", 0,
          new ErasureJob.Lease("node-a#1", Instant.parse("2026-03-02T09:05:00Z")), List.of(informed(7)),
          new ErasureJob.Release(id(9), Instant.parse("2025-03-02T09:00:00.5Z")));

      Optional<ErasureJob> blocking = store().insert(job);

      assertThat(blocking).isEmpty();
      assertThat(store().find(id(2))).contains(job.withVersion(1));
      assertThat(store().active(BOB)).contains(job.withVersion(1));
    }

    @Test
    @DisplayName("a second job for a subject with a pending job is not inserted; the pending one is returned")
    void insertsOneJobPerSubject() {
      ErasureJob first = inserted(job(id(1), ALICE, 1));

      Optional<ErasureJob> blocking = store().insert(job(id(2), ALICE, 2));

      assertThat(blocking).contains(first);
      assertThat(store().find(id(2))).isEmpty();
      assertThat(store().insert(job(id(3), ACME_ALICE, 3))).as("same id, other tenant").isEmpty();
    }

    @Test
    @DisplayName("inserting a job id twice is a conflict")
    void refusesADuplicateId() {
      inserted(job(id(1), ALICE, 1));

      Throwable thrown = thrownBy(() -> store().insert(job(id(1), BOB, 2)));

      assertThat(thrown).isInstanceOf(ErasureJobConflictException.class);
      assertThat(store().active(BOB)).isEmpty();
    }

    @Test
    @DisplayName("a save at the stored version stores the next version; a save at a stale one changes nothing")
    void comparesVersionsOnSave() {
      ErasureJob stored = inserted(job(id(1), ALICE, 1));
      ErasureJob progressed = stored.prepared(List.of(id(7)), 1)
          .withDone(new ProviderReport("crm", 2, 0, List.of(), false)).withFailure("billing");

      ErasureJob saved = store().save(progressed);
      Throwable stale = thrownBy(() -> store().save(stored.withStep(ErasureJob.Step.TOMBSTONE_WRITTEN)));

      assertThat(saved).isEqualTo(progressed.withVersion(2));
      assertThat(stale).isInstanceOfSatisfying(ErasureJobConflictException.class,
          e -> assertThat(e.job()).isEqualTo(id(1)));
      assertThat(store().find(id(1))).contains(saved);
    }

    @Test
    @DisplayName("saving a job that is no longer pending is a conflict")
    void refusesToSaveACompletedJob() {
      ErasureJob stored = inserted(job(id(1), ALICE, 1));
      store().complete(stored, report(id(1), 2));

      Throwable thrown = thrownBy(() -> store().save(stored));

      assertThat(thrown).isInstanceOf(ErasureJobConflictException.class);
      assertThat(store().find(id(1))).isEmpty();
    }

    @Test
    @DisplayName("pending jobs page in bounded pages that together give every job once")
    void pagesPendingJobs() {
      IntStream.range(0, 11).forEach(i -> inserted(job(id(i + 1), SubjectId.of("s-" + i), i)));

      List<ErasureJob> all = pageThrough(4, after -> store().pending(after, 4), ErasureJob::id);

      assertThat(all).extracting(ErasureJob::id).doesNotHaveDuplicates().hasSize(11);
      assertThat(store().pending(null, 3)).hasSize(3);
    }
  }

  @Nested
  @DisplayName("claims and leases")
  class Claims {

    @Test
    @DisplayName("claimNext takes free top-level jobs oldest first up to the limit, leasing them to the owner")
    void claimsFreeJobsOldestFirst() {
      inserted(job(id(1), ALICE, 30));
      inserted(job(id(2), BOB, 10));
      inserted(job(id(3), CAROL, 20));
      inserted(ErasureJob.start(id(4), SubjectId.of("dave"), ErasureScope.everything(), 1, id(2), START));
      Instant until = held();

      List<ErasureJob> first = store().claimNext("node-a#1", until, 2);
      List<ErasureJob> second = secondStore().claimNext("node-b#1", until, 10);

      assertThat(first).extracting(ErasureJob::id).containsExactly(id(2), id(3));
      assertThat(first).allSatisfy(job -> {
        assertThat(job.lease()).isEqualTo(new ErasureJob.Lease("node-a#1", until));
        assertThat(job.version()).isEqualTo(2);
      });
      assertThat(second).extracting(ErasureJob::id).as("children are claimed by their parent's runner")
          .containsExactly(id(1));
      assertThat(store().find(id(2)).orElseThrow().lease().owner()).isEqualTo("node-a#1");
    }

    @Test
    @DisplayName("a job held by another owner is not claimed; its own owner may claim it again")
    void claimsAHeldJobOnlyForItsOwner() {
      ErasureJob job = inserted(job(id(1), ALICE, 1));
      store().claim(job.id(), "node-a#1", held());

      Optional<ErasureJob> byOther = secondStore().claim(id(1), "node-b#1", held());
      Optional<ErasureJob> byOwner = store().claim(id(1), "node-a#1", held());

      assertThat(byOther).isEmpty();
      assertThat(byOwner).isPresent();
      assertThat(store().claimNext("node-b#1", held(), 10)).isEmpty();
    }

    @Test
    @DisplayName("a lease that ran out is taken over, and the old holder's next save is a conflict")
    void takesOverALeaseThatRanOut() {
      inserted(job(id(1), ALICE, 1));
      ErasureJob heldByDead = store().claim(id(1), "node-a#1", ranOut()).orElseThrow();

      List<ErasureJob> taken = secondStore().claimNext("node-b#1", held(), 10);
      Throwable lateSave = thrownBy(() -> store().save(heldByDead.withStep(ErasureJob.Step.PREPARED)));

      assertThat(taken).singleElement().satisfies(job -> assertThat(job.lease().owner()).isEqualTo("node-b#1"));
      assertThat(lateSave).isInstanceOf(ErasureJobConflictException.class);
      assertThat(store().find(id(1)).orElseThrow().prepared()).isFalse();
    }

    @Test
    @DisplayName("a lease that ran out is also taken over by a claim of the job by id")
    void takesOverALeaseThatRanOutById() {
      inserted(job(id(1), ALICE, 1));
      store().claim(id(1), "node-a#1", ranOut());

      Optional<ErasureJob> taken = secondStore().claim(id(1), "node-b#1", held());

      assertThat(taken).hasValueSatisfying(job -> assertThat(job.lease().owner()).isEqualTo("node-b#1"));
    }

    @Test
    @DisplayName("a lease is renewed by its owner only")
    void renewsForTheOwnerOnly() {
      inserted(job(id(1), ALICE, 1));
      store().claim(id(1), "node-a#1", ranOut());
      Instant later = held();

      Optional<ErasureJob> byOther = secondStore().renew(id(1), "node-b#1", later);
      Optional<ErasureJob> byOwner = store().renew(id(1), "node-a#1", later);

      assertThat(byOther).isEmpty();
      assertThat(byOwner).hasValueSatisfying(job -> assertThat(job.lease().until()).isEqualTo(later));
      assertThat(secondStore().claimNext("node-b#1", held(), 10)).isEmpty();
    }

    @Test
    @DisplayName("a released job is claimable at once by anyone; only the owner can release it")
    void releasesForTheOwnerOnly() {
      inserted(job(id(1), ALICE, 1));
      store().claim(id(1), "node-a#1", held());

      boolean byOther = secondStore().release(id(1), "node-b#1");
      boolean byOwner = store().release(id(1), "node-a#1");

      assertThat(byOther).isFalse();
      assertThat(byOwner).isTrue();
      assertThat(secondStore().claim(id(1), "node-b#1", held())).isPresent();
    }

    @Test
    @DisplayName("a job never inserted cannot be claimed")
    void failsToClaimAnUnknownJob() {
      inserted(job(id(1), ALICE, 1));

      assertThat(store().claim(id(2), "node-a#1", held())).isEmpty();
      assertThat(store().renew(id(2), "node-a#1", held())).isEmpty();
      assertThat(store().release(id(2), "node-a#1")).isFalse();
    }
  }

  @Nested
  @DisplayName("completion and reports")
  class Completion {

    @Test
    @DisplayName("completing a job removes it, frees its subject and keeps its report")
    void removesTheJobAndKeepsTheReport() {
      ErasureJob job = inserted(job(id(1), ALICE, 1));
      ErasureReport report = report(id(1), 10);

      store().complete(job, report);

      assertThat(store().find(id(1))).isEmpty();
      assertThat(store().active(ALICE)).isEmpty();
      assertThat(store().report(id(1))).contains(report);
      assertThat(store().claim(id(1), "node-a#1", held())).isEmpty();
      assertThat(store().insert(job(id(2), ALICE, 2))).isEmpty();
    }

    @Test
    @DisplayName("completing from a stale version is a conflict and keeps the job pending without a report")
    void refusesAStaleCompletion() {
      ErasureJob job = inserted(job(id(1), ALICE, 1));
      store().claim(id(1), "node-b#1", held());

      Throwable thrown = thrownBy(() -> store().complete(job, report(id(1), 10)));

      assertThat(thrown).isInstanceOf(ErasureJobConflictException.class);
      assertThat(store().find(id(1))).isPresent();
      assertThat(store().report(id(1))).isEmpty();
    }

    @Test
    @DisplayName("reports page per tenant in completion order, tenants apart")
    void pagesReportsPerTenant() {
      List<ErasureReport> acmes = IntStream.range(0, 5).mapToObj(i -> {
        ErasureJob job = inserted(job(id(i + 1), SubjectId.of(ACME, "s-" + i), i));
        ErasureReport report = report(job.id(), 10 - i);
        store().complete(job, report);
        return report;
      }).toList();
      ErasureJob own = inserted(job(id(9), ALICE, 9));
      store().complete(own, report(own.id(), 20));

      List<ErasureReport> paged = pageThrough(2, after -> store().reports(ACME, after, 2), ErasureReport::job);

      assertThat(paged).containsExactlyElementsOf(acmes);
      assertThat(store().reports(TenantId.DEFAULT, null, 10)).containsExactly(report(own.id(), 20));
      assertThat(store().reports(TenantId.of("nobody"), null, 10)).isEmpty();
    }

    @Test
    @DisplayName("a report is kept with every field unchanged, cascaded reports included")
    void keepsEveryFieldOfAReport() {
      ErasureJob job = inserted(job(id(1), ALICE, 1));
      ErasureReport child = new ErasureReport(id(2), "k1:child-pseudonym", ErasureScope.everything(),
          Instant.parse("2026-03-02T10:00:00.5Z"), List.of(), 0, 0, 0, List.of());
      ErasureScope scope = ErasureScope.categories(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL);
      ErasureReport report = new ErasureReport(id(1), "k1:Zm9v-YmFy_", scope, Instant.parse("2026-03-02T10:00:01.25Z"),
          List.of(new ProviderReport("crm", 4, 2, List.of(new RetainedField("invoice.total", "tax law (AO §147)",
              Instant.parse("2036-12-31T00:00:00Z"), 3), new RetainedField("invoice.iban",
              "Art. 17(3)(b): purpose 'tax-records' on Art. 6(1)(c)", Instant.parse("2035-06-30T00:00:00Z"), 2,
              new ErasureExemption("tax-records", LegalBasis.LEGAL_OBLIGATION,
                  ErasureExemption.Ground.LEGAL_OBLIGATION_OR_PUBLIC_TASK))), true,
              Instant.parse("2034-01-01T00:00:00Z")), new ProviderReport("shop", 0, 7, List.of(), false)),
          5, 2, 1, List.of(child), List.of(informed(1), informed(2)), id(8));

      store().complete(job, report);

      assertThat(store().reports(TenantId.DEFAULT, null, 10)).containsExactly(report);
      assertThat(store().report(id(1))).contains(report);
    }
  }

  @Nested
  @DisplayName("tombstones")
  class Tombstones {

    @Test
    @DisplayName("a saved tombstone is found in its tenant only, case included")
    void findsATombstoneInItsTenant() {
      Tombstone alice = Tombstone.of(TenantId.DEFAULT, "k1:alice", START);

      store().saveTombstone(alice);

      assertThat(store().tombstone(TenantId.DEFAULT, "k1:alice")).contains(alice);
      assertThat(store().tombstone(ACME, "k1:alice")).isEmpty();
      assertThat(store().tombstone(TenantId.DEFAULT, "k1:ALICE")).isEmpty();
    }

    @Test
    @DisplayName("saving a tombstone again replaces it, a recollection included")
    void replacesATombstone() {
      Tombstone alice = Tombstone.of(TenantId.DEFAULT, "k1:alice", START);
      store().saveTombstone(alice);
      Tombstone allowed = alice.recollectionAllowed(START.plusSeconds(60), Actor.staff("dpo-1"));

      store().saveTombstone(allowed);

      assertThat(store().tombstone(TenantId.DEFAULT, "k1:alice")).contains(allowed);
      assertThat(store().tombstones(TenantId.DEFAULT, null, 10)).containsExactly(allowed);
    }

    @Test
    @DisplayName("a tenant's tombstones page by pseudonym, bounded, other tenants apart")
    void pagesTombstonesPerTenant() {
      IntStream.range(0, 7).forEach(i -> store().saveTombstone(Tombstone.of(ACME, "k1:s-" + i, START)));
      store().saveTombstone(Tombstone.of(TenantId.DEFAULT, "k1:s-0", START));

      List<Tombstone> paged = pageThrough(3, after -> store().tombstones(ACME, after, 3), Tombstone::subjectPseudonym);

      assertThat(paged).extracting(Tombstone::subjectPseudonym)
          .containsExactly("k1:s-0", "k1:s-1", "k1:s-2", "k1:s-3", "k1:s-4", "k1:s-5", "k1:s-6");
      assertThat(store().tombstones(TenantId.DEFAULT, null, 10)).hasSize(1);
    }

    @Test
    @DisplayName("tombstones are paged in ascending order of their pseudonym after the given one, at most limit at a time")
    void pagesTombstonesInOrder() {
      List.of("p2:b", "p1:c", "p1:A", "p1-x:a", "p1:a")
          .forEach(pseudonym -> store().saveTombstone(Tombstone.of(ACME, pseudonym, START)));

      List<String> all = pseudonyms(store().tombstones(ACME, null, 10));
      List<String> ofP1 = pseudonyms(store().tombstones(ACME, "p1:", 2));
      List<String> next = pseudonyms(store().tombstones(ACME, "p1:a", 10));

      assertThat(all).containsExactly("p1-x:a", "p1:A", "p1:a", "p1:c", "p2:b");
      assertThat(ofP1).containsExactly("p1:A", "p1:a");
      assertThat(next).containsExactly("p1:c", "p2:b");
    }

    @Test
    @DisplayName("replacing a tombstone swaps it for its re-keyed form once, in its tenant only")
    void replacesATombstoneOnce() {
      Tombstone alice = Tombstone.of(ACME, "p1:alice", START);
      store().saveTombstone(alice);
      store().saveTombstone(Tombstone.of(TenantId.DEFAULT, "p1:alice", START));

      boolean first = store().replaceTombstone(ACME, "p1:alice", Tombstone.of(ACME, "p2:alice", START));
      boolean second = store().replaceTombstone(ACME, "p1:alice", Tombstone.of(ACME, "p2:other", START));

      assertThat(first).isTrue();
      assertThat(second).isFalse();
      assertThat(store().tombstone(ACME, "p1:alice")).isEmpty();
      assertThat(store().tombstone(ACME, "p2:alice")).map(Tombstone::erasedAt).contains(START);
      assertThat(pseudonyms(store().tombstones(ACME, null, 10))).containsExactly("p2:alice");
      assertThat(store().tombstone(TenantId.DEFAULT, "p1:alice")).isPresent();
    }
  }

  private static List<String> pseudonyms(List<Tombstone> tombstones) {
    return tombstones.stream().map(Tombstone::subjectPseudonym).toList();
  }

  @Nested
  @DisplayName("holds on kept data (Art. 17(3))")
  class Holds {

    @Test
    @DisplayName("a saved hold is found by its subject with every field unchanged; saving its id again replaces it")
    void findsAndReplacesAHold() {
      ErasureHold hold = hold(id(1), ALICE, ranOut());
      ErasureHold other = new ErasureHold(id(2), ALICE, ErasureScope.consentWithdrawn("newsletter").anonymising(),
          Instant.parse("2026-03-02T09:00:00.123Z"), held(), new ErasureJob.Lease("node-a#1", held()));

      store().saveHold(hold);
      store().saveHold(other);
      store().saveHold(hold(id(3), ACME_ALICE, ranOut()));
      ErasureHold moved = new ErasureHold(id(1), ALICE, hold.scope(), hold.erasedAt(), held(), null);
      store().saveHold(moved);

      assertThat(store().holds(ALICE)).containsExactly(moved, other);
      assertThat(store().holds(ACME_ALICE)).extracting(ErasureHold::id).as("same id, other tenant")
          .containsExactly(id(3));
      assertThat(store().holds(BOB)).isEmpty();
    }

    @Test
    @DisplayName("claimDueHolds takes due holds with a free lease, earliest due first up to the limit, leasing them")
    void claimsDueHoldsEarliestFirst() {
      store().saveHold(hold(id(1), ALICE, ranOut()));
      store().saveHold(hold(id(2), BOB, ranOut().minus(Duration.ofDays(1))));
      store().saveHold(hold(id(3), CAROL, ranOut().minus(Duration.ofDays(2))));
      store().saveHold(hold(id(4), SubjectId.of("dave"), held()));
      store().saveHold(hold(id(5), SubjectId.of("erin"), ranOut()).leasedTo("node-z#1", held()));
      Instant until = held();

      List<ErasureHold> first = store().claimDueHolds("node-a#1", until, 2);
      List<ErasureHold> second = secondStore().claimDueHolds("node-b#1", until, 10);

      assertThat(first).extracting(ErasureHold::id).containsExactly(id(3), id(2));
      assertThat(first).allSatisfy(h -> assertThat(h.lease()).isEqualTo(new ErasureJob.Lease("node-a#1", until)));
      assertThat(second).extracting(ErasureHold::id).as("not due, or held by another owner, stays")
          .containsExactly(id(1));
      assertThat(store().holds(BOB)).singleElement()
          .satisfies(h -> assertThat(h.lease()).isEqualTo(new ErasureJob.Lease("node-a#1", until)));
    }

    @Test
    @DisplayName("a hold whose lease ran out is taken over; only its owner releases it, and a released one is claimable")
    void takesOverAndReleasesHolds() {
      store().saveHold(hold(id(1), ALICE, ranOut()).leasedTo("node-a#1", ranOut()));
      store().saveHold(hold(id(2), BOB, ranOut()));
      store().claimDueHolds("node-a#1", held(), 10);

      List<ErasureHold> taken = secondStore().claimDueHolds("node-b#1", held(), 10);
      boolean releasedByOther = secondStore().releaseHold(id(1), "node-b#1");
      boolean releasedByOwner = store().releaseHold(id(1), "node-a#1");
      List<ErasureHold> again = secondStore().claimDueHolds("node-b#1", held(), 10);

      assertThat(taken).isEmpty();
      assertThat(releasedByOther).isFalse();
      assertThat(releasedByOwner).isTrue();
      assertThat(again).extracting(ErasureHold::id).containsExactly(id(1));
      assertThat(store().releaseHold(id(9), "node-a#1")).as("no such hold").isFalse();
    }

    @Test
    @DisplayName("a deleted hold is gone, and deleting it again reports that it was not there")
    void deletesAHoldOnce() {
      store().saveHold(hold(id(1), ALICE, ranOut()));

      boolean first = store().deleteHold(id(1));
      boolean second = secondStore().deleteHold(id(1));

      assertThat(first).isTrue();
      assertThat(second).isFalse();
      assertThat(store().holds(ALICE)).isEmpty();
      assertThat(store().claimDueHolds("node-a#1", held(), 10)).isEmpty();
    }

    @Test
    @DisplayName("claimers racing over two store instances claim every due hold exactly once")
    @Timeout(60)
    void claimsEveryDueHoldOnceUnderRacingClaimers() throws Exception {
      int holds = 120;
      IntStream.range(0, holds).forEach(i -> store().saveHold(hold(id(i + 1), SubjectId.of("s-" + i),
          ranOut().minus(Duration.ofMinutes(i)))));
      ErasureStore second = secondStore();

      List<List<UUID>> claimed = race(8, RACE_TIMEOUT, thread -> {
        ErasureStore mine = thread % 2 == 0 ? store() : second;
        List<UUID> ids = new java.util.ArrayList<>();
        List<ErasureHold> batch = mine.claimDueHolds("node-" + thread, held(), 5);
        while (!batch.isEmpty()) {
          batch.forEach(hold -> ids.add(hold.id()));
          batch = mine.claimDueHolds("node-" + thread, held(), 5);
        }
        return ids;
      });

      assertThat(claimed.stream().flatMap(List::stream).toList()).doesNotHaveDuplicates().hasSize(holds);
    }
  }

  @Nested
  @DisplayName("records of data made public (Art. 17(2))")
  class Publications {

    @Test
    @DisplayName("a saved record is found by its subject with every field unchanged, other subjects and tenants apart")
    void findsARecordByItsSubject() {
      Publication first = publication(id(1), ALICE);
      Publication second = new Publication(id(2), ALICE, "member-directory", Set.of(DataCategory.CONTACT_DETAILS,
          DataCategory.ONLINE_IDENTIFIERS), "https://example.org/members", Set.of(), START, Actor.system("cms"));

      store().savePublication(first);
      store().savePublication(second);
      store().savePublication(publication(id(3), ACME_ALICE));
      store().savePublication(publication(id(4), BOB));

      assertThat(store().publications(ALICE)).containsExactly(first, second);
      assertThat(secondStore().publications(ACME_ALICE)).extracting(Publication::id).containsExactly(id(3));
      assertThat(store().publications(CAROL)).isEmpty();
    }

    @Test
    @DisplayName("saving a record's id again replaces it; a deleted record is gone once")
    void replacesAndDeletesARecord() {
      Publication record = publication(id(1), ALICE);
      store().savePublication(record);
      store().savePublication(publication(id(2), ALICE));

      store().savePublication(record.withCategories(Set.of(DataCategory.ONLINE_IDENTIFIERS)));
      boolean deleted = store().deletePublication(id(2));
      boolean again = secondStore().deletePublication(id(2));

      assertThat(store().publications(ALICE)).containsExactly(record.withCategories(
          Set.of(DataCategory.ONLINE_IDENTIFIERS)));
      assertThat(deleted).isTrue();
      assertThat(again).isFalse();
    }

    @Test
    @DisplayName("writes of records in a unit of work that fails are taken back")
    void takesBackWritesOfAFailedUnit() {
      Publication kept = publication(id(1), ALICE);
      store().savePublication(kept);

      inRolledBackUnit(() -> {
        store().deletePublication(id(1));
        store().savePublication(publication(id(2), ALICE));
      });

      assertThat(store().publications(ALICE)).containsExactly(kept);
    }
  }

  @Nested
  @DisplayName("many jobs at once")
  class Batches {

    @Test
    @DisplayName("insertAll adds each job whose subject has none pending and answers, in order, the pending job that"
        + " kept out each other, one earlier in the same list included")
    void insertsManyJobsOnePerSubject() {
      ErasureJob bobs = inserted(job(id(1), BOB, 1));
      List<ErasureJob> jobs = List.of(job(id(2), ALICE, 2), job(id(3), BOB, 3), job(id(4), ACME_ALICE, 4),
          job(id(5), ALICE, 5), job(id(6), CAROL, 6));

      List<Optional<ErasureJob>> answers = store().insertAll(jobs);

      assertThat(answers).containsExactly(Optional.empty(), Optional.of(bobs), Optional.empty(),
          Optional.of(jobs.get(0).withVersion(1)), Optional.empty());
      assertThat(store().find(id(2))).contains(jobs.get(0).withVersion(1));
      assertThat(store().find(id(4))).contains(jobs.get(2).withVersion(1));
      assertThat(store().find(id(6))).contains(jobs.get(4).withVersion(1));
      assertThat(store().find(id(3))).isEmpty();
      assertThat(store().find(id(5))).isEmpty();
      assertThat(store().pending(null, 10)).hasSize(4);
    }

    @Test
    @DisplayName("insertAll of an id a completed job had is a conflict")
    void refusesToInsertTheIdOfACompletedJob() {
      ErasureJob done = inserted(job(id(1), ALICE, 1));
      store().complete(done, report(id(1), 2));

      Throwable thrown = thrownBy(() -> store().insertAll(List.of(job(id(1), BOB, 3))));

      assertThat(thrown).isInstanceOf(ErasureJobConflictException.class);
      assertThat(store().active(BOB)).isEmpty();
    }

    @Test
    @DisplayName("saveAll saves each job at its stored version with its lease; a stale or completed one is answered"
        + " empty and left as stored")
    void savesManyJobsAndLeavesConflictsAsStored() {
      ErasureJob alices = inserted(job(id(1), ALICE, 1));
      ErasureJob bobs = inserted(job(id(2), BOB, 2));
      ErasureJob carols = inserted(job(id(3), CAROL, 3));
      ErasureJob acmes = inserted(job(id(4), ACME_ALICE, 4));
      ErasureJob bobsNow = store().save(bobs.withFailure("crm"));
      store().complete(carols, report(id(3), 5));
      Instant until = held();
      List<ErasureJob> progressed = List.of(alices.prepared(List.of(id(9)), 2).leasedTo("node-a#1", until),
          bobs.withStep(ErasureJob.Step.PREPARED), carols.withStep(ErasureJob.Step.PREPARED),
          acmes.withStep(ErasureJob.Step.PREPARED).leasedTo("node-a#1", until));

      List<Optional<ErasureJob>> answers = store().saveAll(progressed);

      assertThat(answers).containsExactly(Optional.of(progressed.get(0).withVersion(2)), Optional.empty(),
          Optional.empty(), Optional.of(progressed.get(3).withVersion(2)));
      assertThat(store().find(id(1))).contains(progressed.get(0).withVersion(2));
      assertThat(store().find(id(1)).orElseThrow().lease()).isEqualTo(new ErasureJob.Lease("node-a#1", until));
      assertThat(store().find(id(2))).contains(bobsNow);
      assertThat(store().find(id(3))).isEmpty();
      assertThat(store().find(id(4))).contains(progressed.get(3).withVersion(2));
      assertThat(store().saveAll(List.of())).isEmpty();
    }

    @Test
    @DisplayName("completeAll completes each job at its stored version, keeping the reports in the order given; a stale"
        + " one stays pending without a report")
    void completesManyJobsInOrder() {
      List<ErasureJob> jobs = IntStream.range(0, 5).mapToObj(i -> inserted(job(id(i + 1), SubjectId.of("s-" + i),
          i))).toList();
      store().save(jobs.get(2).withFailure("crm"));
      List<ErasureStore.Completion> completions = IntStream.of(4, 0, 2, 1, 3)
          .mapToObj(i -> new ErasureStore.Completion(jobs.get(i), report(jobs.get(i).id(), i))).toList();

      List<Boolean> answers = store().completeAll(completions);

      assertThat(answers).containsExactly(true, true, false, true, true);
      assertThat(store().reports(TenantId.DEFAULT, null, 10)).extracting(ErasureReport::job)
          .containsExactly(id(5), id(1), id(2), id(4));
      assertThat(store().find(id(3))).isPresent();
      assertThat(store().report(id(3))).isEmpty();
      assertThat(store().pending(null, 10)).extracting(ErasureJob::id).containsExactly(id(3));
      assertThat(store().active(SubjectId.of("s-0"))).isEmpty();
    }

    @Test
    @DisplayName("saveTombstones adds and replaces tombstones, each in its tenant")
    void savesManyTombstones() {
      Instant at = START.plus(Duration.ofMinutes(1));
      store().saveTombstone(Tombstone.of(TenantId.DEFAULT, "k1:b", START));
      Tombstone allowed = Tombstone.of(TenantId.DEFAULT, "k1:b", START).recollectionAllowed(at, Actor.staff("dpo-1"));
      List<Tombstone> tombstones = List.of(Tombstone.of(TenantId.DEFAULT, "k1:c", at), allowed,
          Tombstone.of(ACME, "k1:b", at), Tombstone.of(TenantId.DEFAULT, "k1:a", at));

      store().saveTombstones(tombstones);

      assertThat(store().tombstones(TenantId.DEFAULT, null, 10)).containsExactly(tombstones.get(3), allowed,
          tombstones.get(0));
      assertThat(store().tombstones(ACME, null, 10)).containsExactly(tombstones.get(2));
      store().saveTombstones(List.of());
      assertThat(store().tombstones(TenantId.DEFAULT, null, 10)).hasSize(3);
    }

    @Test
    @Timeout(60)
    @DisplayName("instances inserting many jobs of overlapping subjects in opposite orders add one job per subject")
    void insertsOneJobPerSubjectWhenBatchesOverlap() throws Exception {
      int subjects = 40;
      ErasureStore second = secondStore();

      List<List<Optional<ErasureJob>>> answers = race(4, RACE_TIMEOUT, thread -> {
        List<ErasureJob> jobs = IntStream.range(0, subjects)
            .mapToObj(i -> job(id(1_000 * (thread + 1) + i), SubjectId.of("s-" + (thread % 2 == 0 ? i
                : subjects - 1 - i)), i)).toList();
        return (thread % 2 == 0 ? store() : second).insertAll(jobs);
      });

      assertThat(store().pending(null, 1_000)).hasSize(subjects)
          .extracting(ErasureJob::subject).doesNotHaveDuplicates();
      assertThat(answers.stream().flatMap(List::stream).filter(Optional::isEmpty)).hasSize(subjects);
    }
  }

  @Nested
  @DisplayName("concurrency")
  @Timeout(60)
  class Concurrency {

    @Test
    @DisplayName("claimers racing over two store instances claim every job exactly once")
    void claimsEveryJobOnceUnderRacingClaimers() throws Exception {
      int jobs = 200;
      IntStream.range(0, jobs).forEach(i -> inserted(job(id(i + 1), SubjectId.of("s-" + i), i)));
      ErasureStore second = secondStore();

      List<List<UUID>> claimed = race(8, RACE_TIMEOUT, thread -> {
        ErasureStore mine = thread % 2 == 0 ? store() : second;
        List<UUID> ids = new java.util.ArrayList<>();
        List<ErasureJob> batch = mine.claimNext("node-" + thread, held(), 7);
        while (!batch.isEmpty()) {
          batch.forEach(job -> ids.add(job.id()));
          batch = mine.claimNext("node-" + thread, held(), 7);
        }
        return ids;
      });

      List<UUID> all = claimed.stream().flatMap(List::stream).toList();
      assertThat(all).doesNotHaveDuplicates().hasSize(jobs);
    }

    @Test
    @DisplayName("racing inserts for one subject add exactly one job")
    void insertsOneOfRacingJobsForASubject() throws Exception {
      ErasureStore second = secondStore();

      List<Boolean> added = race(8, RACE_TIMEOUT,
          thread -> (thread % 2 == 0 ? store() : second).insert(job(id(thread + 1), ALICE, thread)).isEmpty());

      assertThat(added).filteredOn(Boolean::booleanValue).hasSize(1);
      assertThat(store().pending(null, 100)).hasSize(1);
    }

    @Test
    @DisplayName("racing saves of one version have exactly one winner")
    void letsOneOfRacingSavesWin() throws Exception {
      ErasureJob stored = inserted(job(id(1), ALICE, 1));
      ErasureStore second = secondStore();

      List<Boolean> won = race(8, RACE_TIMEOUT, thread -> {
        try {
          (thread % 2 == 0 ? store() : second).save(stored.withFailure("p-" + thread));
          return true;
        } catch (ErasureJobConflictException lost) {
          return false;
        }
      });

      assertThat(won).filteredOn(Boolean::booleanValue).hasSize(1);
      assertThat(store().find(id(1)).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    @DisplayName("racing completions of distinct jobs keep every report")
    void keepsEveryReportOfRacingCompletions() throws Exception {
      int threads = 8;
      int jobsPerThread = 25;
      List<ErasureJob> jobs = IntStream.range(0, threads * jobsPerThread)
          .mapToObj(i -> inserted(job(id(i + 1), SubjectId.of("s-" + i), i))).toList();

      List<List<ErasureReport>> completed = race(threads, RACE_TIMEOUT, thread -> IntStream.range(0, jobsPerThread)
          .mapToObj(i -> {
            ErasureJob job = jobs.get(thread * jobsPerThread + i);
            ErasureReport report = report(job.id(), i);
            store().complete(job, report);
            return report;
          })
          .toList());

      assertThat(store().pending(null, 1_000)).isEmpty();
      List<ErasureReport> kept = pageThrough(50, after -> store().reports(TenantId.DEFAULT, after, 50),
          ErasureReport::job);
      assertThat(kept).containsExactlyInAnyOrderElementsOf(completed.stream().flatMap(List::stream).toList());
      for (List<ErasureReport> writer : completed) {
        assertThat(kept).containsSubsequence(writer);
      }
    }
  }

  /** Returns a small id; ids from this method sort by {@code n} however UUIDs are compared. */
  private static UUID id(int n) {
    return new UUID(0, n);
  }

  /** Returns a new job to erase everything about a subject, created {@code minute} minutes after a fixed start. */
  private static ErasureJob job(UUID id, SubjectId subject, int minute) {
    return ErasureJob.start(id, subject, ErasureScope.everything(), 0, null, START.plus(Duration.ofMinutes(minute)));
  }

  /** Returns a hold of everything about a subject, erased at a fixed start, due at {@code until}, held by no one. */
  private static ErasureHold hold(UUID id, SubjectId subject, Instant until) {
    return new ErasureHold(id, subject, ErasureScope.everything(), START, until, null);
  }

  /** Returns a record that a subject's contact details were made public, naming two controllers. */
  private static Publication publication(UUID id, SubjectId subject) {
    return new Publication(id, subject, "member-directory", Set.of(DataCategory.CONTACT_DETAILS),
        "public member directory", Set.of("people-finder", "partner"), START.plus(Duration.ofMillis(250)),
        Actor.staff("editor-3"));
  }

  /** Returns a controller told to erase its copies, with notice id {@code n}. */
  private static InformedController informed(int n) {
    return new InformedController("partner-" + n, id(100 + n), "member-directory", "public member directory",
        Set.of(DataCategory.CONTACT_DETAILS), START.plus(Duration.ofSeconds(n)));
  }

  /** Returns a report of a job, completed {@code minute} minutes after a fixed start. */
  private static ErasureReport report(UUID job, int minute) {
    return new ErasureReport(job, "k1:" + job, ErasureScope.everything(), START.plus(Duration.ofMinutes(minute)),
        List.of(new ProviderReport("crm", 1, 0, List.of(), false)), 2, 1, 0, List.of());
  }
}

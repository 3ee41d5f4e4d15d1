package io.gdprkit.test.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.ProviderReport;
import io.gdprkit.erasure.RetainedField;
import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that an {@link ErasureStore} keeps its contract: pending jobs saved, replaced and listed oldest first, claims
 * that succeed once until released or completed, completion that removes the job and keeps its report, tombstones,
 * and thread safety.
 *
 * <p>Jobs created at the same time are ordered by id. The kit only uses ids whose order is the same whichever way a
 * store compares UUIDs: as {@link UUID#compareTo} does, as unsigned bytes, or as text.
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
  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(10);

  private static final SubjectId ALICE = SubjectId.of("alice");
  private static final SubjectId BOB = SubjectId.of("bob");
  private static final SubjectId CAROL = SubjectId.of("carol");

  @Nested
  @DisplayName("jobs")
  class Jobs {

    @Test
    @DisplayName("a saved job is found by id with every field unchanged")
    void findsASavedJob() {
      UUID parent = id(1);
      ErasureJob job = new ErasureJob(id(2), BOB, ErasureScope.consentWithdrawn("newsletter").anonymising(), 1, parent,
          Instant.parse("2026-03-02T09:00:00.123Z"), true, List.of(id(3), id(4)), 2,
          Map.of("crm", new ProviderReport("crm", 3, 1, List.of(), false)), 1, "billing");

      store().save(job);

      assertThat(store().find(id(2))).contains(job);
    }

    @Test
    @DisplayName("saving a job again replaces it")
    void replacesASavedJob() {
      ErasureJob started = job(id(1), ALICE, 1);
      store().save(started);
      ErasureJob progressed = started.prepared(List.of(id(7)), 1)
          .withDone(new ProviderReport("crm", 2, 0, List.of(), false))
          .withFailure("billing");

      store().save(progressed);

      assertThat(store().find(id(1))).contains(progressed);
      assertThat(store().pending()).containsExactly(progressed);
    }

    @Test
    @DisplayName("a job never saved is not found")
    void findsNothingForAnUnknownJob() {
      store().save(job(id(1), ALICE, 1));

      assertThat(store().find(id(2))).isEmpty();
    }

    @Test
    @DisplayName("pending jobs are listed oldest first")
    void listsPendingJobsOldestFirst() {
      ErasureJob newest = job(id(1), ALICE, 30);
      ErasureJob oldest = job(id(2), BOB, 10);
      ErasureJob middle = job(id(3), CAROL, 20);

      store().save(newest);
      store().save(oldest);
      store().save(middle);

      assertThat(store().pending()).containsExactly(oldest, middle, newest);
    }

    @Test
    @DisplayName("pending jobs created at the same time are listed by id")
    void ordersJobsOfTheSameTimeById() {
      ErasureJob third = job(id(0x30), ALICE, 5);
      ErasureJob first = job(id(0x10), BOB, 5);
      ErasureJob earlier = job(id(0x40), CAROL, 4);
      ErasureJob second = job(id(0x20), CAROL, 5);

      List.of(third, first, earlier, second).forEach(store()::save);

      assertThat(store().pending()).containsExactly(earlier, first, second, third);
    }
  }

  @Nested
  @DisplayName("claims")
  class Claims {

    @Test
    @DisplayName("a pending job is claimed only once")
    void claimsAJobOnce() {
      store().save(job(id(1), ALICE, 1));
      boolean first = store().claim(id(1));

      boolean second = store().claim(id(1));

      assertThat(first).isTrue();
      assertThat(second).isFalse();
    }

    @Test
    @DisplayName("a released job can be claimed again, once")
    void claimsAReleasedJobAgain() {
      store().save(job(id(1), ALICE, 1));
      store().claim(id(1));

      store().release(id(1));

      assertThat(store().claim(id(1))).isTrue();
      assertThat(store().claim(id(1))).isFalse();
    }

    @Test
    @DisplayName("saving a claimed job keeps the claim and the job pending")
    void keepsTheClaimWhenAClaimedJobIsSaved() {
      ErasureJob job = job(id(1), ALICE, 1);
      store().save(job);
      store().claim(id(1));
      ErasureJob progressed = job.withDone(new ProviderReport("crm", 1, 0, List.of(), false));

      store().save(progressed);

      assertThat(store().claim(id(1))).isFalse();
      assertThat(store().pending()).containsExactly(progressed);
    }

    @Test
    @DisplayName("claiming one job leaves other jobs claimable")
    void keepsClaimsPerJob() {
      store().save(job(id(1), ALICE, 1));
      store().save(job(id(2), BOB, 2));

      store().claim(id(1));

      assertThat(store().claim(id(2))).isTrue();
      assertThat(store().pending()).hasSize(2);
    }

    @Test
    @DisplayName("a job never saved cannot be claimed")
    void failsToClaimAnUnknownJob() {
      store().save(job(id(1), ALICE, 1));

      boolean claimed = store().claim(id(2));

      assertThat(claimed).isFalse();
      assertThat(store().find(id(2))).isEmpty();
    }
  }

  @Nested
  @DisplayName("completion")
  class Completion {

    @Test
    @DisplayName("completing a job removes it and keeps its report")
    void removesTheJobAndKeepsTheReport() {
      store().save(job(id(1), ALICE, 1));
      ErasureJob other = job(id(2), BOB, 2);
      store().save(other);
      store().claim(id(1));
      ErasureReport report = report(id(1), 10);

      store().complete(id(1), report);

      assertThat(store().find(id(1))).isEmpty();
      assertThat(store().pending()).containsExactly(other);
      assertThat(store().reports()).containsExactly(report);
    }

    @Test
    @DisplayName("a completed job cannot be claimed")
    void failsToClaimACompletedJob() {
      store().save(job(id(1), ALICE, 1));
      store().claim(id(1));

      store().complete(id(1), report(id(1), 10));

      assertThat(store().claim(id(1))).isFalse();
    }

    @Test
    @DisplayName("reports are listed in completion order")
    void listsReportsInCompletionOrder() {
      store().save(job(id(1), ALICE, 1));
      store().save(job(id(2), BOB, 2));
      store().save(job(id(3), CAROL, 3));
      ErasureReport bobs = report(id(2), 10);
      ErasureReport carols = report(id(3), 11);
      ErasureReport alices = report(id(1), 12);

      store().complete(id(2), bobs);
      store().complete(id(3), carols);
      store().complete(id(1), alices);

      assertThat(store().reports()).containsExactly(bobs, carols, alices);
    }

    @Test
    @DisplayName("a report is kept with every field unchanged, cascaded reports included")
    void keepsEveryFieldOfAReport() {
      store().save(job(id(1), ALICE, 1));
      ErasureReport child = new ErasureReport(id(2), "k1:child-pseudonym", ErasureScope.everything(),
          Instant.parse("2026-03-02T10:00:00.5Z"), List.of(), 0, 0, 0, List.of());
      ErasureScope scope = ErasureScope.categories(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL);
      ErasureReport report = new ErasureReport(id(1), "k1:Zm9v-YmFy_", scope, Instant.parse("2026-03-02T10:00:01.25Z"),
          List.of(new ProviderReport("crm", 4, 2, List.of(new RetainedField("invoice.total", "tax law (AO §147)",
              Instant.parse("2036-12-31T00:00:00Z"), 3)), true), new ProviderReport("shop", 0, 7, List.of(), false)),
          5, 2, 1, List.of(child));

      store().complete(id(1), report);

      assertThat(store().reports()).containsExactly(report);
    }
  }

  @Nested
  @DisplayName("tombstones")
  class Tombstones {

    @Test
    @DisplayName("an added tombstone is found")
    void findsAnAddedTombstone() {
      store().addTombstone("k1:alice");

      store().addTombstone("k1:bob");

      assertThat(store().hasTombstone("k1:alice")).isTrue();
      assertThat(store().hasTombstone("k1:bob")).isTrue();
    }

    @Test
    @DisplayName("a pseudonym never added has no tombstone, case included")
    void findsNoTombstoneForAnUnknownPseudonym() {
      store().addTombstone("k1:alice");

      boolean unknown = store().hasTombstone("k1:carol");
      boolean otherCase = store().hasTombstone("k1:ALICE");

      assertThat(unknown).isFalse();
      assertThat(otherCase).isFalse();
    }

    @Test
    @DisplayName("adding a tombstone twice is no error and keeps it")
    void keepsATombstoneAddedTwice() {
      store().addTombstone("k1:alice");

      store().addTombstone("k1:alice");

      assertThat(store().hasTombstone("k1:alice")).isTrue();
    }

    @Test
    @DisplayName("tombstones are paged in ascending order after the given text, at most limit at a time")
    void pagesTombstonesInOrder() {
      List.of("p2:b", "p1:c", "p1:A", "p1-x:a", "p1:a").forEach(store()::addTombstone);

      List<String> all = store().tombstones(null, 10);
      List<String> ofP1 = store().tombstones("p1:", 2);
      List<String> next = store().tombstones("p1:a", 10);

      assertThat(all).containsExactly("p1-x:a", "p1:A", "p1:a", "p1:c", "p2:b");
      assertThat(ofP1).containsExactly("p1:A", "p1:a");
      assertThat(next).containsExactly("p1:c", "p2:b");
    }

    @Test
    @DisplayName("replacing a tombstone swaps it for its re-keyed form once; a second replace changes nothing")
    void replacesATombstoneOnce() {
      store().addTombstone("p1:alice");

      boolean first = store().replaceTombstone("p1:alice", "p2:alice");
      boolean second = store().replaceTombstone("p1:alice", "p2:other");

      assertThat(first).isTrue();
      assertThat(second).isFalse();
      assertThat(store().hasTombstone("p1:alice")).isFalse();
      assertThat(store().hasTombstone("p2:alice")).isTrue();
      assertThat(store().tombstones(null, 10)).containsExactly("p2:alice");
    }
  }

  @Nested
  @DisplayName("concurrency")
  @Timeout(30)
  class Concurrency {

    @Test
    @DisplayName("racing claims of one job have exactly one winner")
    void letsOneOfRacingClaimsWin() throws Exception {
      int threads = 8;
      int jobs = 200;
      IntStream.range(0, jobs).forEach(i -> store().save(job(id(i + 1), ALICE, i)));

      List<List<Boolean>> won = race(threads, RACE_TIMEOUT, thread -> IntStream.range(0, jobs)
          .mapToObj(i -> store().claim(id(i + 1)))
          .toList());

      for (int i = 0; i < jobs; i++) {
        int job = i;
        assertThat(won).as("claims of job %s", id(i + 1)).filteredOn(perThread -> perThread.get(job)).hasSize(1);
      }
    }

    @Test
    @DisplayName("racing completions of distinct jobs keep every report")
    void keepsEveryReportOfRacingCompletions() throws Exception {
      int threads = 8;
      int jobsPerThread = 25;
      IntStream.range(0, threads * jobsPerThread).forEach(i -> store().save(job(id(i + 1), ALICE, i)));

      List<List<ErasureReport>> completed = race(threads, RACE_TIMEOUT, thread -> IntStream.range(0, jobsPerThread)
          .mapToObj(i -> {
            UUID job = id(thread * jobsPerThread + i + 1);
            ErasureReport report = report(job, i);
            store().complete(job, report);
            return report;
          })
          .toList());

      assertThat(store().pending()).isEmpty();
      assertThat(store().reports()).containsExactlyInAnyOrderElementsOf(
          completed.stream().flatMap(List::stream).toList());
      for (List<ErasureReport> writer : completed) {
        assertThat(store().reports()).containsSubsequence(writer);
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

  /** Returns a report of a job, completed {@code minute} minutes after a fixed start. */
  private static ErasureReport report(UUID job, int minute) {
    return new ErasureReport(job, "k1:" + job, ErasureScope.everything(), START.plus(Duration.ofMinutes(minute)),
        List.of(new ProviderReport("crm", 1, 0, List.of(), false)), 2, 1, 0, List.of());
  }
}

package io.gdprkit.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.Relation;
import io.gdprkit.data.RelationType;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.retention.RetentionRule;
import io.gdprkit.retention.SweepReport;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.suppression.spi.SuppressionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Erasure of many subjects as one batch ({@code erasure().eraseAll}, {@code resumePending}, the retention sweep):
 * each provider erases the batch in one {@link PersonalDataProvider#eraseAll} call, with every guarantee of erasing
 * subject by subject. Issue 11.
 */
@Timeout(60)
class BulkErasureTests {

  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final PseudonymKey PSEUDONYM_KEY = PseudonymKey.generate();

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final KeyRing keys = KeyRing.of("k1", secret());
  private final Instant lastYear = Instant.parse("2025-11-23T10:00:00Z");
  private final ConsentStore ledger = ConsentStore.inMemory();
  private final SourceStore sources = SourceStore.inMemory();
  private final SuppressionStore suppression = SuppressionStore.inMemory();
  private final ErasureStore erasures = ErasureStore.inMemory(clock);
  /** The store the instances use: {@link #erasures}, or a wrapper of it. */
  private ErasureStore erasureStore = erasures;
  private final CountingProvider contacts = new CountingProvider(ErasureTests.CONTACTS);
  private final CountingProvider visits = new CountingProvider(ErasureTests.VISITS);
  private final CountingProvider invoices = new CountingProvider(ErasureTests.INVOICES);
  private final Map<SubjectId, AtomicInteger> told = new ConcurrentHashMap<>();
  private volatile Consumer<SubjectId> onTold = subject -> {};

  private static byte[] secret() {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 1);
    return secret;
  }

  /** Returns one kit instance over the shared stores and providers. */
  private GdprKit instance(String id) {
    return builder(id).build();
  }

  /** Returns an instance whose erasure store is {@code counting}'s, over {@link #erasures}. */
  private GdprKit instanceOn(CountingErasureStore counting) {
    erasureStore = counting.store;
    return builder("a").allowGeneratedKeys().build(); // the wrapper is not known as an in-memory store
  }

  private GdprKit.Builder builder(String id) {
    return GdprKit.builder().clock(clock).keyRing(keys).pseudonymKey(PSEUDONYM_KEY).instanceId(id).workLease(LEASE)
        .consentStore(ledger).sourceStore(sources).suppressionStore(suppression).erasureStore(erasureStore)
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News").withDataCategories(DataCategory.CONTACT_DETAILS,
            DataCategory.BEHAVIOURAL))
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(DataCategory.FINANCIAL,
            DataCategory.CONTACT_DETAILS))
        .personalData(contacts).personalData(visits).personalData(invoices)
        .onErasure((subject, scope) -> {
          told.computeIfAbsent(subject, s -> new AtomicInteger()).incrementAndGet();
          onTold.accept(subject);
        });
  }

  private static List<SubjectId> subjects(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> SubjectId.of(prefix + i)).toList();
  }

  /** A contact with an e-mail address to suppress, two visits and an invoice kept for ten years. */
  private void data(SubjectId subject) {
    String id = subject.value();
    contacts.delegate.put(subject, id + "-c", Map.of("name", "Name " + id, "email", id + "@example.com",
        "phone", "+49 30 1234", "last-ip", "203.0.113.7"), lastYear);
    contacts.delegate.contactPoint(subject, ContactPoint.email(id + "@example.com"));
    visits.delegate.put(subject, id + "-v1", Map.of("page", "/pricing"), lastYear);
    visits.delegate.put(subject, id + "-v2", Map.of("page", "/contact"), lastYear);
    invoices.delegate.put(subject, id + "-i", Map.of("amount", 119.0, "billing-email", id + "@example.com"), lastYear);
  }

  private int told(SubjectId subject) {
    AtomicInteger count = told.get(subject);
    return count == null ? 0 : count.get();
  }

  @Test
  @DisplayName("Art. 17(1): a bulk erasure erases exactly the named subjects, each provider once per batch")
  void erasesExactlyTheNamedSubjectsWithOneProviderCallPerBatch() {
    GdprKit gdpr = instance("a");
    List<SubjectId> erased = subjects("contact-", 1_200);
    List<SubjectId> kept = subjects("other-", 10);
    erased.forEach(this::data);
    kept.forEach(this::data);

    Map<SubjectId, ErasureReport> reports = gdpr.erasure().eraseAll(erased);

    assertThat(reports).containsOnlyKeys(erased);
    assertThat(visits.batches).containsExactly(500, 500, 200);
    assertThat(contacts.batches).containsExactly(500, 500, 200);
    assertThat(visits.totalCalls()).isEqualTo(1_200); // through the default eraseAll, once per subject
    for (SubjectId subject : erased) {
      assertThat(visits.delegate.records(subject)).isEmpty();
      assertThat(gdpr.erasure().wasErased(subject)).isTrue();
      assertThat(told(subject)).isEqualTo(1);
      assertThat(reports.get(subject).suppressed()).isEqualTo(1);
      assertThat(reports.get(subject).recordsDeleted()).isEqualTo(2);
    }
    for (SubjectId subject : kept) {
      assertThat(visits.delegate.records(subject)).hasSize(2);
      assertThat(contacts.delegate.records(subject).get(subject.value() + "-c")).containsEntry("phone", "+49 30 1234");
      assertThat(gdpr.erasure().wasErased(subject)).isFalse();
    }
    assertThat(gdpr.erasure().records()).hasSize(1_200);
    assertThat(erasures.pending(null, 10)).isEmpty();
  }

  @Test
  @DisplayName("Art. 17(1): a bulk erasure reads contact points and relations, and writes jobs, tombstones and reports,"
      + " with one call per batch and step, not per subject")
  void readsAndWritesOncePerBatchAndStep() {
    CountingErasureStore counting = new CountingErasureStore(erasures);
    GdprKit gdpr = instanceOn(counting);
    List<SubjectId> erased = subjects("contact-", 1_200);
    erased.forEach(this::data);

    Map<SubjectId, ErasureReport> reports = gdpr.erasure().eraseAll(erased);

    assertThat(reports).containsOnlyKeys(erased);
    assertThat(contacts.singleReads.get() + visits.singleReads.get() + invoices.singleReads.get()).isZero();
    assertThat(contacts.batchReads.get()).isEqualTo(3 * 2); // contact points and relations, per batch
    assertThat(counting.calls("insertAll")).isEqualTo(3);
    // per batch: prepared, each of three providers done, finished, listeners told
    assertThat(counting.calls("saveAll")).isEqualTo(3 * 6);
    assertThat(counting.calls("saveTombstones")).isEqualTo(3);
    assertThat(counting.calls("completeAll")).isEqualTo(3);
    assertThat(counting.calls("insert") + counting.calls("save") + counting.calls("saveTombstone")
        + counting.calls("complete") + counting.calls("find")).isZero();
    assertThat(erased).allSatisfy(subject -> {
      assertThat(gdpr.erasure().wasErased(subject)).isTrue();
      assertThat(told(subject)).isEqualTo(1);
      assertThat(reports.get(subject).suppressed()).isEqualTo(1);
      assertThat(gdpr.suppression().isSuppressed(subject.tenant(), ContactPoint.email(subject.value()
          + "@example.com"))).isTrue();
    });
    assertThat(erasures.tombstones(io.gdprkit.subject.TenantId.DEFAULT, null, 2_000)).hasSize(1_200);
    assertThat(erasures.pending(null, 10)).isEmpty();
  }

  @Test
  @DisplayName("a batch whose finish fails is rolled back and each job finishes on its own: tombstone, event, audit"
      + " entry and report once per subject")
  void finishesOneByOneWhenTheBatchFinishFails() {
    CountingErasureStore counting = new CountingErasureStore(erasures).failOnce("saveTombstones");
    GdprKit gdpr = instanceOn(counting);
    List<SubjectId> all = subjects("contact-", 30);
    all.forEach(this::data);

    Map<SubjectId, ErasureReport> reports = gdpr.erasure().eraseAll(all);

    assertThat(reports).containsOnlyKeys(all);
    assertThat(counting.calls("saveTombstone")).isEqualTo(30);
    assertThat(erasures.tombstones(io.gdprkit.subject.TenantId.DEFAULT, null, 100)).hasSize(30);
    assertThat(gdpr.audit().entries(io.gdprkit.subject.TenantId.DEFAULT, 0, 10_000).stream()
        .filter(entry -> entry.record().kind() == io.gdprkit.audit.AuditKind.ERASED)).hasSize(30);
    assertThat(all).allSatisfy(subject -> {
      assertThat(gdpr.erasure().wasErased(subject)).isTrue();
      assertThat(told(subject)).isEqualTo(1);
      assertThat(reports.get(subject).recordsDeleted()).isEqualTo(2);
    });
    assertThat(gdpr.erasure().records()).hasSize(30);
    assertThat(erasures.pending(null, 10)).isEmpty();
  }

  @Test
  @DisplayName("a provider whose batch read fails is read subject by subject, and every subject is suppressed and"
      + " erased")
  void readsSubjectBySubjectWhenTheBatchReadFails() {
    GdprKit gdpr = instance("a");
    List<SubjectId> all = subjects("contact-", 30);
    all.forEach(this::data);
    contacts.failBatchReadOnce();

    Map<SubjectId, ErasureReport> reports = gdpr.erasure().eraseAll(all);

    assertThat(reports).containsOnlyKeys(all);
    assertThat(contacts.singleReads.get()).isEqualTo(30 * 2);
    assertThat(reports.values()).allSatisfy(report -> assertThat(report.suppressed()).isEqualTo(1));
    assertThat(all).allSatisfy(subject -> assertThat(gdpr.suppression().isSuppressed(subject.tenant(),
        ContactPoint.email(subject.value() + "@example.com"))).isTrue());
  }

  @Test
  @DisplayName("Art. 17(1), 17(3): a bulk erasure applies every field strategy and retention as erasing one by one")
  void reportsWhatErasingOneByOneReports() {
    GdprKit gdpr = instance("a");
    List<SubjectId> bulk = subjects("bulk-", 20);
    List<SubjectId> single = subjects("single-", 20);
    bulk.forEach(this::data);
    single.forEach(this::data);

    Map<SubjectId, ErasureReport> batch = gdpr.erasure().eraseAll(bulk);
    List<ErasureReport> oneByOne = single.stream().map(gdpr.erasure()::erase).toList();

    for (int i = 0; i < bulk.size(); i++) {
      ErasureReport together = batch.get(bulk.get(i));
      ErasureReport alone = oneByOne.get(i);
      assertThat(together.providers()).extracting(ProviderReport::provider, ProviderReport::recordsDeleted,
          ProviderReport::fieldsAnonymised, ProviderReport::retained).containsExactlyElementsOf(
              alone.providers().stream().map(p -> tuple(p.provider(), p.recordsDeleted(), p.fieldsAnonymised(),
                  p.retained())).toList());
      assertThat(together.nextRelease()).isEqualTo(Instant.parse("2035-11-23T10:00:00Z"));
      Map<String, Object> contact = contacts.delegate.records(bulk.get(i)).get(bulk.get(i).value() + "-c");
      assertThat(contact.get("name")).isEqualTo("erased");
      assertThat((String) contact.get("email")).startsWith("pseud:");
      assertThat(contact.get("last-ip")).isEqualTo("203.0.113.0");
      assertThat(invoices.delegate.records(bulk.get(i)).get(bulk.get(i).value() + "-i"))
          .containsEntry("amount", 119.0).containsEntry("billing-email", null);
    }
  }

  @Test
  @DisplayName("a provider failing midway in a batch holds up only the subject it cannot erase, which resumes later")
  void aFailureMidwayLeavesEveryOtherSubjectErasedAndTheFailedOneResumable() {
    GdprKit gdpr = instance("a");
    List<SubjectId> all = subjects("contact-", 30);
    all.forEach(this::data);
    SubjectId poisoned = all.get(17);
    visits.failBatchAfter(10); // the batch call fails after erasing ten subjects
    visits.failOnceFor(poisoned); // and erasing this one fails on its own too, once

    Map<SubjectId, ErasureReport> first = gdpr.erasure().eraseAll(all);

    assertThat(first).hasSize(29).doesNotContainKey(poisoned);
    assertThat(visits.delegate.records(poisoned)).hasSize(2);
    assertThat(gdpr.erasure().wasErased(poisoned)).isFalse();
    assertThat(told(poisoned)).isZero();
    assertThat(erasures.active(poisoned)).hasValueSatisfying(job -> {
      assertThat(job.failedProvider()).isEqualTo("visits");
      assertThat(job.done()).containsOnlyKeys("contacts"); // not erased twice when resumed
      assertThat(job.lease()).isNull();
    });

    List<ErasureReport> resumed = gdpr.erasure().resumePending();

    assertThat(resumed).singleElement().satisfies(report -> {
      assertThat(report.recordsDeleted()).isEqualTo(2);
      assertThat(report.providers()).extracting(ProviderReport::provider, ProviderReport::fieldsAnonymised)
          .containsExactly(tuple("contacts", 4L), tuple("visits", 0L), tuple("invoices", 1L));
    });
    assertThat(visits.delegate.records(poisoned)).isEmpty();
    assertThat(contacts.calls(poisoned)).isEqualTo(1);
    assertThat(visits.calls(poisoned)).isEqualTo(2);
    assertThat(told(poisoned)).isEqualTo(1);
    // reports add up: two visits per subject, each deleted and counted once
    long deleted = first.values().stream().mapToLong(ErasureReport::recordsDeleted).sum()
        + resumed.get(0).recordsDeleted();
    assertThat(deleted).isEqualTo(60);
    assertThat(gdpr.erasure().records()).hasSize(30);
    assertThat(erasures.pending(null, 10)).isEmpty();
  }

  @Test
  @DisplayName("two instances resuming the same queued jobs from many threads erase each subject once")
  void twoInstancesRacingOnQueuedJobsEraseEachSubjectOnce() throws Exception {
    GdprKit a = instance("a");
    GdprKit b = instance("b");
    List<SubjectId> all = subjects("contact-", 400);
    all.forEach(this::data);
    // the queue a crashed instance left: pending jobs that no run holds
    for (SubjectId subject : all) {
      erasures.insert(ErasureJob.start(UUID.randomUUID(), subject, ErasureScope.everything(), 0, null,
          clock.instant()));
    }
    int threads = 6;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<ErasureReport>>> outcomes = new ArrayList<>();

    for (int t = 0; t < threads; t++) {
      GdprKit kit = t % 2 == 0 ? a : b;
      outcomes.add(pool.submit(() -> {
        start.await();
        List<ErasureReport> mine = new ArrayList<>();
        List<ErasureReport> batch;
        do {
          batch = kit.erasure().resumePending(50);
          mine.addAll(batch);
        } while (!batch.isEmpty());
        return mine;
      }));
    }
    List<ErasureReport> reports = new ArrayList<>();
    for (Future<List<ErasureReport>> outcome : outcomes) {
      reports.addAll(outcome.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(reports).hasSize(400);
    assertThat(reports.stream().mapToLong(ErasureReport::recordsDeleted).sum()).isEqualTo(800);
    assertThat(visits.batches.size()).isGreaterThan(1);
    for (SubjectId subject : all) {
      assertThat(visits.calls(subject)).isEqualTo(1);
      assertThat(contacts.calls(subject)).isEqualTo(1);
      assertThat(told(subject)).isEqualTo(1);
      assertThat(a.erasure().wasErased(subject)).isTrue();
    }
    assertThat(erasures.pending(null, 10)).isEmpty();
  }

  @Test
  @DisplayName("a bulk erasure leaves to another instance the subjects whose erasure that instance runs")
  void aSecondInstanceBulkErasingTheSameSubjectsLeavesThemToTheFirst() throws Exception {
    GdprKit a = instance("a");
    GdprKit b = instance("b");
    List<SubjectId> all = subjects("contact-", 50);
    all.forEach(this::data);
    CountDownLatch bDone = new CountDownLatch(1);
    CountDownLatch aInside = new CountDownLatch(1);
    visits.inside(subject -> {
      aInside.countDown();
      await(bDone);
    });
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<Map<SubjectId, ErasureReport>> byA = pool.submit(() -> a.erasure().eraseAll(all));
    await(aInside);

    Map<SubjectId, ErasureReport> byB = b.erasure().eraseAll(all);
    bDone.countDown();

    assertThat(byB).isEmpty();
    assertThat(byA.get(30, TimeUnit.SECONDS)).containsOnlyKeys(all);
    pool.shutdown();
    for (SubjectId subject : all) {
      assertThat(contacts.calls(subject)).isEqualTo(1);
      assertThat(visits.calls(subject)).isEqualTo(1);
      assertThat(told(subject)).isEqualTo(1);
    }
    assertThat(a.erasure().records()).hasSize(50);
  }

  @Test
  @DisplayName("Art. 5(1)(e): a retention sweep erases its due subjects as one batch, and only those")
  void aRetentionSweepErasesItsDueSubjectsTogether() {
    GdprKit gdpr = builder("a").retention(RetentionRule.forSubjects("inactive", Duration.ofDays(365),
        RetentionRule.Action.ERASE)).build();
    List<SubjectId> stale = subjects("stale-", 600);
    List<SubjectId> active = subjects("active-", 5);
    stale.forEach(subject -> {
      data(subject);
      gdpr.retention().recordActivity(subject, clock.instant().minus(Duration.ofDays(400)));
    });
    active.forEach(subject -> {
      data(subject);
      gdpr.retention().recordActivity(subject, clock.instant().minus(Duration.ofDays(10)));
    });

    SweepReport report = gdpr.retention().sweep(1_000);

    assertThat(report.rules()).containsEntry("inactive", 600L);
    assertThat(report.failed()).isZero();
    assertThat(visits.batches).containsExactly(500, 100);
    assertThat(stale).allSatisfy(subject -> assertThat(gdpr.erasure().wasErased(subject)).isTrue());
    assertThat(active).allSatisfy(subject -> assertThat(visits.delegate.records(subject)).hasSize(2));
    assertThat(gdpr.retention().sweep(1_000).processed()).isZero();
  }

  @Test
  @DisplayName("a batch that runs longer than a lease keeps the leases of the jobs that wait their turn")
  void aBatchLongerThanALeaseKeepsItsWaitingJobs() {
    GdprKit a = instance("a");
    GdprKit b = instance("b");
    List<SubjectId> all = subjects("contact-", 6);
    all.forEach(this::data);
    AtomicInteger finished = new AtomicInteger();
    List<ErasureReport> byB = new ArrayList<>();
    onTold = subject -> {
      clock.advance(Duration.ofSeconds(25)); // each job's listener is slow: six of them take 2.5 leases
      if (finished.incrementAndGet() == 4) {
        byB.addAll(b.erasure().resumePending());
      }
    };

    Map<SubjectId, ErasureReport> byA = a.erasure().eraseAll(all);

    assertThat(byB).isEmpty();
    assertThat(byA).containsOnlyKeys(all);
    assertThat(all).allSatisfy(subject -> assertThat(told(subject)).isEqualTo(1));
  }

  @Test
  @DisplayName("a subject named twice in a bulk erasure is erased once, and a pending job of it is finished")
  void namesEachSubjectOnceAndFinishesItsPendingJob() {
    GdprKit gdpr = instance("a");
    SubjectId alice = SubjectId.of("contact-42");
    SubjectId bob = SubjectId.of("contact-43");
    data(alice);
    data(bob);
    UUID left = UUID.randomUUID();
    erasures.insert(ErasureJob.start(left, bob, ErasureScope.everything(), 0, null, clock.instant()));

    Map<SubjectId, ErasureReport> reports = gdpr.erasure().eraseAll(List.of(alice, bob, alice));

    assertThat(reports).containsOnlyKeys(alice, bob);
    assertThat(reports.get(bob).job()).isEqualTo(left);
    assertThat(visits.calls(alice)).isEqualTo(1);
    assertThat(visits.batches).containsExactly(2);
    assertThat(gdpr.erasure().records()).hasSize(2);
  }

  @Test
  @DisplayName("a cascade from a bulk erasure erases the children one level down, once")
  void cascadesToChildrenOfTheBatch() {
    GdprKit gdpr = instance("a");
    SubjectId company = SubjectId.of("company-1");
    SubjectId employee = SubjectId.of("contact-7");
    data(company);
    data(employee);
    contacts.delegate.relate(new Relation(company, employee, RelationType.COMPANY_EMPLOYEE));

    Map<SubjectId, ErasureReport> reports = gdpr.erasure().eraseAll(List.of(company));

    assertThat(reports.get(company).cascaded()).singleElement()
        .satisfies(child -> assertThat(child.recordsDeleted()).isEqualTo(2));
    assertThat(visits.delegate.records(employee)).isEmpty();
    assertThat(gdpr.erasure().wasErased(employee)).isTrue();
    assertThat(told(employee)).isEqualTo(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

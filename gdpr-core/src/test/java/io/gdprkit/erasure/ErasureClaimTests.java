package io.gdprkit.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.TestClock;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.data.Relation;
import io.gdprkit.data.RelationType;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.suppression.spi.SuppressionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Erasure shared by several kit instances over the same stores: one run per subject at a time, leases taken over once
 * they run out, steps never repeated, reports that add up. Issue 9.
 */
@Timeout(60)
class ErasureClaimTests {

  private static final Duration LEASE = Duration.ofMinutes(1);

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final KeyRing keys = KeyRing.of("k1", secret());
  private final ConsentStore ledger = ConsentStore.inMemory();
  private final SourceStore sources = SourceStore.inMemory();
  private final SuppressionStore suppression = SuppressionStore.inMemory();
  private final ErasureStore erasures = ErasureStore.inMemory(clock);
  private final CountingProvider visits = new CountingProvider(ErasureTests.VISITS);
  private final Map<SubjectId, AtomicInteger> told = new ConcurrentHashMap<>();
  private final Instant lastYear = Instant.parse("2025-11-23T10:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");

  private static byte[] secret() {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 1);
    return secret;
  }

  /** Returns one kit instance over the shared stores. */
  private static final PseudonymKey PSEUDONYM_KEY = PseudonymKey.generate();

  private GdprKit instance(String id) {
    // instances share every key, as they share the database: tombstones and suppression hashes must match
    return GdprKit.builder().clock(clock).keyRing(keys).pseudonymKey(PSEUDONYM_KEY).instanceId(id).workLease(LEASE)
        .consentStore(ledger).sourceStore(sources).suppressionStore(suppression).erasureStore(erasures)
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News").withDataCategories(DataCategory.BEHAVIOURAL))
        .personalData(visits)
        .onErasure((subject, scope) -> told.computeIfAbsent(subject, s -> new AtomicInteger()).incrementAndGet())
        .build();
  }

  private void records(SubjectId subject, int count) {
    for (int i = 0; i < count; i++) {
      visits.delegate.put(subject, subject.value() + "-v" + i, Map.of("page", "/p" + i), lastYear);
    }
  }

  private int told(SubjectId subject) {
    AtomicInteger count = told.get(subject);
    return count == null ? 0 : count.get();
  }

  private static long entries(GdprKit gdpr, AuditKind kind) {
    List<AuditEntry> all = gdpr.audit().entries(TenantId.DEFAULT, 0, 10_000);
    return all.stream().filter(e -> e.record().kind() == kind).count();
  }

  @Test
  void runsOneErasureOfASubjectAtATimeAndRefusesTheOthersWhileItRuns() throws Exception {
    // Issue 9: eight threads erasing one subject ran the provider eight times and reported 100 deletions of 20
    GdprKit gdpr = instance("a");
    records(alice, 20);
    int threads = 8;
    CountDownLatch othersRefused = new CountDownLatch(threads - 1);
    visits.inside(subject -> await(othersRefused));
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Optional<ErasureReport>>> outcomes = new ArrayList<>();

    for (int t = 0; t < threads; t++) {
      outcomes.add(pool.submit(() -> {
        start.await();
        try {
          return Optional.of(gdpr.erasure().erase(alice));
        } catch (ErasureInProgressException refused) {
          othersRefused.countDown();
          return Optional.<ErasureReport>empty();
        }
      }));
    }
    List<ErasureReport> reports = new ArrayList<>();
    for (Future<Optional<ErasureReport>> outcome : outcomes) {
      outcome.get(30, TimeUnit.SECONDS).ifPresent(reports::add);
    }
    pool.shutdown();

    assertThat(reports).singleElement().satisfies(r -> assertThat(r.recordsDeleted()).isEqualTo(20));
    assertThat(othersRefused.getCount()).isZero();
    assertThat(visits.calls(alice)).isEqualTo(1);
    assertThat(visits.mostAtOnce()).isEqualTo(1);
    assertThat(told(alice)).isEqualTo(1);
  }

  @Test
  void twoInstancesErasingTheSameSubjectsFromManyThreadsEraseEachRecordOnceAndReportsAddUp() throws Exception {
    // Issue 9
    GdprKit a = instance("a");
    GdprKit b = instance("b");
    int subjects = 40;
    int perSubject = 3;
    List<SubjectId> all = IntStream.range(0, subjects).mapToObj(i -> SubjectId.of("contact-" + i)).toList();
    all.forEach(subject -> records(subject, perSubject));
    all.subList(0, 5).forEach(visits::failOnceFor);
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<ErasureReport>>> outcomes = new ArrayList<>();

    for (int t = 0; t < threads; t++) {
      GdprKit kit = t % 2 == 0 ? a : b;
      int offset = t * 5;
      outcomes.add(pool.submit(() -> {
        start.await();
        List<ErasureReport> mine = new ArrayList<>();
        for (int i = 0; i < subjects; i++) {
          try {
            mine.add(kit.erasure().erase(all.get((i + offset) % subjects)));
          } catch (ErasureInProgressException running) {
            // the other run of this subject erases it
          } catch (ErasureIncompleteException failed) {
            // the job stays pending: the next erase of the subject or resumePending finishes it
          }
        }
        mine.addAll(kit.erasure().resumePending());
        return mine;
      }));
    }
    List<ErasureReport> reports = new ArrayList<>();
    for (Future<List<ErasureReport>> outcome : outcomes) {
      reports.addAll(outcome.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    reports.addAll(a.erasure().resumePending());

    assertThat(reports.stream().mapToLong(ErasureReport::recordsDeleted).sum()).isEqualTo((long) subjects * perSubject);
    assertThat(visits.mostAtOnce()).isEqualTo(1);
    assertThat(erasures.pending(null, 10)).isEmpty();
    for (SubjectId subject : all) {
      assertThat(visits.delegate.records(subject)).isEmpty();
      assertThat(a.erasure().wasErased(subject)).isTrue();
      assertThat(b.erasure().wasErased(subject)).isTrue();
    }
    assertThat(a.erasure().records()).hasSameSizeAs(reports);
    assertThat(told.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(reports.size());
  }

  @Test
  void anotherInstanceTakesOverAJobOnceTheLeaseOfTheInstanceThatDiedRunsOut() {
    // Issue 9: a crashed node's claim stayed forever
    GdprKit a = instance("a");
    GdprKit b = instance("b");
    records(alice, 3);
    AtomicBoolean dies = new AtomicBoolean(true);
    visits.inside(subject -> {
      if (dies.getAndSet(false)) {
        throw new InstanceDied();
      }
    });
    assertThatThrownBy(() -> a.erasure().erase(alice)).isInstanceOf(InstanceDied.class);

    List<ErasureReport> whileLeased = b.erasure().resumePending();
    Throwable secondErase = catchThrowable(() -> b.erasure().erase(alice));
    clock.advance(LEASE.plusSeconds(1));
    List<ErasureReport> afterExpiry = b.erasure().resumePending();

    assertThat(whileLeased).isEmpty();
    assertThat(secondErase).isInstanceOf(ErasureInProgressException.class);
    assertThat(afterExpiry).singleElement().satisfies(r -> assertThat(r.recordsDeleted()).isEqualTo(3));
    assertThat(visits.delegate.records(alice)).isEmpty();
    assertThat(told(alice)).isEqualTo(1);
    assertThat(a.erasure().wasErased(alice)).isTrue();
    assertThat(a.erasure().report(afterExpiry.get(0).job())).contains(afterExpiry.get(0));
    assertThat(b.erasure().resumePending()).isEmpty();
  }

  @Test
  void anInstanceWhoseLeaseWasTakenOverCannotSaveOverTheNewRun() {
    // Issue 9: saves compare versions
    GdprKit a = instance("a");
    records(alice, 2);
    GdprKit b = instance("b");
    AtomicBoolean first = new AtomicBoolean(true);
    List<ErasureReport> byB = new ArrayList<>();
    visits.inside(subject -> {
      if (first.getAndSet(false)) {
        // while a is inside the provider, its lease runs out and b takes the job over and finishes it
        clock.advance(LEASE.plusSeconds(1));
        byB.addAll(b.erasure().resumePending());
      }
    });

    Throwable thrown = catchThrowable(() -> a.erasure().erase(alice));

    assertThat(byB).singleElement().satisfies(r -> assertThat(r.recordsDeleted()).isEqualTo(2));
    assertThat(thrown).isInstanceOf(ErasureJobConflictException.class);
    assertThat(a.erasure().records()).hasSize(1);
    assertThat(told(alice)).isEqualTo(1);
  }

  @Test
  void aResumedCascadeRunsOnlyTheFailedChildAndTellsEachListenerOnce() {
    // Issue 9: resuming a failed cascade repeated the parent's finished steps (ERASED audited twice, shredding twice)
    GdprKit gdpr = instance("a");
    SubjectId acme = SubjectId.of("company-1");
    SubjectId bob = SubjectId.of("contact-43");
    records(acme, 1);
    records(alice, 2);
    records(bob, 3);
    visits.delegate.relate(new Relation(acme, alice, RelationType.COMPANY_EMPLOYEE));
    visits.delegate.relate(new Relation(acme, bob, RelationType.COMPANY_EMPLOYEE));
    gdpr.encryption().encryptText(acme, "note", "key account");
    visits.failOnceFor(bob);
    assertThatThrownBy(() -> gdpr.erasure().erase(acme)).isInstanceOf(ErasureIncompleteException.class);

    List<ErasureReport> resumed = gdpr.erasure().resumePending();

    assertThat(resumed).singleElement().satisfies(r -> {
      assertThat(r.all()).hasSize(3);
      assertThat(r.all().stream().mapToLong(ErasureReport::recordsDeleted).sum()).isEqualTo(6);
    });
    assertThat(visits.calls(acme)).isEqualTo(1);
    assertThat(visits.calls(alice)).isEqualTo(1);
    assertThat(visits.calls(bob)).isEqualTo(2);
    assertThat(told(acme)).isEqualTo(1);
    assertThat(told(alice)).isEqualTo(1);
    assertThat(told(bob)).isEqualTo(1);
    assertThat(entries(gdpr, AuditKind.ERASED)).isEqualTo(3);
    assertThat(entries(gdpr, AuditKind.KEY_DESTROYED)).isEqualTo(1);
    assertThat(gdpr.erasure().records()).hasSize(3);
  }

  @Test
  void resumesACascadeWhoseParentFailedBeforeItsChildrenRanWithoutWaitingForALease() {
    // Issue 9
    GdprKit gdpr = instance("a");
    SubjectId acme = SubjectId.of("company-1");
    records(acme, 1);
    records(alice, 2);
    visits.delegate.relate(new Relation(acme, alice, RelationType.COMPANY_EMPLOYEE));
    visits.failOnceFor(acme);
    assertThatThrownBy(() -> gdpr.erasure().erase(acme)).isInstanceOf(ErasureIncompleteException.class);

    List<ErasureReport> resumed = gdpr.erasure().resumePending();

    assertThat(resumed).singleElement().satisfies(r -> assertThat(r.all()).hasSize(2));
    assertThat(visits.delegate.records(alice)).isEmpty();
    assertThat(told(acme)).isEqualTo(1);
    assertThat(told(alice)).isEqualTo(1);
  }

  @Test
  void anInstanceRefusesAGrantWhileAnotherInstanceErasesTheSubject() {
    // Issue 9: the check reads the shared store, not a lock of one JVM
    GdprKit a = instance("a");
    GdprKit b = instance("b");
    records(alice, 1);
    List<Throwable> refused = new ArrayList<>();
    visits.inside(subject -> refused.add(catchThrowable(() -> b.consents().grant(alice, "newsletter",
        ConsentProof.webForm("signup", "v3").build()))));

    a.erasure().erase(alice);

    assertThat(refused).singleElement().isInstanceOfSatisfying(ErasedSubjectException.class,
        e -> assertThat(e.state()).isEqualTo(ErasedSubjectException.State.ERASING));
    assertThat(b.consents().history(alice)).isEmpty();
    assertThatThrownBy(() -> b.consents().grant(alice, "newsletter",
        ConsentProof.webForm("signup", "v3").build())).isInstanceOf(ErasedSubjectException.class);
  }

  @Test
  void anInstanceRefusesADisclosureWhileAnotherInstanceErasesTheSubject() {
    // Issue 9: the disclosure's erasure check read a tombstone, written only at the end, under a lock of one JVM
    GdprKit a = instance("a");
    GdprKit b = instance("b");
    records(alice, 1);
    b.recipients().register(io.gdprkit.recipient.Recipient.of("mailer", io.gdprkit.recipient.RecipientKind.PROCESSOR,
        "Mail Co", "dpo@mail.example", io.gdprkit.recipient.CountryCode.of("DE")), io.gdprkit.subject.Actor.staff("dpo"));
    a.consents().grant(alice, "newsletter", ConsentProof.webForm("signup", "v3").build());
    List<Throwable> refused = new ArrayList<>();
    visits.inside(subject -> refused.add(catchThrowable(() -> b.recipients().disclose(alice, "mailer", "newsletter",
        java.util.Set.of(DataCategory.BEHAVIOURAL), io.gdprkit.subject.Actor.staff("sales")))));

    a.erasure().erase(alice);

    assertThat(refused).singleElement().isInstanceOf(io.gdprkit.recipient.SubjectErasedException.class);
    assertThat(b.recipients().disclosures(alice)).isEmpty();
    assertThat(b.audit().entries(alice.tenant(), 0, 100)).extracting(e -> e.record().kind())
        .doesNotContain(AuditKind.DISCLOSED);
  }

  @Test
  void pagesTheReportsOfEachTenantApart() {
    // Issue 9
    GdprKit gdpr = instance("a");
    TenantId acme = TenantId.of("acme");
    List<SubjectId> acmes = IntStream.range(0, 3).mapToObj(i -> SubjectId.of(acme, "contact-" + i)).toList();
    acmes.forEach(gdpr.erasure()::erase);
    gdpr.erasure().erase(alice);

    List<ErasureReport> first = gdpr.erasure().records(acme, null, 2);
    List<ErasureReport> second = gdpr.erasure().records(acme, first.get(1).job(), 2);

    assertThat(first).hasSize(2);
    assertThat(second).hasSize(1);
    assertThat(gdpr.erasure().records(TenantId.DEFAULT, null, 10)).singleElement()
        .satisfies(r -> assertThat(first).doesNotContain(r));
    assertThat(gdpr.erasure().wasErased(SubjectId.of(acme, alice.value()))).isFalse();
  }

  private static Throwable catchThrowable(Runnable action) {
    try {
      action.run();
      return null;
    } catch (RuntimeException | Error e) {
      return e;
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stands for a JVM that stops in the middle of a provider: nothing after it runs, no claim is released. */
  private static final class InstanceDied extends Error {
    private static final long serialVersionUID = 1L;
  }
}

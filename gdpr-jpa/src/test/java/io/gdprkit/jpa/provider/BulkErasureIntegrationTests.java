package io.gdprkit.jpa.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.Relation;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.MutableClock;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.jpa.erasure.JpaErasureStore;
import io.gdprkit.subject.SubjectId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kit's bulk erasure ({@code erasure().eraseAll}, {@code resumePending}) over the generic provider and the JPA
 * erasure store: the provider erases each batch with its set-based {@code eraseAll}, a statement that fails rolls its
 * chunk back and leaves only the subject that cannot be erased pending, and two instances sharing the queue erase
 * each subject once. Issue 11.
 */
@ParameterizedClass(name = "bulk erasure through the kit on {0}")
@EnumSource(TestDatabase.class)
class BulkErasureIntegrationTests {

  static final int SUBJECTS = 1_100;
  static final int OTHERS = 50;
  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  static final PseudonymKey PSEUDONYMS = PseudonymKey.of("p1", "bulk-erasure-pseudonyms-32-bytes!".getBytes(
      StandardCharsets.UTF_8));
  /** Fails the masking of the IP addresses of one subject's orders, as a host's constraint or trigger may. */
  static final String POISON = "bulk_erasure_poison";

  @Parameter
  TestDatabase database;

  final MutableClock clock = new MutableClock(NOW);
  JpaTransactions tx;
  Recording provider;
  List<SubjectId> subjects;

  @BeforeEach
  void manyContacts() {
    database.clean();
    tx = database.transactions();
    provider = new Recording(JpaPersonalDataProvider.builder(tx).id("crm").build());
    ManyContacts.insert(tx, SUBJECTS + OTHERS);
    subjects = IntStream.range(0, SUBJECTS).mapToObj(ManyContacts::subject).toList();
  }

  @AfterEach
  void dropPoison() {
    try {
      tx.inTransaction(() -> {
        ManyContacts.execute(tx, "alter table host_order drop constraint " + POISON);
        return null;
      });
    } catch (RuntimeException absent) {
      // the test added none, or dropped it
    }
  }

  /**
   * One kit instance with its erasure store on the database and the rest of its stores in memory; instances share the
   * pseudonym key, as tombstones must match across them.
   */
  private GdprKit instance(String id) {
    return GdprKit.builder().clock(clock).instanceId(id).transactions(tx).erasureStore(new JpaErasureStore(tx, clock))
        .pseudonymKey(PSEUDONYMS).allowGeneratedKeys().personalData(provider).build();
  }

  private long count(String jpql) {
    return tx.inTransaction(() -> tx.entityManager().createQuery(jpql, Long.class).getSingleResult());
  }

  @Test
  @DisplayName("Art. 17(1): the kit erases 1,100 subjects with one provider call per 500, and no other subject")
  void erasesExactlyTheNamedSubjectsInBatches() {
    GdprKit gdpr = instance("a");

    Map<SubjectId, ErasureReport> reports = gdpr.erasure().eraseAll(subjects);

    assertThat(reports).containsOnlyKeys(subjects);
    assertThat(provider.batches).containsExactly(500, 500, 100);
    assertThat(reports.values()).allSatisfy(report -> {
      assertThat(report.recordsDeleted()).isEqualTo(1);
      assertThat(report.fieldsAnonymised()).isEqualTo(1 + 2 + 2);
    });
    assertThat(count("select count(c) from Contact c where c.name <> 'erased'")).isEqualTo(OTHERS);
    assertThat(count("select count(n) from ContactNote n")).isEqualTo(OTHERS);
    assertThat(count("select count(o) from CustomerOrder o where o.customerIp <> '203.0.113.0'"))
        .isEqualTo(2L * OTHERS);
    assertThat(subjects).allSatisfy(subject -> assertThat(gdpr.erasure().wasErased(subject)).isTrue());
    assertThat(gdpr.erasure().wasErased(ManyContacts.subject(SUBJECTS))).isFalse();
  }

  @Test
  @DisplayName("a statement failing midway rolls its chunk back; every other subject is erased once, the failing one"
      + " resumes, and the reports add up")
  void aFailureMidwayLeavesOnlyTheFailingSubjectPendingAndReportsExact() {
    GdprKit gdpr = instance("a");
    SubjectId poisoned = ManyContacts.subject(17);
    tx.inTransaction(() -> {
      ManyContacts.execute(tx, "alter table host_order add constraint " + POISON + " check (customer_ip <> '203.0.113.0'"
          + " or contact_id <> '" + poisoned.value() + "')");
      return null;
    });

    Map<SubjectId, ErasureReport> first = gdpr.erasure().eraseAll(subjects);

    assertThat(first).hasSize(SUBJECTS - 1).doesNotContainKey(poisoned);
    assertThat(first.values()).allSatisfy(report -> {
      assertThat(report.recordsDeleted()).isEqualTo(1);
      assertThat(report.fieldsAnonymised()).isEqualTo(5);
    });
    assertThat(count("select count(n) from ContactNote n where n.contact.id = 'contact-00017'")).isEqualTo(1);
    assertThat(count("select count(c) from Contact c where c.name = 'erased' and c.id = 'contact-00017'")).isZero();
    assertThat(gdpr.erasure().wasErased(poisoned)).isFalse();

    dropPoison();
    List<ErasureReport> resumed = gdpr.erasure().resumePending();

    assertThat(resumed).singleElement().satisfies(report -> {
      assertThat(report.recordsDeleted()).isEqualTo(1);
      assertThat(report.fieldsAnonymised()).isEqualTo(5);
    });
    assertThat(count("select count(n) from ContactNote n")).isEqualTo(OTHERS);
    assertThat(count("select count(c) from Contact c where c.name <> 'erased'")).isEqualTo(OTHERS);
    assertThat(gdpr.erasure().records()).hasSize(SUBJECTS);
    assertThat(gdpr.erasure().wasErased(poisoned)).isTrue();
  }

  @Test
  @DisplayName("two instances resuming the same queue of 600 erasures from four threads erase each subject once")
  void twoInstancesRacingOnOneQueueEraseEachSubjectOnce() throws Exception {
    GdprKit a = instance("a");
    GdprKit b = instance("b");
    List<SubjectId> queued = subjects.subList(0, 600);
    JpaErasureStore store = new JpaErasureStore(tx, clock);
    for (SubjectId subject : queued) {
      store.insert(ErasureJob.start(UUID.randomUUID(), subject, ErasureScope.everything(), 0, null, clock.instant()));
    }
    int threads = 4;
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
          batch = kit.erasure().resumePending(100);
          mine.addAll(batch);
        } while (!batch.isEmpty());
        return mine;
      }));
    }
    List<ErasureReport> reports = new ArrayList<>();
    for (Future<List<ErasureReport>> outcome : outcomes) {
      reports.addAll(outcome.get(120L * database.timeoutFactor(), TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(reports).hasSize(600);
    assertThat(reports.stream().mapToLong(ErasureReport::recordsDeleted).sum()).isEqualTo(600);
    assertThat(queued).allSatisfy(subject -> assertThat(provider.erased(subject)).isEqualTo(1));
    assertThat(count("select count(n) from ContactNote n")).isEqualTo(SUBJECTS + OTHERS - 600);
    assertThat(store.pending(null, 10)).isEmpty();
  }

  /** Forwards to the generic provider, recording the size of each batch and how often each subject was in one. */
  static final class Recording implements PersonalDataProvider {

    final JpaPersonalDataProvider delegate;
    final List<Integer> batches = new CopyOnWriteArrayList<>();
    private final Map<SubjectId, AtomicInteger> erased = new ConcurrentHashMap<>();

    Recording(JpaPersonalDataProvider delegate) {
      this.delegate = delegate;
    }

    int erased(SubjectId subject) {
      AtomicInteger count = erased.get(subject);
      return count == null ? 0 : count.get();
    }

    @Override
    public ProviderDescriptor describe() {
      return delegate.describe();
    }

    @Override
    public void export(SubjectId subject, DataSink sink) {
      delegate.export(subject, sink);
    }

    @Override
    public void erase(SubjectId subject, ErasureContext context) {
      delegate.erase(subject, context);
    }

    @Override
    public void eraseAll(List<? extends ErasureContext> contexts) {
      batches.add(contexts.size());
      delegate.eraseAll(contexts);
      contexts.forEach(c -> erased.computeIfAbsent(c.subject(), s -> new AtomicInteger()).incrementAndGet());
    }

    @Override
    public List<Relation> related(SubjectId subject) {
      return delegate.related(subject);
    }

    @Override
    public Map<SubjectId, List<Relation>> relatedAll(Collection<SubjectId> subjects) {
      return delegate.relatedAll(subjects);
    }

    @Override
    public List<ContactPoint> contactPoints(SubjectId subject) {
      return delegate.contactPoints(subject);
    }

    @Override
    public Map<SubjectId, List<ContactPoint>> contactPointsAll(Collection<SubjectId> subjects) {
      return delegate.contactPointsAll(subjects);
    }
  }
}

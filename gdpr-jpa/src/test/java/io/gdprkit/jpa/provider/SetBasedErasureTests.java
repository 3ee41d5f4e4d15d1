package io.gdprkit.jpa.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.ProviderReport;
import io.gdprkit.erasure.internal.DefaultErasureContext;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.MutableClock;
import io.gdprkit.jpa.RecordedSql;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link JpaPersonalDataProvider#eraseAll} on more subjects than one statement covers: statements per entity type and
 * chunk of subjects, not per record, and parallel jobs on disjoint subjects that do not deadlock.
 */
@ParameterizedClass(name = "set-based erasure on {0}")
@EnumSource(TestDatabase.class)
class SetBasedErasureTests {

  static final int SUBJECTS = 1_100;
  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  @Parameter
  TestDatabase database;

  final MutableClock clock = new MutableClock(NOW);
  JpaTransactions tx;
  JpaPersonalDataProvider provider;
  GdprKit gdpr;

  @BeforeEach
  void manyContacts() {
    database.clean();
    tx = database.transactions();
    provider = JpaPersonalDataProvider.builder(tx).id("crm").build();
    gdpr = GdprKit.builder().clock(clock).transactions(tx).personalData(provider).build();
    ManyContacts.insert(tx, SUBJECTS);
  }

  @Test
  @DisplayName("Art. 17(1): erasing 1,100 subjects takes statements per entity type and chunk of subjects, not per"
      + " record")
  void erasesManySubjectsWithFewStatements() {
    List<DefaultErasureContext> contexts = IntStream.range(0, SUBJECTS).mapToObj(i -> context(subject(i))).toList();
    Statistics statistics = database.entityManagerFactory().unwrap(SessionFactory.class).getStatistics();
    statistics.clear();
    statistics.setStatisticsEnabled(true);

    try {
      provider.eraseAll(contexts);
    } finally {
      statistics.setStatisticsEnabled(false);
    }

    long statements = statistics.getPrepareStatementCount();
    // 4,400 rows in 3 chunks of subjects; per chunk: reads page by page, one write per page and kind of plan, the
    // orders' distinct keyed hashes a hundred rows to a statement (48 on each database when this was written)
    assertThat(statements).isLessThanOrEqualTo(60);
    assertThat(count("select count(c) from Contact c where c.name <> 'erased'")).isZero();
    assertThat(count("select count(n) from ContactNote n")).isZero();
    assertThat(count("select count(o) from CustomerOrder o where o.customerIp <> '203.0.113.0'")).isZero();
    assertThat(count("select count(o) from CustomerOrder o where o.confirmationEmail not like 'pseud:%'")).isZero();
    assertThat(count("select count(distinct o.confirmationEmail) from CustomerOrder o")).isEqualTo(SUBJECTS);
    List<ProviderReport> reports = contexts.stream().map(c -> c.report(false)).toList();
    assertThat(reports).allSatisfy(report -> {
      assertThat(report.recordsDeleted()).isEqualTo(1);
      assertThat(report.fieldsAnonymised()).isEqualTo(1 + 2 + 2);
    });
  }

  @Test
  @DisplayName("Art. 17(1): on PostgreSQL and H2 a chunk's subjects and ids are one array parameter, so the statements"
      + " are the same whatever their number; in (...) lists on MariaDB")
  void namesSubjectsAndIdsAsOneArrayParameterWhereTheDatabaseTakesOne() {
    List<DefaultErasureContext> contexts = IntStream.range(0, SUBJECTS).mapToObj(i -> context(subject(i))).toList();

    List<String> sql = recorded(() -> provider.eraseAll(contexts));

    // chunks of 500, 500 and 100 subjects; host_note: a read of ids and a delete per chunk (its plans need no values)
    List<String> notes = sql.stream().filter(statement -> statement.contains("host_note")).toList();
    assertThat(notes).hasSize(6);
    if (database == TestDatabase.MARIADB) {
      assertThat(notes).anyMatch(statement -> parameters(statement) >= 500);
      assertThat(notes).anyMatch(statement -> parameters(statement) >= 100 && parameters(statement) < 500);
    } else {
      assertThat(notes).allMatch(statement -> parameters(statement) <= 2);
      assertThat(notes.stream().distinct()).hasSize(2);
    }
    assertThat(count("select count(n) from ContactNote n")).isZero();
  }

  @Test
  @DisplayName("Art. 17(1): records that erasure only deletes are deleted by the ids read from the subject index,"
      + " without reading their rows")
  void deletesRecordsWithoutReadingThemWhenThePlansNeedNoValues() {
    List<DefaultErasureContext> contexts = IntStream.range(0, SUBJECTS).mapToObj(i -> context(subject(i))).toList();

    List<String> sql = recorded(() -> provider.eraseAll(contexts));

    assertThat(sql).filteredOn(statement -> statement.contains("host_note")).noneMatch(s -> s.contains("note_text"));
    assertThat(sql).filteredOn(statement -> statement.contains("host_order")).anyMatch(s -> s.contains("customer_ip"));
    assertThat(count("select count(n) from ContactNote n")).isZero();
    assertThat(contexts).allSatisfy(context -> assertThat(context.report(false).recordsDeleted()).isEqualTo(1));
  }

  @Test
  @DisplayName("Art. 17(3)(b): when a legal obligation may keep the records, they are read and kept until their date")
  void readsTheRecordsWhenARetentionCanKeepThem() {
    GdprKit keeping = GdprKit.builder().clock(clock).transactions(tx).personalData(provider)
        .purpose(Purpose.of("call-records", LegalBasis.LEGAL_OBLIGATION, "Call notes kept by law")
            .withDataCategories(DataCategory.BEHAVIOURAL).withRetention(Period.ofYears(10)))
        .build();
    List<DefaultErasureContext> contexts = IntStream.range(0, SUBJECTS).mapToObj(i -> new DefaultErasureContext(
        subject(i), provider.describe(), ErasureScope.everything(), keeping.purposes(), SubjectConsents.EMPTY,
        keeping.pseudonymKey(), clock, null)).toList();

    List<String> sql = recorded(() -> provider.eraseAll(contexts));

    assertThat(sql).filteredOn(statement -> statement.contains("host_note")).anyMatch(s -> s.contains("note_text"));
    assertThat(count("select count(n) from ContactNote n")).isEqualTo(SUBJECTS);
    assertThat(contexts).allSatisfy(context -> assertThat(context.report(false).retained())
        .anyMatch(kept -> kept.field().equals("ContactNote.text")));
  }

  private static List<String> recorded(Runnable work) {
    List<String> sql;
    RecordedSql.start();
    try {
      work.run();
    } finally {
      sql = RecordedSql.stop();
    }
    return sql;
  }

  private static long parameters(String statement) {
    return statement.chars().filter(c -> c == '?').count();
  }

  @Test
  @DisplayName("Art. 17(1): two jobs erasing interleaved subjects at once do not deadlock")
  void erasesDisjointSubjectsInParallel() throws Exception {
    List<DefaultErasureContext> even = new ArrayList<>();
    List<DefaultErasureContext> odd = new ArrayList<>();
    for (int i = 0; i < SUBJECTS; i++) {
      (i % 2 == 0 ? even : odd).add(context(subject(i)));
    }

    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> provider.eraseAll(even));
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> provider.eraseAll(odd));
    CompletableFuture.allOf(first, second).get(60L * database.timeoutFactor(), TimeUnit.SECONDS);

    assertThat(count("select count(c) from Contact c where c.name <> 'erased'")).isZero();
    assertThat(count("select count(n) from ContactNote n")).isZero();
  }

  private DefaultErasureContext context(SubjectId subject) {
    return new DefaultErasureContext(subject, provider.describe(), ErasureScope.everything(), gdpr.purposes(),
        SubjectConsents.EMPTY, gdpr.pseudonymKey(), clock, null);
  }

  private static SubjectId subject(int i) {
    return ManyContacts.subject(i);
  }

  private long count(String jpql) {
    return tx.inTransaction(() -> tx.entityManager().createQuery(jpql, Long.class).getSingleResult());
  }
}

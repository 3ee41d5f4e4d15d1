package io.gdprkit.jpa.instances;

import io.gdprkit.GdprKit;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.encryption.KeyEncryptionKeys;
import io.gdprkit.jpa.GdprEntities;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.audit.JpaAuditOutbox;
import io.gdprkit.jpa.audit.JpaAuditStore;
import io.gdprkit.jpa.audit.JpaCheckpointStore;
import io.gdprkit.jpa.authorisation.JpaAuthorisationStore;
import io.gdprkit.jpa.breach.JpaBreachStore;
import io.gdprkit.jpa.consent.JpaConsentStore;
import io.gdprkit.jpa.encryption.JpaSubjectKeyStore;
import io.gdprkit.jpa.erasure.JpaErasureStore;
import io.gdprkit.jpa.gpc.JpaGpcStore;
import io.gdprkit.jpa.outbox.JpaEventOutbox;
import io.gdprkit.jpa.processing.JpaProcessingRecordStore;
import io.gdprkit.jpa.recipient.JpaDisclosureStore;
import io.gdprkit.jpa.recipient.JpaRecipientStore;
import io.gdprkit.jpa.request.JpaRequestStore;
import io.gdprkit.jpa.retention.JpaRetentionStore;
import io.gdprkit.jpa.source.JpaSourceStore;
import io.gdprkit.jpa.suppression.JpaSuppressionStore;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.retention.RetentionRule;
import io.gdprkit.subject.SubjectId;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One kit instance of the host, as every JVM of the kill and many-instances tests builds it: every store on JPA over
 * one PostgreSQL schema, the event outbox, the host's contacts as personal data, a retention rule for inactive
 * subjects, and keys that every instance shares (as a host would load them from its vault), so that tombstones,
 * audit pseudonyms, checkpoint signatures and wrapped data keys written by one instance are read by the next.
 *
 * @param factory the entity manager factory, closed with the kit's JVM
 * @param transactions the unit of work every store and the host provider write through
 * @param erasureStore the erasure store, for queueing jobs and counting what is pending
 * @param contacts the host's provider
 * @param gdpr the kit
 */
record SharedKit(EntityManagerFactory factory, JpaTransactions transactions, JpaErasureStore erasureStore,
    HostContacts contacts, GdprKit gdpr) implements AutoCloseable {

  /** The consent purpose every seeded subject granted. */
  static final String NEWSLETTER = "newsletter";

  /** The retention rule: everything about a subject with no activity for a year is erased. */
  static final RetentionRule INACTIVE = RetentionRule.forSubjects("inactive-contacts", Duration.ofDays(365),
      RetentionRule.Action.ERASE);

  /** The pseudonym key every instance shares. */
  static final PseudonymKey PSEUDONYMS = PseudonymKey.of("p1", secret("pseudonyms"));

  /**
   * Connects to {@code url} (a PostgreSQL URL naming the schema with {@code currentSchema}) and builds the kit.
   *
   * @param instance this kit instance's id, unique among the JVMs sharing the schema
   * @param lease how long an instance holds shared work (an erasure job, a retention claim) without progress
   * @param pool the most connections this instance opens
   */
  static SharedKit connect(String url, String user, String password, String instance, Duration lease, int pool) {
    PersistenceConfiguration configuration = new PersistenceConfiguration("gdpr-kit-" + instance)
        .provider("org.hibernate.jpa.HibernatePersistenceProvider")
        .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL);
    GdprEntities.all().forEach(configuration::managedClass);
    EntityManagerFactory factory = configuration
        .property(PersistenceConfiguration.JDBC_URL, url + (url.contains("?") ? "&" : "?") + "ApplicationName="
            + instance)
        .property(PersistenceConfiguration.JDBC_USER, user)
        .property(PersistenceConfiguration.JDBC_PASSWORD, password)
        .property("hibernate.hikari.maximumPoolSize", Integer.toString(pool))
        .property("hibernate.hikari.minimumIdle", "1")
        .property("hibernate.generate_statistics", "true")
        .createEntityManagerFactory();
    Clock clock = Clock.systemUTC();
    JpaTransactions tx = JpaTransactions.resourceLocal(factory);
    JpaErasureStore erasureStore = new JpaErasureStore(tx, clock);
    HostContacts contacts = new HostContacts(tx, instance);
    GdprKit gdpr = GdprKit.builder()
        .purpose(Purpose.of(NEWSLETTER, LegalBasis.CONSENT, "Monthly newsletter"))
        .personalData(contacts)
        .retention(INACTIVE)
        .clock(clock)
        .instanceId(instance)
        .workLease(lease)
        .transactions(tx)
        .consentStore(new JpaConsentStore(tx))
        .sourceStore(new JpaSourceStore(tx))
        .suppressionStore(new JpaSuppressionStore(tx))
        .erasureStore(erasureStore)
        .retentionStore(new JpaRetentionStore(tx))
        .auditStore(new JpaAuditStore(tx))
        .checkpointStore(new JpaCheckpointStore(tx))
        .auditOutbox(new JpaAuditOutbox(tx))
        .eventPublisher(new JpaEventOutbox(tx, PSEUDONYMS))
        .requestStore(new JpaRequestStore(tx))
        .recipientStore(new JpaRecipientStore(tx))
        .disclosureStore(new JpaDisclosureStore(tx, clock))
        .authorisationStore(new JpaAuthorisationStore(tx))
        .processingRecordStore(new JpaProcessingRecordStore(tx))
        .breachStore(new JpaBreachStore(tx))
        .subjectKeyStore(new JpaSubjectKeyStore(tx))
        .gpcStore(new JpaGpcStore(tx))
        .keyRing(KeyRing.of("k1", secret("tokens")))
        .pseudonymKey(PSEUDONYMS)
        .signingKey(SigningKey.of("s1", secret("signing")))
        .keyEncryptionKeys(KeyEncryptionKeys.of("kek1", secret("kek")))
        .build();
    return new SharedKit(factory, tx, erasureStore, contacts, gdpr);
  }

  /**
   * Returns how many JDBC statements this instance prepared, how many transactions it committed and how many it rolled
   * back so far, from Hibernate's statistics.
   */
  long[] statementCounts() {
    org.hibernate.stat.Statistics statistics = factory.unwrap(org.hibernate.SessionFactory.class).getStatistics();
    return new long[] {statistics.getPrepareStatementCount(), statistics.getSuccessfulTransactionCount(),
        statistics.getTransactionCount() - statistics.getSuccessfulTransactionCount()};
  }

  /**
   * Returns the CPU time, in clock ticks, of each database server process that serves one of this instance's
   * connections (named by the instance id), by process id, read from {@code /proc}: the server runs on this machine.
   * Empty where it cannot be read.
   */
  Map<Long, Long> databaseCpuTicks() {
    @SuppressWarnings("unchecked")
    List<Number> pids = transactions.inTransaction(() -> transactions.entityManager()
        .createNativeQuery("select pid from pg_stat_activity where application_name = current_setting('application_name')")
        .getResultList());
    Map<Long, Long> ticks = new HashMap<>();
    for (Number pid : pids) {
      try {
        String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks.put(pid.longValue(), Long.parseLong(fields[11]) + Long.parseLong(fields[12])); // utime, stime
      } catch (IOException | RuntimeException e) {
        return Map.of(); // not on this machine, or not readable
      }
    }
    return ticks;
  }

  /** Returns the pseudonym the erasure report and the tombstone name the subject by. */
  static String tombstonePseudonym(SubjectId subject) {
    return PSEUDONYMS.pseudonym("subject", subject.tenant().value() + '/' + subject.value());
  }

  /** Returns a fixed 32-byte secret, the same in every JVM. */
  private static byte[] secret(String name) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(("issue-11 " + name).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    factory.close();
  }
}

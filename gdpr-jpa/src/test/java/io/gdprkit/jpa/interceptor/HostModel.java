package io.gdprkit.jpa.interceptor;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditDrain;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.jpa.audit.JpaAuditOutbox;
import io.gdprkit.jpa.consent.JpaConsentStore;
import io.gdprkit.jpa.audit.JpaAuditStore;
import io.gdprkit.jpa.audit.JpaCheckpointStore;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The small host model of the interceptor tests on each database: contacts, their notes and companies, in a
 * persistence unit that lists the kit's mapping file, and a kit whose audit trail is on the same transactions.
 */
final class HostModel {

  static final String BILLING = "billing";
  static final String NEWSLETTER = "newsletter";

  private static final Map<TestDatabase, EntityManagerFactory> FACTORIES = new EnumMap<>(TestDatabase.class);

  private HostModel() {}

  /** Returns the database's entity manager factory for the host model, made once per test run. */
  static synchronized EntityManagerFactory factory(TestDatabase database) {
    return FACTORIES.computeIfAbsent(database, d -> d.hostEntityManagerFactory("gdpr-kit-host",
        List.of(Contact.class, ContactNote.class, Company.class), List.of(GdprEntityListener.MAPPING_FILE)));
  }

  /** Empties the kit's tables and the host's, with statements no entity callback sees. */
  static void clean(TestDatabase database) {
    database.clean();
    EntityManager em = factory(database).createEntityManager();
    try {
      em.getTransaction().begin();
      for (String table : List.of("it_contact_note", "it_contact", "it_company")) {
        em.createNativeQuery("delete from " + table).executeUpdate();
      }
      em.getTransaction().commit();
    } finally {
      em.close();
    }
  }

  /**
   * Returns a kit whose consent store (restrictions and decisions), audit outbox, chain and checkpoints are on
   * {@code transactions}: the interceptor asks {@code decide} and the restriction from inside entity callbacks, on the
   * entity manager whose flush or load called them.
   */
  static GdprKit kit(JpaTransactions transactions, PersonalDataProvider... providers) {
    return kit(transactions, AuditDrain.AFTER_COMMIT, providers);
  }

  /** Returns the kit of {@link #kit(JpaTransactions, PersonalDataProvider...)}, draining on the thread named. */
  static GdprKit kit(JpaTransactions transactions, AuditDrain drain, PersonalDataProvider... providers) {
    GdprKit.Builder builder = GdprKit.builder()
        .auditDrain(drain)
        .purpose(Purpose.of(BILLING, LegalBasis.CONTRACT, "Invoices for orders"))
        .purpose(Purpose.of(NEWSLETTER, LegalBasis.CONSENT, "Monthly newsletter"))
        // Microseconds, as the databases keep them: the JPA checkpoint store keeps the chain head's time to the
        // microsecond, and a head tagged with nanoseconds would no longer verify once read back.
        .clock(Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)))
        .transactions(transactions)
        .consentStore(new JpaConsentStore(transactions))
        .auditOutbox(new JpaAuditOutbox(transactions))
        .auditStore(new JpaAuditStore(transactions))
        .checkpointStore(new JpaCheckpointStore(transactions))
        .allowGeneratedKeys();
    for (PersonalDataProvider provider : providers) {
      builder.personalData(provider);
    }
    return builder.build();
  }

  /** Returns the records of the default tenant's chain, after draining what waits. */
  static List<AuditRecord> records(GdprKit kit) {
    kit.audit().drainAll();
    return kit.audit().entries(TenantId.DEFAULT, 0, 10_000).stream().map(AuditEntry::record).toList();
  }

  /** Returns the records of one kind, entity and scope label. */
  static List<AuditRecord> records(GdprKit kit, io.gdprkit.audit.AuditKind kind, String entity) {
    return records(kit).stream()
        .filter(r -> r.kind() == kind && entity.equals(r.details().get("entity")))
        .toList();
  }
}

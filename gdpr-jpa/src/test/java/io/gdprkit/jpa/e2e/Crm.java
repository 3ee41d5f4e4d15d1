package io.gdprkit.jpa.e2e;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.jpa.audit.JpaAuditOutbox;
import io.gdprkit.jpa.audit.JpaAuditStore;
import io.gdprkit.jpa.audit.JpaCheckpointStore;
import io.gdprkit.jpa.authorisation.JpaAuthorisationStore;
import io.gdprkit.jpa.breach.JpaBreachStore;
import io.gdprkit.jpa.consent.JpaConsentStore;
import io.gdprkit.jpa.encryption.JpaSubjectKeyStore;
import io.gdprkit.jpa.erasure.JpaErasureStore;
import io.gdprkit.jpa.gpc.JpaGpcStore;
import io.gdprkit.jpa.interceptor.GdprEntityListener;
import io.gdprkit.jpa.interceptor.PersistenceInterceptor;
import io.gdprkit.jpa.outbox.JpaEventOutbox;
import io.gdprkit.jpa.processing.JpaProcessingRecordStore;
import io.gdprkit.jpa.provider.JpaEncryption;
import io.gdprkit.jpa.provider.JpaPersonalDataProvider;
import io.gdprkit.jpa.provider.host.Company;
import io.gdprkit.jpa.provider.host.Contact;
import io.gdprkit.jpa.provider.host.ContactNote;
import io.gdprkit.jpa.provider.host.CrmRepository;
import io.gdprkit.jpa.provider.host.CustomerOrder;
import io.gdprkit.jpa.provider.host.Invoice;
import io.gdprkit.jpa.recipient.JpaDisclosureStore;
import io.gdprkit.jpa.recipient.JpaRecipientStore;
import io.gdprkit.jpa.request.JpaRequestStore;
import io.gdprkit.jpa.retention.JpaRetentionStore;
import io.gdprkit.jpa.source.JpaSourceStore;
import io.gdprkit.jpa.suppression.JpaSuppressionStore;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A host's CRM on one database, as a host sets it up: its own entities (contacts with parent-child relations,
 * companies, orders, invoices, notes) in a persistence unit that lists the kit's mapping file, and a kit on the system
 * clock whose every store is a JPA store on the host's transactions, with the generic provider, encrypted columns and
 * the persistence interceptor installed.
 */
final class Crm implements AutoCloseable {

  static final String ORDERS = "orders";
  static final String NEWSLETTER = "newsletter";

  private static final Map<TestDatabase, EntityManagerFactory> FACTORIES = new EnumMap<>(TestDatabase.class);

  final JpaTransactions transactions;
  final GdprKit kit;
  final PersistenceInterceptor interceptor;

  private Crm(TestDatabase database) {
    EntityManagerFactory factory = factory(database);
    database.clean();
    emptyHostTables(factory);
    transactions = JpaTransactions.resourceLocal(factory);
    Clock clock = Clock.systemUTC();
    PseudonymKey pseudonyms = PseudonymKey.generate();
    kit = GdprKit.builder()
        .clock(clock)
        .pseudonymKey(pseudonyms)
        .allowGeneratedKeys()
        .transactions(transactions)
        .purpose(Purpose.of(ORDERS, LegalBasis.CONTRACT, "Order fulfilment")
            .withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL))
        .purpose(Purpose.of(NEWSLETTER, LegalBasis.CONSENT, "Monthly newsletter")
            .withDataCategories(DataCategory.CONTACT_DETAILS))
        .personalData(JpaPersonalDataProvider.builder(transactions).id("crm").build())
        .consentStore(new JpaConsentStore(transactions))
        .sourceStore(new JpaSourceStore(transactions))
        .suppressionStore(new JpaSuppressionStore(transactions))
        .erasureStore(new JpaErasureStore(transactions, clock))
        .auditOutbox(new JpaAuditOutbox(transactions))
        .auditStore(new JpaAuditStore(transactions))
        .checkpointStore(new JpaCheckpointStore(transactions))
        .retentionStore(new JpaRetentionStore(transactions))
        .requestStore(new JpaRequestStore(transactions))
        .recipientStore(new JpaRecipientStore(transactions))
        .disclosureStore(new JpaDisclosureStore(transactions, clock))
        .authorisationStore(new JpaAuthorisationStore(transactions))
        .processingRecordStore(new JpaProcessingRecordStore(transactions))
        .breachStore(new JpaBreachStore(transactions))
        .subjectKeyStore(new JpaSubjectKeyStore(transactions))
        .gpcStore(new JpaGpcStore(transactions))
        .eventPublisher(new JpaEventOutbox(transactions, pseudonyms))
        .build();
    JpaEncryption.of(kit).install();
    interceptor = PersistenceInterceptor.install(kit, transactions);
  }

  /** Starts the CRM on an empty schema of {@code database}. */
  static Crm on(TestDatabase database) {
    return new Crm(database);
  }

  /** Returns the host's repository on the entity manager of the unit running on this thread. */
  CrmRepository repository() {
    return new CrmRepository(transactions.entityManager());
  }

  /** Returns every record of the default tenant's chain, after draining what waits. */
  List<AuditRecord> auditTrail() {
    kit.audit().drainAll();
    return kit.audit().entries(TenantId.DEFAULT, 0, 10_000).stream().map(AuditEntry::record).toList();
  }

  @Override
  public void close() {
    interceptor.close();
  }

  private static synchronized EntityManagerFactory factory(TestDatabase database) {
    return FACTORIES.computeIfAbsent(database, d -> d.hostEntityManagerFactory("gdpr-kit-crm",
        List.of(Company.class, Contact.class, CustomerOrder.class, Invoice.class, ContactNote.class),
        List.of(GdprEntityListener.MAPPING_FILE)));
  }

  /** Empties the host's tables with statements no entity callback sees. */
  private static void emptyHostTables(EntityManagerFactory factory) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      em.createNativeQuery("update host_contact set parent_id = null").executeUpdate();
      for (String table : List.of("host_note", "host_invoice", "host_order", "host_contact", "host_company")) {
        em.createNativeQuery("delete from " + table).executeUpdate();
      }
      em.getTransaction().commit();
    } finally {
      em.close();
    }
  }
}

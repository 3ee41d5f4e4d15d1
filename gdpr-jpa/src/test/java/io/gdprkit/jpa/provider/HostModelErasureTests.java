package io.gdprkit.jpa.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gdprkit.GdprKit;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.DataItem;
import io.gdprkit.encryption.SubjectKeyDestroyedException;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.ProviderReport;
import io.gdprkit.erasure.RetainedField;
import io.gdprkit.export.ExportFormat;
import io.gdprkit.export.ExportKind;
import io.gdprkit.export.PortabilityReader;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.MutableClock;
import io.gdprkit.jpa.RecordedSql;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.jpa.provider.host.Company;
import io.gdprkit.jpa.provider.host.Contact;
import io.gdprkit.jpa.provider.host.ContactNote;
import io.gdprkit.jpa.provider.host.CustomerOrder;
import io.gdprkit.jpa.provider.host.Invoice;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generic provider on a small host model, through the kit: contacts with parent-child relations, a company,
 * orders, invoices kept ten years under a legal obligation, and notes.
 */
@ParameterizedClass(name = "host model on {0}")
@EnumSource(TestDatabase.class)
class HostModelErasureTests {

  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  @Parameter
  TestDatabase database;

  final MutableClock clock = new MutableClock(NOW);
  final SubjectId alice = SubjectId.of("contact-alice");
  final SubjectId bob = SubjectId.of("contact-bob");
  final SubjectId carol = SubjectId.of("contact-carol");
  final SubjectId dave = SubjectId.of("contact-dave");

  JpaTransactions tx;
  JpaPersonalDataProvider provider;
  GdprKit gdpr;
  long recentOrder;
  long oldOrder;
  long bobOrder;
  long recentInvoice;
  long oldInvoice;

  @BeforeEach
  void hostModel() {
    database.clean();
    tx = database.transactions();
    provider = JpaPersonalDataProvider.builder(tx).id("crm").build();
    gdpr = GdprKit.builder().clock(clock).transactions(tx).personalData(provider)
        .purpose(Purpose.of("orders", LegalBasis.CONTRACT, "Order fulfilment")
            .withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL))
        .build();
    JpaEncryption.of(gdpr).install();
    tx.inTransaction(() -> {
      EntityManager em = tx.entityManager();
      Company acme = new Company("Acme GmbH");
      em.persist(acme);
      Contact a = new Contact(alice.value(), "Alice Example", "alice@example.com", Instant.parse("2019-03-01T09:00:00Z"))
          .phone("+49 30 1234567").birthDate(LocalDate.parse("1985-06-14")).company(acme)
          .importedFrom("trade-fair-2019.csv");
      Contact b = new Contact(bob.value(), "Bob Example", "bob@example.com", Instant.parse("2021-01-01T09:00:00Z"))
          .parent(a).company(acme);
      Contact c = new Contact(carol.value(), "Carol Example", "carol@example.com",
          Instant.parse("2022-01-01T09:00:00Z")).parent(b);
      Contact d = new Contact(dave.value(), "Dave Example", "dave@example.com", Instant.parse("2022-01-01T09:00:00Z"));
      List.of(a, b, c, d).forEach(em::persist);
      CustomerOrder recent = new CustomerOrder(a, Instant.parse("2020-03-01T12:00:00Z"), "Hauptstr. 1, 10115 Berlin",
          "203.0.113.7", 987_654_321L, "alice@example.com", new BigDecimal("119.00"));
      CustomerOrder old = new CustomerOrder(a, Instant.parse("2012-05-01T12:00:00Z"), "Altweg 2, 10115 Berlin",
          "2001:db8::7", 1_234L, "alice@example.com", new BigDecimal("59.50"));
      CustomerOrder bobs = new CustomerOrder(b, Instant.parse("2024-01-01T12:00:00Z"), "Nebenstr. 3, 80331 München",
          "198.51.100.4", null, "bob@example.com", new BigDecimal("20.00"));
      List.of(recent, old, bobs).forEach(em::persist);
      Invoice recentBill = new Invoice(recent, LocalDate.parse("2020-03-01"), "Alice Example",
          "Hauptstr. 1, 10115 Berlin", "alice@example.com", new BigDecimal("119.00"));
      Invoice oldBill = new Invoice(old, LocalDate.parse("2012-05-01"), "Alice Example", "Altweg 2, 10115 Berlin",
          "alice@example.com", new BigDecimal("59.50"));
      List.of(recentBill, oldBill).forEach(em::persist);
      em.persist(new ContactNote(a, "Asked for a discount", Instant.parse("2024-02-01T10:00:00Z")));
      em.persist(new ContactNote(a, "Prefers phone calls", Instant.parse("2024-03-01T10:00:00Z")));
      em.flush();
      recentOrder = recent.getId();
      oldOrder = old.getId();
      bobOrder = bobs.getId();
      recentInvoice = recentBill.getId();
      oldInvoice = oldBill.getId();
      return null;
    });
  }

  @Test
  @DisplayName("Art. 17(1), 17(3)(b): erasing a contact anonymises it and its orders, keeps its invoices until their"
      + " retention ends, deletes its notes and cascades to its child contacts one level down")
  void erasesTheContactAcrossTheHostModel() {
    ErasureReport report = gdpr.erasure().erase(alice);

    Contact a = find(Contact.class, alice.value());
    assertThat(a.getName()).isEqualTo("erased");
    assertThat(a.getEmail()).isNull();
    assertThat(a.getEmailIndex()).isNull();
    assertThat(a.getPhone()).isEqualTo("4567");
    assertThat(a.getBirthDate()).isEqualTo(LocalDate.parse("1985-01-01"));
    assertThat(a.getCompany()).isNotNull();
    CustomerOrder recent = find(CustomerOrder.class, recentOrder);
    assertThat(recent.getShippingAddress()).isNull();
    assertThat(recent.getCustomerIp()).isEqualTo("203.0.113.0");
    assertThat(recent.getLoyaltyNumber()).isEqualTo(4_321L);
    assertThat(recent.getConfirmationEmail()).startsWith("pseud:").doesNotContain("alice");
    assertThat(recent.getTotal()).isEqualByComparingTo("119.00");
    assertThat(find(CustomerOrder.class, oldOrder).getCustomerIp()).isEqualTo("2001:db8:0:0:0:0:0:0");
    Invoice kept = find(Invoice.class, recentInvoice);
    assertThat(kept.getBillingName()).isEqualTo("Alice Example");
    assertThat(kept.getBillingAddress()).isEqualTo("Hauptstr. 1, 10115 Berlin");
    assertThat(kept.getPayerEmail()).isNull();
    Invoice due = find(Invoice.class, oldInvoice);
    assertThat(due.getBillingName()).isNull();
    assertThat(due.getBillingAddress()).isNull();
    assertThat(due.getAmount()).isEqualByComparingTo("59.50");
    assertThat(count("select count(n) from ContactNote n")).isZero();
    Contact b = find(Contact.class, bob.value());
    assertThat(b.getName()).isEqualTo("erased");
    assertThat(find(CustomerOrder.class, bobOrder).getShippingAddress()).isNull();
    Contact c = find(Contact.class, carol.value());
    assertThat(c.getName()).isEqualTo("Carol Example");
    assertThat(c.getEmail()).isEqualTo("carol@example.com");
    assertThat(find(Contact.class, dave.value()).getName()).isEqualTo("Dave Example");
    assertThat(count("select count(c) from Company c")).isOne();

    ProviderReport crm = report.providers().get(0);
    assertThat(crm.provider()).isEqualTo("crm");
    assertThat(crm.recordsDeleted()).isEqualTo(2);
    assertThat(crm.fieldsAnonymised()).isEqualTo(4 + 7 + 4); // the old order's loyalty number has four digits
    assertThat(crm.retained()).extracting(RetainedField::field, RetainedField::reason, RetainedField::until,
        RetainedField::records).containsExactlyInAnyOrder(
            tuple("Invoice.billingAddress", Invoice.OBLIGATION, Instant.parse("2030-03-01T00:00:00Z"), 1),
            tuple("Invoice.billingName", Invoice.OBLIGATION, Instant.parse("2030-03-01T00:00:00Z"), 1));
    assertThat(report.nextRelease()).isEqualTo(Instant.parse("2030-03-01T00:00:00Z"));
    assertThat(report.cascaded()).singleElement().satisfies(child ->
        assertThat(child.providers().get(0).fieldsAnonymised()).isEqualTo(2 + 3));
    assertThat(report.suppressed()).isEqualTo(1);
    assertThat(gdpr.suppression().isSuppressed(TenantId.DEFAULT, ContactPoint.email(" ALICE@example.com"))).isTrue();
  }

  @Test
  @DisplayName("Art. 5(1)(f), 15, 17: an id that differs only in case is another subject, also where the database's"
      + " collation ignores case (MariaDB's default)")
  void keepsApartSubjectsWhoseIdsDifferOnlyInCase() {
    SubjectId shouting = SubjectId.of("CONTACT-ALICE");

    List<DataItem> exported = export(shouting, ExportKind.ACCESS);
    ErasureReport report = gdpr.erasure().erase(shouting);

    assertThat(exported).isEmpty();
    assertThat(report.providers().get(0).fieldsAnonymised()).isZero();
    assertThat(report.cascaded()).isEmpty();
    assertThat(find(Contact.class, alice.value()).getName()).isEqualTo("Alice Example");
    assertThat(count("select count(n) from ContactNote n")).isEqualTo(2);
    assertThatThrownBy(() -> gdpr.rectification().rectify(shouting, "crm", "Contact#contact-alice", "Contact.phone",
        "+49 30 999")).isInstanceOf(io.gdprkit.InvalidInputException.class);
  }

  @Test
  @DisplayName("Art. 17(1), 17(2): the relations and contact points of many subjects, read at once, are what each"
      + " subject's own read gives, with one statement per relation and per contact-point attribute")
  void readsTheRelationsAndContactPointsOfManySubjectsAsOneByOne() {
    SubjectId shouting = SubjectId.of("CONTACT-ALICE");
    SubjectId unknown = SubjectId.of("contact-nobody");
    SubjectId otherTenant = SubjectId.of(TenantId.of("other"), alice.value());
    List<SubjectId> subjects = List.of(alice, bob, carol, dave, shouting, unknown, otherTenant);
    List<String> sql;

    RecordedSql.start();
    var relations = provider.relatedAll(subjects);
    var points = provider.contactPointsAll(subjects);
    sql = RecordedSql.stop();

    for (SubjectId subject : subjects) {
      assertThat(relations.getOrDefault(subject, List.of())).as("relations of %s", subject)
          .containsExactlyInAnyOrderElementsOf(provider.related(subject));
      assertThat(points.getOrDefault(subject, List.of())).as("contact points of %s", subject)
          .containsExactlyInAnyOrderElementsOf(provider.contactPoints(subject));
    }
    assertThat(relations.keySet()).containsExactly(alice, bob);
    assertThat(points.keySet()).containsExactly(alice, bob, carol, dave);
    assertThat(points.get(alice)).containsExactly(ContactPoint.email("alice@example.com"));
    // the model has one relation (Contact.parent) and one contact-point attribute (Contact.email)
    assertThat(sql).hasSize(2);
  }

  @Test
  @DisplayName("Art. 17: a host transaction holding an order from before the erasure cannot write its erased data back")
  void bumpsTheVersionSoThatStaleEntitiesCannotRestoreErasedData() {
    CustomerOrder stale = find(CustomerOrder.class, recentOrder);

    gdpr.erasure().erase(alice);

    assertThatThrownBy(() -> tx.inTransaction(() -> {
      stale.setShippingAddress("Hauptstr. 1, 10115 Berlin");
      return tx.entityManager().merge(stale);
    })).satisfies(e -> assertThat(causes(e)).anyMatch(OptimisticLockException.class::isInstance));
    assertThat(find(CustomerOrder.class, recentOrder).getShippingAddress()).isNull();
  }

  @Test
  @DisplayName("Art. 17: erasing a subject again changes and counts nothing")
  void erasesIdempotently() {
    gdpr.erasure().erase(alice);

    ErasureReport again = gdpr.erasure().erase(alice);

    assertThat(again.providers().get(0).recordsDeleted()).isZero();
    assertThat(again.providers().get(0).fieldsAnonymised()).isZero();
    assertThat(find(Invoice.class, recentInvoice).getBillingName()).isEqualTo("Alice Example");
  }

  @Test
  @DisplayName("Art. 17(3)(b): once the retention has run out, the release erases the kept invoice data and shreds"
      + " the subject's key")
  void releasesTheInvoicesOnceTheirRetentionHasRunOut() {
    gdpr.erasure().erase(alice);
    assertThat(gdpr.encryption().isShredded(alice)).isFalse();
    clock.set(Instant.parse("2030-03-02T00:00:00Z"));

    List<ErasureReport> released = gdpr.erasure().releaseHeld(10);

    assertThat(released).hasSize(1);
    Invoice kept = find(Invoice.class, recentInvoice);
    assertThat(kept.getBillingName()).isNull();
    assertThat(kept.getBillingAddress()).isNull();
    assertThat(released.get(0).providers().get(0).fieldsAnonymised()).isEqualTo(2);
    assertThat(gdpr.encryption().isShredded(alice)).isTrue();
  }

  @Test
  @DisplayName("Art. 15: the access export holds every record of the subject, encrypted columns decrypted")
  void exportsEveryRecordOfTheSubject() {
    List<DataItem> items = export(alice, ExportKind.ACCESS);

    assertThat(items).extracting(DataItem::record).contains("Contact#contact-alice", "CustomerOrder#" + recentOrder,
        "CustomerOrder#" + oldOrder, "Invoice#" + recentInvoice, "Invoice#" + oldInvoice)
        .anyMatch(record -> record.startsWith("ContactNote#")).noneMatch(record -> record.contains("bob"));
    assertThat(items).hasSize(4 + 8 + 6 + 2);
    assertThat(items).filteredOn(item -> item.field().equals("Contact.email")).singleElement()
        .satisfies(item -> assertThat(item.value()).isEqualTo("alice@example.com"));
    assertThat(items).filteredOn(item -> item.record().equals("Invoice#" + recentInvoice))
        .extracting(DataItem::field, DataItem::collectedAt).contains(
            tuple("Invoice.billingName", Instant.parse("2020-03-01T00:00:00Z")));
  }

  @Test
  @DisplayName("Art. 20: portability leaves out what the subject did not provide, and records imported from a file")
  void portabilityLeavesOutImportedRecords() {
    List<DataItem> items = export(alice, ExportKind.PORTABILITY);

    assertThat(items).extracting(DataItem::field).containsOnly("CustomerOrder.shippingAddress").hasSize(2);
  }

  @Test
  @DisplayName("Art. 14(2)(f): the origins of the subject's records come from their @SourceTagged attributes")
  void namesTheOriginsOfTheSubjectsRecords() {
    JpaPersonalDataProvider provider = (JpaPersonalDataProvider) gdpr.personalData().provider("crm").orElseThrow();

    assertThat(provider.origins(alice)).containsExactly(Origin.importFile("trade-fair-2019.csv"));
    assertThat(provider.origins(bob)).isEmpty();
  }

  @Test
  @DisplayName("Art. 17, 32(1)(a): encrypted columns are stored under the subject's key, and a copy taken before the"
      + " erasure cannot be read after it")
  void cryptoShreddingMakesCopiesUnreadable() {
    String email = raw("select email from host_contact where id = 'contact-bob'");
    String address = raw("select shipping_address from host_order where contact_id = 'contact-bob'");
    assertThat(email).startsWith("gkj1~default~contact-bob~gk1.").doesNotContain("bob@example.com");
    assertThat(address).startsWith("gkj1~default~contact-bob~gk1.").doesNotContain("Nebenstr");
    EncryptedStringConverter converter = new EncryptedStringConverter();
    assertThat(converter.convertToEntityAttribute(email)).isEqualTo("bob@example.com");

    gdpr.erasure().erase(bob);

    assertThat(gdpr.encryption().isShredded(bob)).isTrue();
    assertThatThrownBy(() -> converter.convertToEntityAttribute(email))
        .isInstanceOf(SubjectKeyDestroyedException.class);
    assertThatThrownBy(() -> converter.convertToEntityAttribute(address))
        .isInstanceOf(SubjectKeyDestroyedException.class);
    assertThat(converter.convertToEntityAttribute(raw("select email from host_contact where id = 'contact-dave'")))
        .isEqualTo("dave@example.com");
  }

  @Test
  @DisplayName("Art. 32(1)(a): the blind index finds an encrypted e-mail by its normalised value, and erasure clears it")
  void blindIndexFindsTheEncryptedEmailUntilErasure() {
    List<String> index = JpaEncryption.installed().blindIndex(Contact.class, "email", "  Alice@Example.COM ");
    assertThat(findByEmailIndex(index)).containsExactly(alice.value());

    gdpr.erasure().erase(alice);

    assertThat(findByEmailIndex(index)).isEmpty();
    assertThat(raw("select email_index from host_contact where id = 'contact-alice'")).isNull();
  }

  @Test
  @DisplayName("Art. 16: rectifying an encrypted e-mail through the kit encrypts it under the subject's key and moves"
      + " its blind index")
  void rectifiesAnEncryptedColumn() {
    gdpr.rectification().rectify(alice, "crm", "Contact#contact-alice", "Contact.email", "alice@new.example");

    assertThat(find(Contact.class, alice.value()).getEmail()).isEqualTo("alice@new.example");
    assertThat(raw("select email from host_contact where id = 'contact-alice'"))
        .startsWith("gkj1~default~contact-alice~");
    assertThat(findByEmailIndex(JpaEncryption.installed().blindIndex(Contact.class, "email", "Alice@New.Example")))
        .containsExactly(alice.value());
    assertThat(findByEmailIndex(JpaEncryption.installed().blindIndex(Contact.class, "email", "alice@example.com")))
        .isEmpty();
  }

  @Test
  @DisplayName("Art. 32(1)(a): changing a contact's other attributes writes its encrypted e-mail back unchanged")
  void writesAnUnchangedEncryptedValueBackAsItWas() {
    String before = raw("select email from host_contact where id = 'contact-dave'");

    tx.inTransaction(() -> {
      tx.entityManager().find(Contact.class, dave.value()).setPhone("+49 40 555");
      return null;
    });

    assertThat(raw("select phone from host_contact where id = 'contact-dave'")).isEqualTo("+49 40 555");
    assertThat(raw("select email from host_contact where id = 'contact-dave'")).isEqualTo(before);
  }

  @Test
  @DisplayName("Art. 32(1)(a): a changed e-mail is encrypted under its own subject's key, never another's")
  void encryptsAChangedValueUnderItsOwnSubject() {
    tx.inTransaction(() -> {
      Contact d = tx.entityManager().find(Contact.class, dave.value());
      Contact c = tx.entityManager().find(Contact.class, carol.value());
      d.setEmail(c.getEmail()); // the very String object carol's entity holds
      return null;
    });

    assertThat(raw("select email from host_contact where id = 'contact-dave'"))
        .startsWith("gkj1~default~contact-dave~");
    assertThat(find(Contact.class, dave.value()).getEmail()).isEqualTo("carol@example.com");
  }

  @Test
  @DisplayName("Art. 32(1)(a): a bulk update of an encrypted column outside a subject scope is refused, never stored"
      + " in plain text")
  void refusesAnEncryptedWriteWithoutSubject() {
    assertThatThrownBy(() -> tx.inTransaction(() -> tx.entityManager()
        .createQuery("update Contact c set c.email = :email where c.id = :id")
        .setParameter("email", "plain@example.com").setParameter("id", dave.value()).executeUpdate()))
        .satisfies(e -> assertThat(causes(e)).anyMatch(cause -> cause instanceof EncryptedColumnException
            && ((EncryptedColumnException) cause).reason() == EncryptedColumnException.Reason.NO_SUBJECT));

    assertThat(find(Contact.class, dave.value()).getEmail()).isEqualTo("dave@example.com");
  }

  private List<DataItem> export(SubjectId subject, ExportKind kind) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    gdpr.exports().write(subject, kind, ExportFormat.JSON, out);
    List<DataItem> items = new ArrayList<>();
    PortabilityReader.read(new ByteArrayInputStream(out.toByteArray()), items::add);
    return items.stream().filter(item -> item.provider().equals("crm")).toList();
  }

  private <T> T find(Class<T> type, Object id) {
    return tx.inTransaction(() -> tx.entityManager().find(type, id));
  }

  private long count(String jpql) {
    return tx.inTransaction(() -> tx.entityManager().createQuery(jpql, Long.class).getSingleResult());
  }

  private List<String> findByEmailIndex(List<String> index) {
    return tx.inTransaction(() -> tx.entityManager()
        .createQuery("select c.id from Contact c where c.emailIndex in :index", String.class)
        .setParameter("index", index).getResultList());
  }

  private String raw(String sql) {
    return tx.inTransaction(() -> {
      List<?> rows = tx.entityManager().createNativeQuery(sql).getResultList();
      return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).toString();
    });
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> all = new ArrayList<>();
    for (Throwable t = e; t != null && !all.contains(t); t = t.getCause()) {
      all.add(t);
    }
    return all;
  }
}

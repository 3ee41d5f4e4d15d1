package io.gdprkit.jpa.e2e;

import static io.gdprkit.jpa.e2e.Crm.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditPseudonyms;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.data.DataItem;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.decision.ProcessingNotPermittedException;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.RetainedField;
import io.gdprkit.export.ExportFormat;
import io.gdprkit.export.ExportKind;
import io.gdprkit.export.PortabilityReader;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.jpa.interceptor.PurposeScope;
import io.gdprkit.jpa.interceptor.SubjectRestrictedException;
import io.gdprkit.jpa.interceptor.SubjectRestrictedException.Change;
import io.gdprkit.jpa.provider.host.Company;
import io.gdprkit.jpa.provider.host.Contact;
import io.gdprkit.jpa.provider.host.ContactNote;
import io.gdprkit.jpa.provider.host.CrmRepository;
import io.gdprkit.jpa.provider.host.CustomerOrder;
import io.gdprkit.jpa.provider.host.Invoice;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * End to end on a host's CRM (issue 11): the host's own entities and repository, every store a JPA store, the generic
 * provider and the persistence interceptor, on each database, on the system clock.
 *
 * <p>Alice works at Acme and has a recent order and an old one, an invoice for each (kept ten years under commercial
 * and tax law, from the invoice's date) and two notes. Bob is Alice's child contact, Carol is Bob's (two levels down
 * from Alice), Dave stands alone.
 */
@ParameterizedClass(name = "host CRM on {0}")
@EnumSource(TestDatabase.class)
class CrmEndToEndTests {

  static final Actor CLERK = Actor.staff("clerk-7");
  static final Actor DPO = Actor.staff("dpo");
  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  static final LocalDate RECENT = TODAY.minusYears(2);
  static final LocalDate OLD = TODAY.minusYears(12);

  @Parameter
  TestDatabase database;

  final SubjectId alice = SubjectId.of("contact-alice");
  final SubjectId bob = SubjectId.of("contact-bob");
  final SubjectId carol = SubjectId.of("contact-carol");
  final SubjectId dave = SubjectId.of("contact-dave");

  Crm crm;
  long recentOrder;
  long oldOrder;
  long bobsOrder;
  long recentInvoice;
  long oldInvoice;

  @BeforeEach
  void hostStoresItsCustomers() {
    crm = Crm.on(database);
    crm.transactions.useTransaction(() -> {
      CrmRepository repository = crm.repository();
      Company acme = new Company("Acme GmbH");
      repository.save(acme);
      Contact a = new Contact(alice.value(), "Alice Example", "alice@example.com", at(OLD))
          .phone("+49 30 1234567").birthDate(LocalDate.parse("1985-06-14")).company(acme);
      Contact b = new Contact(bob.value(), "Bob Example", "bob@example.com", at(RECENT)).parent(a).company(acme);
      Contact c = new Contact(carol.value(), "Carol Example", "carol@example.com", at(RECENT)).parent(b);
      Contact d = new Contact(dave.value(), "Dave Example", "dave@example.com", at(RECENT));
      List.of(a, b, c, d).forEach(repository::save);
      CustomerOrder recent = new CustomerOrder(a, at(RECENT), "Hauptstr. 1, 10115 Berlin", "203.0.113.7",
          987_654_321L, "alice@example.com", new BigDecimal("119.00"));
      CustomerOrder old = new CustomerOrder(a, at(OLD), "Altweg 2, 10115 Berlin", "2001:db8::7", 1_234L,
          "alice@example.com", new BigDecimal("59.50"));
      CustomerOrder bobs = new CustomerOrder(b, at(RECENT), "Nebenstr. 3, 80331 München", "198.51.100.4", null,
          "bob@example.com", new BigDecimal("20.00"));
      List.of(recent, old, bobs).forEach(repository::save);
      Invoice recentBill = new Invoice(recent, RECENT, "Alice Example", "Hauptstr. 1, 10115 Berlin",
          "alice@example.com", new BigDecimal("119.00"));
      Invoice oldBill = new Invoice(old, OLD, "Alice Example", "Altweg 2, 10115 Berlin", "alice@example.com",
          new BigDecimal("59.50"));
      List.of(recentBill, oldBill).forEach(repository::save);
      repository.addNote(alice.value(), "Asked for a discount", at(RECENT));
      repository.addNote(alice.value(), "Prefers phone calls", at(RECENT));
      crm.transactions.entityManager().flush();
      recentOrder = recent.getId();
      oldOrder = old.getId();
      bobsOrder = bobs.getId();
      recentInvoice = recentBill.getId();
      oldInvoice = oldBill.getId();
    });
  }

  @AfterEach
  void stop() {
    if (crm != null) {
      crm.close();
    }
  }

  @Test
  @DisplayName("Art. 17(1), 17(3)(b): erasing a contact anonymises its orders, keeps its invoices until their"
      + " retention ends, deletes its notes and cascades to its child contacts one level down")
  void erasesTheContactAcrossTheHostsModel() {
    ErasureReport report = crm.kit.erasure().erase(alice);

    Contact a = read(() -> crm.repository().contact(alice.value()));
    assertThat(a.getName()).isEqualTo("erased");
    assertThat(a.getEmail()).isNull();
    assertThat(a.getPhone()).isEqualTo("4567");
    assertThat(a.getBirthDate()).isEqualTo(LocalDate.parse("1985-01-01"));
    Map<Long, CustomerOrder> orders = byId(read(() -> crm.repository().orders(alice.value())), CustomerOrder::getId);
    assertThat(orders.get(recentOrder).getShippingAddress()).isNull();
    assertThat(orders.get(recentOrder).getCustomerIp()).isEqualTo("203.0.113.0");
    assertThat(orders.get(recentOrder).getLoyaltyNumber()).isEqualTo(4_321L);
    assertThat(orders.get(recentOrder).getConfirmationEmail()).startsWith("pseud:").doesNotContain("alice");
    assertThat(orders.get(recentOrder).getTotal()).isEqualByComparingTo("119.00");
    assertThat(orders.get(oldOrder).getCustomerIp()).isEqualTo("2001:db8:0:0:0:0:0:0");
    Map<Long, Invoice> invoices = byId(read(() -> crm.repository().invoices(alice.value())), Invoice::getId);
    assertThat(invoices.get(recentInvoice).getBillingName()).isEqualTo("Alice Example");
    assertThat(invoices.get(recentInvoice).getBillingAddress()).isEqualTo("Hauptstr. 1, 10115 Berlin");
    assertThat(invoices.get(recentInvoice).getPayerEmail()).isNull();
    assertThat(invoices.get(oldInvoice).getBillingName()).isNull();
    assertThat(invoices.get(oldInvoice).getBillingAddress()).isNull();
    assertThat(invoices.get(oldInvoice).getAmount()).isEqualByComparingTo("59.50");
    assertThat(read(() -> crm.repository().notes(alice.value()))).isEmpty();
    Instant keptUntil = at(RECENT.plusYears(10));
    assertThat(report.providers().get(0).retained())
        .extracting(RetainedField::field, RetainedField::reason, RetainedField::until).containsExactlyInAnyOrder(
            tuple("Invoice.billingAddress", Invoice.OBLIGATION, keptUntil),
            tuple("Invoice.billingName", Invoice.OBLIGATION, keptUntil));
    assertThat(report.nextRelease()).isEqualTo(keptUntil);
    assertThat(crm.kit.erasure().releaseHeld(10)).isEmpty(); // not before the invoice's date

    assertThat(report.cascaded()).singleElement().satisfies(child -> // Bob: name and e-mail, his order's three
        assertThat(child.providers().get(0).fieldsAnonymised()).isEqualTo(2 + 3));
    assertThat(read(() -> crm.repository().contact(bob.value())).getName()).isEqualTo("erased");
    assertThat(read(() -> crm.repository().orders(bob.value())).get(0).getShippingAddress()).isNull();
    assertThat(read(() -> crm.repository().contact(carol.value())).getEmail()).isEqualTo("carol@example.com");
    assertThat(read(() -> crm.repository().contact(dave.value())).getName()).isEqualTo("Dave Example");

    List<AuditRecord> trail = crm.auditTrail();
    assertThat(trail).filteredOn(r -> r.kind() == AuditKind.ERASED).extracting(AuditRecord::subjectPseudonym)
        .containsExactlyInAnyOrder(pseudonym(alice), pseudonym(bob));
    assertThat(counts(trail, alice, "erasure")).containsOnly(Map.entry("ACCESSED Contact", 1L), // its e-mail
        Map.entry("UPDATED Contact", 1L), Map.entry("UPDATED CustomerOrder", 2L),
        Map.entry("UPDATED Invoice", 2L), Map.entry("DELETED ContactNote", 2L));
    assertThat(counts(trail, bob, "erasure")).containsOnly(Map.entry("ACCESSED Contact", 1L),
        Map.entry("UPDATED Contact", 1L), Map.entry("UPDATED CustomerOrder", 1L));
    assertThat(counts(trail, carol, "erasure")).isEmpty();
    assertIntact();
  }

  @Test
  @DisplayName("Art. 15, 20: the export holds the contact, its orders, invoices and notes, and its reads are audited"
      + " as the subject's access")
  void exportsAllOfIt() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    crm.kit.exports().write(alice, ExportKind.ACCESS, ExportFormat.JSON, out);

    List<DataItem> items = new ArrayList<>();
    PortabilityReader.read(new ByteArrayInputStream(out.toByteArray()), items::add);
    List<DataItem> crmItems = items.stream().filter(item -> item.provider().equals("crm")).toList();
    assertThat(crmItems).extracting(DataItem::record).contains("Contact#" + alice.value(),
        "CustomerOrder#" + recentOrder, "CustomerOrder#" + oldOrder, "Invoice#" + recentInvoice,
        "Invoice#" + oldInvoice).doesNotContain("Contact#" + bob.value(), "CustomerOrder#" + bobsOrder)
        .filteredOn(record -> record.startsWith("ContactNote#")).hasSize(2);
    assertThat(crmItems).hasSize(4 + 2 * 4 + 2 * 3 + 2);
    assertThat(crmItems).filteredOn(item -> item.field().equals("Contact.email")).singleElement()
        .satisfies(item -> assertThat(item.value()).isEqualTo("alice@example.com"));
    assertThat(crmItems).filteredOn(item -> item.record().equals("Invoice#" + recentInvoice))
        .extracting(DataItem::field).containsExactlyInAnyOrder("Invoice.billingName", "Invoice.billingAddress",
            "Invoice.payerEmail");

    List<AuditRecord> trail = crm.auditTrail();
    assertThat(trail).filteredOn(r -> r.kind() == AuditKind.EXPORTED).extracting(AuditRecord::subjectPseudonym)
        .containsExactly(pseudonym(alice));
    assertThat(counts(trail, alice, "subject-access")).containsOnly(
        Map.entry("ACCESSED Contact", 1L), Map.entry("ACCESSED CustomerOrder", 2L),
        Map.entry("ACCESSED Invoice", 2L), Map.entry("ACCESSED ContactNote", 2L));
    assertIntact();
  }

  @Test
  @DisplayName("Art. 5(2), 30(1): the audit trail shows every read and write of the host's repository, with the"
      + " purpose in force, by pseudonym and without personal data")
  void auditsEveryReadAndWriteOfTheHostsRepository() {
    assertThat(counts(crm.auditTrail(), alice, "none")).containsOnly(
        Map.entry("CREATED Contact", 1L), Map.entry("CREATED CustomerOrder", 2L),
        Map.entry("CREATED Invoice", 2L), Map.entry("CREATED ContactNote", 2L));

    try (PurposeScope scope = PurposeScope.open(ORDERS, CLERK)) {
      crm.transactions.useTransaction(() -> {
        CrmRepository repository = crm.repository();
        repository.contact(alice.value());
        repository.invoices(alice.value()); // fetches the orders with them
        repository.notes(alice.value());
        repository.changeShippingAddress(alice.value(), "Neue Str. 5, 10115 Berlin");
        repository.addNote(alice.value(), "Moved", Instant.now());
        crm.transactions.entityManager().remove(repository.notes(alice.value()).get(0));
      });
    }

    List<AuditRecord> trail = crm.auditTrail();
    assertThat(counts(trail, alice, "purpose")).containsOnly(
        Map.entry("ACCESSED Contact", 1L), Map.entry("ACCESSED CustomerOrder", 2L),
        Map.entry("ACCESSED Invoice", 2L), Map.entry("ACCESSED ContactNote", 2L),
        Map.entry("UPDATED CustomerOrder", 2L), Map.entry("CREATED ContactNote", 1L),
        Map.entry("DELETED ContactNote", 1L));
    assertThat(trail).filteredOn(r -> "purpose".equals(r.details().get("scope")))
        .allSatisfy(r -> {
          assertThat(r.purpose()).isEqualTo(ORDERS);
          assertThat(r.actor()).isEqualTo(CLERK);
        });
    assertThat(trail).allSatisfy(entry -> assertThat(entry.toString())
        .doesNotContain(alice.value(), "Alice", "example.com", "Berlin", "discount", "Moved"));
    assertIntact();
  }

  @Test
  @DisplayName("Art. 18(2): while a contact is restricted, the host's repository cannot change, add to or remove its"
      + " data, nor read it for a purpose; the kit's rectification and erasure still pass")
  void restrictionStopsTheHostsRepository() {
    crm.kit.restrictions().restrict(alice, "accuracy contested (Art. 18(1)(a))", DPO);

    SubjectRestrictedException phone = refusedChange(() -> crm.repository().changePhone(alice.value(), "+49 30 0"));
    SubjectRestrictedException address = refusedChange(() ->
        crm.repository().changeShippingAddress(alice.value(), "Neue Str. 5"));
    SubjectRestrictedException note = refusedChange(() ->
        crm.repository().addNote(alice.value(), "Called again", Instant.now()));
    SubjectRestrictedException removal = refusedChange(() -> crm.repository().removeNotes(alice.value()));
    ProcessingNotPermittedException read = catchThrowableOfType(ProcessingNotPermittedException.class, () -> {
      try (PurposeScope scope = PurposeScope.open(ORDERS, CLERK)) {
        crm.transactions.useTransaction(() -> crm.repository().orders(alice.value()));
      }
    });

    assertThat(List.of(phone, address, note, removal)).extracting(SubjectRestrictedException::change,
        SubjectRestrictedException::entity).containsExactly(tuple(Change.UPDATE, "Contact"),
            tuple(Change.UPDATE, "CustomerOrder"), tuple(Change.CREATE, "ContactNote"),
            tuple(Change.DELETE, "ContactNote"));
    assertThat(phone.subject()).isEqualTo(alice);
    assertThat(read.decision().reason()).isEqualTo(DecisionReason.RESTRICTED);
    assertThat(read(() -> crm.repository().contact(alice.value())).getPhone()).isEqualTo("+49 30 1234567");
    assertThat(read(() -> crm.repository().orders(alice.value()))).extracting(CustomerOrder::getShippingAddress)
        .containsExactly("Hauptstr. 1, 10115 Berlin", "Altweg 2, 10115 Berlin");
    assertThat(read(() -> crm.repository().notes(alice.value()))).hasSize(2);
    crm.transactions.useTransaction(() -> crm.repository().changePhone(dave.value(), "+49 40 555"));
    assertThat(read(() -> crm.repository().contact(dave.value())).getPhone()).isEqualTo("+49 40 555");

    crm.kit.rectification().rectify(alice, "crm", "Contact#" + alice.value(), "Contact.phone", "+49 30 7654321");
    assertThat(read(() -> crm.repository().contact(alice.value())).getPhone()).isEqualTo("+49 30 7654321");
    crm.kit.erasure().erase(alice);
    assertThat(read(() -> crm.repository().contact(alice.value())).getName()).isEqualTo("erased");

    List<AuditRecord> trail = crm.auditTrail();
    assertThat(counts(trail, alice, "rectification")).containsOnly(Map.entry("UPDATED Contact", 1L));
    assertThat(counts(trail, alice, "erasure")).containsEntry("DELETED ContactNote", 2L);
    assertThat(counts(trail, alice, "purpose")).isEmpty(); // the refused read's transaction rolled back
    assertIntact();
  }

  /** Runs a change of the host's in a transaction of its own and returns the refusal it met. */
  private SubjectRestrictedException refusedChange(Runnable change) {
    SubjectRestrictedException refused = catchThrowableOfType(SubjectRestrictedException.class,
        () -> crm.transactions.useTransaction(change::run));
    assertThat(refused).as("the change is refused").isNotNull();
    return refused;
  }

  /** Reads in a transaction of its own, outside any purpose scope (audited as such). */
  private <T> T read(Supplier<T> work) {
    return crm.transactions.inTransaction(work::get);
  }

  /** Returns the interceptor's counts for a subject in a scope, by "KIND Entity", summed over entries. */
  private Map<String, Long> counts(List<AuditRecord> trail, SubjectId subject, String scope) {
    String pseudonym = pseudonym(subject);
    return trail.stream()
        .filter(r -> pseudonym.equals(r.subjectPseudonym()) && scope.equals(r.details().get("scope"))
            && r.details().containsKey("count"))
        .collect(Collectors.groupingBy(r -> r.kind() + " " + r.details().get("entity"),
            Collectors.summingLong(r -> Long.parseLong(r.details().get("count")))));
  }

  private void assertIntact() {
    crm.kit.audit().drainAll();
    assertThat(crm.kit.audit().verify(TenantId.DEFAULT).intact()).as("the audit chain verifies").isTrue();
    assertThat(crm.kit.audit().waiting(TenantId.DEFAULT)).isZero();
  }

  private String pseudonym(SubjectId subject) {
    return AuditPseudonyms.of(crm.kit.pseudonymKey(), subject);
  }

  private static Instant at(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static <T> Map<Long, T> byId(List<T> entities, java.util.function.Function<T, Long> id) {
    return entities.stream().collect(Collectors.toMap(id, e -> e));
  }
}

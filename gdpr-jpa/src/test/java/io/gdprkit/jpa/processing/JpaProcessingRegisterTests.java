package io.gdprkit.jpa.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gdprkit.GdprKit;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.jpa.interceptor.ExemptingProvider;
import io.gdprkit.jpa.provider.JpaPersonalDataProvider;
import io.gdprkit.jpa.provider.host.Invoice;
import io.gdprkit.processing.ErasureTimeLimit;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.RegisterFormat;
import io.gdprkit.processing.ThirdCountryTransfer;
import io.gdprkit.processing.TransferSafeguard;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.RecipientKind;
import io.gdprkit.recipient.Safeguard;
import io.gdprkit.retention.RetentionRule;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The records of processing derived from the host's annotated entities (the provider tests' host model: contacts,
 * orders, invoices kept ten years, notes), set against a declared register that is incomplete in every way the check
 * knows. Nothing here reads a row: the derivation reads the metamodel and the annotations only.
 */
class JpaProcessingRegisterTests {

  static final Actor DPO = Actor.staff("dpo");

  static final Purpose ORDERS = Purpose.of("orders", LegalBasis.CONTRACT, "Order fulfilment")
      .withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL);
  static final Purpose TAX = Purpose.of("tax", LegalBasis.LEGAL_OBLIGATION, "Keeping books for tax law")
      .withDataCategories(DataCategory.FINANCIAL).withRetention(Period.ofYears(10));
  static final Purpose NEWSLETTER = Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter")
      .withDataCategories(DataCategory.CONTACT_DETAILS).withRetention(Period.ofYears(2));
  static final Purpose LOCAL_ADS = Purpose.of("local-ads", LegalBasis.CONSENT, "Offers near the subject")
      .withDataCategories(DataCategory.LOCATION);

  /** Lists contact details only, though orders need financial data too. */
  static final ProcessingActivity FULFILMENT = ProcessingActivity.builder("order-fulfilment", "Order fulfilment")
      .purposes("orders").subjectCategories("Customers").dataCategories(DataCategory.CONTACT_DETAILS).build();
  /** Lists financial data, which invoices keep ten years, without a time limit for its erasure. */
  static final ProcessingActivity BOOKKEEPING = ProcessingActivity.builder("bookkeeping", "Bookkeeping")
      .purposes("tax").subjectCategories("Customers").dataCategories(DataCategory.FINANCIAL).build();
  /** States its own time limit, and lists a location that nothing stores. */
  static final ProcessingActivity MAILING = ProcessingActivity.builder("mailing", "Newsletter mailing")
      .purposes("newsletter").subjectCategories("Subscribers")
      .dataCategories(DataCategory.CONTACT_DETAILS, DataCategory.LOCATION)
      .erasureTimeLimit(ErasureTimeLimit.of("contact-details", "on unsubscribe")).build();

  JpaTransactions tx;
  JpaPersonalDataProvider provider;
  GdprKit gdpr;

  @BeforeEach
  void hostModel() {
    tx = TestDatabase.H2.transactions();
    provider = JpaPersonalDataProvider.builder(tx).id("crm").build();
    gdpr = kit(GdprKit.builder().personalData(provider));
  }

  GdprKit kit(GdprKit.Builder builder) {
    GdprKit kit = builder.purpose(ORDERS).purpose(TAX).purpose(NEWSLETTER).purpose(LOCAL_ADS)
        .retention(RetentionRule.forPurpose("newsletter-lapse", "newsletter", Duration.ofDays(730),
            RetentionRule.Action.ERASE))
        .build();
    List.of(FULFILMENT, BOOKKEEPING, MAILING).forEach(activity -> kit.processingRecords().save(activity, DPO));
    kit.recipients().register(Recipient.of("mailer", RecipientKind.PROCESSOR, "Mail Co", "dpo@mail.example",
        CountryCode.of("US")).withSafeguard(Safeguard.STANDARD_CONTRACTUAL_CLAUSES, "SCC module 2"), DPO);
    kit.recipients().register(Recipient.of("printer", RecipientKind.PROCESSOR, "Print GmbH", "dpo@print.example",
        CountryCode.of("DE")), DPO);
    return kit;
  }

  @Nested
  @DisplayName("what is stored")
  class Stores {

    @Test
    @DisplayName("Art. 30(1)(c): each annotated entity is a store with its fields, categories, encryption and the"
        + " purposes that need them; an entity without personal data is none")
    void derivesWhatEachEntityStores() {
      List<StoredData> stores = JpaProcessingRegister.derive(gdpr).stores();

      assertThat(stores).extracting(StoredData::provider, StoredData::store).containsExactly(
          tuple("crm", "Contact"), tuple("crm", "ContactNote"), tuple("crm", "CustomerOrder"), tuple("crm", "Invoice"));
      StoredData contact = stores.get(0);
      assertThat(contact.categories()).containsExactly(DataCategory.CONTACT_DETAILS);
      assertThat(contact.encrypted()).containsExactly("Contact.email");
      assertThat(contact.purposes()).containsExactly("orders", "newsletter");
      StoredData invoice = stores.get(3);
      assertThat(invoice.fields()).filteredOn(field -> field.name().equals("Invoice.billingName")).singleElement()
          .extracting(FieldDescriptor::erasure)
          .isEqualTo(ErasureStrategy.retain(Invoice.OBLIGATION, Period.ofYears(10)));
      assertThat(invoice.purposes()).containsExactly("orders", "tax", "newsletter");
      assertThat(stores.get(1).purposes()).isEmpty();
    }

    @Test
    @DisplayName("Art. 30(1)(c): the generic provider counts per entity inside an ExemptingProvider too, and any other"
        + " provider counts as one store")
    void readsEveryProviderOfTheKit() {
      InMemoryPersonalDataProvider visits = new InMemoryPersonalDataProvider(ProviderDescriptor.of("visits",
          "Store visits", List.of(FieldDescriptor.of("lastStore", DataCategory.LOCATION, ErasureStrategy.setNull()))));
      GdprKit kit = kit(GdprKit.builder().personalData(ExemptingProvider.wrap(provider)).personalData(visits));

      JpaProcessingRegister register = JpaProcessingRegister.derive(kit);

      assertThat(register.stores()).extracting(StoredData::store)
          .containsExactly("Contact", "ContactNote", "CustomerOrder", "Invoice", "visits");
      assertThat(register.stores().get(4).purposes()).containsExactly("local-ads");
      assertThat(register.drift().unstoredCategories()).isEmpty();
      assertThat(register.minimisation().unstoredCategories()).isEmpty();
    }
  }

  @Nested
  @DisplayName("the merged register")
  class Merged {

    @Test
    @DisplayName("Art. 30(1)(c): an activity gains the stored categories its purposes need, after its own")
    void completesTheCategoriesOfAnActivity() {
      List<ProcessingActivity> merged = JpaProcessingRegister.derive(gdpr).merged();

      assertThat(merged).extracting(ProcessingActivity::id).containsExactly("bookkeeping", "mailing",
          "order-fulfilment");
      assertThat(merged.get(2).dataCategories()).containsExactly(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL);
      assertThat(merged.get(1).dataCategories()).containsExactly(DataCategory.CONTACT_DETAILS, DataCategory.LOCATION);
      assertThat(merged.get(2)).usingRecursiveComparison().ignoringFields("dataCategories", "erasureTimeLimits")
          .isEqualTo(FULFILMENT);
    }

    @Test
    @DisplayName("Art. 30(1)(f): a category kept under a legal obligation gets the code's time limit, naming the law,"
        + " the period and the fields")
    void derivesTheTimeLimitOfARetention() {
      ProcessingActivity bookkeeping = JpaProcessingRegister.derive(gdpr).merged().get(0);

      assertThat(bookkeeping.erasureTimeLimits()).singleElement().satisfies(limit -> {
        assertThat(limit.category()).isEqualTo("financial");
        assertThat(limit.limit()).startsWith(JpaProcessingRegister.DERIVED).contains("kept 10 years after the record's"
            + " date under HGB §257, AO §147 (Invoice.billingAddress, Invoice.billingName); stored 10 years for"
            + " purpose tax");
      });
    }

    @Test
    @DisplayName("Art. 30(1)(f): retention rules and purposes' storage periods are time limits too, but an activity's"
        + " own words for a category stay")
    void keepsTheActivitysOwnTimeLimits() {
      gdpr.processingRecords().save(ProcessingActivity.builder("mailing-bare", "Mailing").purposes("newsletter")
          .subjectCategories("Subscribers").dataCategories(DataCategory.CONTACT_DETAILS).build(), DPO);

      List<ProcessingActivity> merged = JpaProcessingRegister.derive(gdpr).merged();

      assertThat(merged.get(1).erasureTimeLimits()).containsExactly(ErasureTimeLimit.of("contact-details",
          "on unsubscribe"));
      assertThat(merged.get(2).erasureTimeLimits()).singleElement().extracting(ErasureTimeLimit::limit)
          .isEqualTo(JpaProcessingRegister.DERIVED + "erased 730 days after the subject's last activity (retention rule"
              + " newsletter-lapse); stored 2 years for purpose newsletter");
    }

    @Test
    @DisplayName("Art. 30(1)(f): a time limit derived earlier is replaced when the code changed; drift reports it")
    void replacesAnOutdatedDerivedTimeLimit() {
      gdpr.processingRecords().save(BOOKKEEPING.toBuilder().erasureTimeLimit(ErasureTimeLimit.of("financial",
          JpaProcessingRegister.DERIVED + "kept 6 years after the record's date under HGB §257")).build(), DPO);

      JpaProcessingRegister register = JpaProcessingRegister.derive(gdpr);

      assertThat(register.drift().missingTimeLimits()).contains(new RegisterDrift.ActivityCategory("bookkeeping",
          "financial"));
      assertThat(register.merged().get(0).erasureTimeLimits()).singleElement().extracting(ErasureTimeLimit::limit)
          .asString().contains("10 years").doesNotContain("6 years");
    }

    @Test
    @DisplayName("Art. 30(1), (3): update saves the merged activities once, the register's export shows them, and the"
        + " drift they closed is gone")
    void updatesTheDeclaredRegister() {
      List<String> saved = JpaProcessingRegister.derive(gdpr).update(DPO);

      assertThat(saved).containsExactly("bookkeeping", "order-fulfilment");
      assertThat(gdpr.processingRecords().find("order-fulfilment").orElseThrow().dataCategories())
          .contains(DataCategory.FINANCIAL);
      JpaProcessingRegister again = JpaProcessingRegister.derive(gdpr);
      assertThat(again.update(DPO)).isEmpty();
      assertThat(again.drift().missingCategories()).isEmpty();
      assertThat(again.drift().missingTimeLimits()).isEmpty();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      gdpr.processingRecords().export(RegisterFormat.JSON, out);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("HGB §257, AO §147 (Invoice.billingAddress");
    }

    @Test
    @DisplayName("Art. 30(1): each tenant's register is derived and updated on its own")
    void derivesOneTenantsRegister() {
      TenantId acme = TenantId.of("acme");
      gdpr.processingRecords().forTenant(acme).save(FULFILMENT, DPO);

      JpaProcessingRegister register = JpaProcessingRegister.derive(gdpr, acme);
      register.update(DPO);

      assertThat(register.tenant()).isEqualTo(acme);
      assertThat(register.merged()).extracting(ProcessingActivity::id).containsExactly("order-fulfilment");
      assertThat(register.drift().undeclaredTransfers()).isEmpty();
      assertThat(gdpr.processingRecords().find("order-fulfilment").orElseThrow().dataCategories())
          .containsExactly(DataCategory.CONTACT_DETAILS);
      assertThat(gdpr.processingRecords().forTenant(acme).find("order-fulfilment").orElseThrow().dataCategories())
          .containsExactly(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL);
    }
  }

  @Nested
  @DisplayName("drift")
  class Drift {

    @Test
    @DisplayName("Art. 30(1)(c), (e), (f): every way the declared register and the code disagree is reported")
    void reportsEveryDrift() {
      RegisterDrift drift = JpaProcessingRegister.derive(gdpr).drift();

      assertThat(drift.isEmpty()).isFalse();
      assertThat(drift.unlistedCategories()).extracting(u -> u.category().id(), RegisterDrift.UnlistedCategory::stores)
          .containsExactly(tuple("behavioural", List.of("ContactNote")),
              tuple("online-identifiers", List.of("CustomerOrder")));
      assertThat(drift.missingCategories()).containsExactly(new RegisterDrift.ActivityCategory("order-fulfilment",
          "financial"));
      assertThat(drift.unstoredCategories()).containsExactly(new RegisterDrift.ActivityCategory("mailing",
          "location"));
      assertThat(drift.missingTimeLimits()).containsExactly(new RegisterDrift.ActivityCategory("bookkeeping",
          "financial"));
      assertThat(drift.undeclaredTransfers()).containsExactly(new RegisterDrift.UndeclaredTransfer("mailer",
          CountryCode.of("US")));
    }

    @Test
    @DisplayName("Art. 30(1)(e): a transfer declared to the recipient's country, or a retired recipient, is no drift")
    void acceptsADeclaredTransfer() {
      gdpr.processingRecords().save(MAILING.toBuilder().transfer(ThirdCountryTransfer.of("us", "Mail Co",
          TransferSafeguard.STANDARD_CONTRACTUAL_CLAUSES)).build(), DPO);
      gdpr.recipients().register(Recipient.of("old-crm", RecipientKind.PROCESSOR, "Old CRM Inc", "dpo@old.example",
          CountryCode.of("IN")), DPO);
      gdpr.recipients().retire("old-crm", "contract ended", DPO);

      assertThat(JpaProcessingRegister.derive(gdpr).drift().undeclaredTransfers()).isEmpty();
    }

    @Test
    @DisplayName("Art. 30(1): a register that lists what the code stores, with its time limits and transfers, has no"
        + " drift")
    void findsNoDriftInACompleteRegister() {
      gdpr.processingRecords().save(ProcessingActivity.builder("crm-notes", "Sales notes").purposes("orders")
          .subjectCategories("Customers").dataCategories(DataCategory.BEHAVIOURAL, DataCategory.ONLINE_IDENTIFIERS)
          .build(), DPO);
      gdpr.processingRecords().save(new ProcessingActivity(MAILING.id(), MAILING.name(), MAILING.purposes(),
          MAILING.subjectCategories(), List.of(DataCategory.CONTACT_DETAILS), MAILING.recipientCategories(),
          List.of(ThirdCountryTransfer.of("US", "Mail Co", TransferSafeguard.STANDARD_CONTRACTUAL_CLAUSES)),
          MAILING.erasureTimeLimits(), null), DPO);
      JpaProcessingRegister.derive(gdpr).update(DPO);

      assertThat(JpaProcessingRegister.derive(gdpr).drift()).satisfies(drift -> assertThat(drift.isEmpty())
          .as(drift.toString()).isTrue());
    }
  }

  @Nested
  @DisplayName("minimisation")
  class Minimisation {

    @Test
    @DisplayName("Art. 5(1)(c), 25: stored categories no purpose needs, and needed ones nothing stores, are reported")
    void reportsUnneededAndUnstoredCategories() {
      MinimisationReport report = JpaProcessingRegister.derive(gdpr).minimisation();

      assertThat(report.isMinimal()).isFalse();
      assertThat(report.unneededCategories()).extracting(u -> u.category().id(),
          MinimisationReport.UnneededCategory::stores, MinimisationReport.UnneededCategory::fields).containsExactly(
          tuple("behavioural", List.of("ContactNote"), List.of("ContactNote.text")),
          tuple("online-identifiers", List.of("CustomerOrder"), List.of("CustomerOrder.customerIp")));
      assertThat(report.unstoredCategories()).containsExactly(new MinimisationReport.UnstoredCategory("local-ads",
          DataCategory.LOCATION));
    }

    @Test
    @DisplayName("Art. 5(1)(c), 25: purposes that need exactly what is stored make a minimal report")
    void findsAMinimalModel() {
      GdprKit kit = GdprKit.builder().personalData(provider)
          .purpose(ORDERS.withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL,
              DataCategory.ONLINE_IDENTIFIERS))
          .purpose(Purpose.of("service", LegalBasis.LEGITIMATE_INTERESTS, "Customer service")
              .withDataCategories(DataCategory.BEHAVIOURAL))
          .build();

      MinimisationReport report = JpaProcessingRegister.derive(kit).minimisation();

      assertThat(report.isMinimal()).isTrue();
      assertThat(report.unneededCategories()).isEmpty();
    }

    @Test
    @DisplayName("Art. 5(1)(c), 30(3): the report is written as JSON naming categories, stores and fields")
    void writesTheReportAsJson() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      JpaProcessingRegister.derive(gdpr).minimisation().writeJson(out);

      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"report\":\"data-minimisation\","
          + "\"articles\":[\"GDPR Art. 5(1)(c)\",\"GDPR Art. 25(1)\",\"GDPR Art. 25(2)\"],\"minimal\":false,"
          + "\"unneededCategories\":[{\"category\":{\"id\":\"behavioural\",\"description\":\"Visits, opens, clicks and"
          + " scores derived from them\",\"sensitivity\":\"SENSITIVE\"},\"stores\":[\"ContactNote\"],"
          + "\"fields\":[\"ContactNote.text\"]},{\"category\":{\"id\":\"online-identifiers\",\"description\":"
          + "\"IP addresses, cookie and device identifiers\",\"sensitivity\":\"NORMAL\"},\"stores\":"
          + "[\"CustomerOrder\"],\"fields\":[\"CustomerOrder.customerIp\"]}],\"unstoredCategories\":[{\"purpose\":"
          + "\"local-ads\",\"category\":{\"id\":\"location\",\"description\":\"Precise geographic location\","
          + "\"sensitivity\":\"SENSITIVE\"}}]}");
    }

    @Test
    @DisplayName("Art. 30(3): the derived facts are written as one JSON document with stores, activities, drift and"
        + " minimisation, and no replacement value")
    void writesTheDerivedRegisterAsJson() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      JpaProcessingRegister.derive(gdpr).writeJson(out);

      String json = out.toString(StandardCharsets.UTF_8);
      assertThat(json).startsWith("{\"register\":\"derived-from-code\",\"article\":\"GDPR Art. 30(1)\","
          + "\"tenant\":\"default\",\"stores\":[{\"provider\":\"crm\",\"store\":\"Contact\",\"purposes\":"
          + "[\"orders\",\"newsletter\"],\"fields\":[{\"name\":\"Contact.birthDate\",\"category\":\"contact-details\","
          + "\"erasure\":{\"strategy\":\"keep-year\"},\"encrypted\":false,\"providedBySubject\":true}");
      assertThat(json).contains("{\"name\":\"Invoice.billingName\",\"category\":\"financial\",\"erasure\":"
          + "{\"strategy\":\"retain\",\"obligation\":\"HGB §257, AO §147\",\"period\":\"P10Y\"}");
      assertThat(json).contains("\"activities\":[{\"id\":\"bookkeeping\",\"dataCategories\":[\"financial\"],"
          + "\"erasureTimeLimits\":[{\"category\":\"financial\",\"limit\":\"Derived from the code: kept 10 years");
      assertThat(json).contains("\"drift\":{\"empty\":false,").contains("\"minimisation\":{\"report\":")
          .contains("\"undeclaredTransfers\":[{\"recipient\":\"mailer\",\"country\":\"US\"}]")
          .doesNotContain("\"erased\"");
    }
  }
}

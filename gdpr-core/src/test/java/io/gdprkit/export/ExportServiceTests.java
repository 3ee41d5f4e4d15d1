package io.gdprkit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.data.DataItem;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.internal.Hashing;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.SpecialCategoryCondition;
import io.gdprkit.purpose.Sensitivity;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.SubjectId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class ExportServiceTests {

  static final String NICKNAME = "Ali, \"the\" great\r\nline two ✓ 😀 Zoë";

  static final ProviderDescriptor CONTACTS = ProviderDescriptor.of("contacts", "CRM contacts", List.of(
      FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.keyedHash()).providedBySubject(),
      FieldDescriptor.of("nickname", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()).providedBySubject(),
      FieldDescriptor.of("last-ip", DataCategory.ONLINE_IDENTIFIERS, ErasureStrategy.maskIp()),
      FieldDescriptor.of("interests", DataCategory.BEHAVIOURAL, ErasureStrategy.setNull()).providedBySubject()));

  static final ProviderDescriptor INVOICES = ProviderDescriptor.of("invoices", "Invoices", List.of(
      FieldDescriptor.of("vat-number", DataCategory.FINANCIAL,
          ErasureStrategy.retain("tax law (AO §147)", Period.ofYears(10))).providedBySubject(),
      FieldDescriptor.of("total", DataCategory.FINANCIAL,
          ErasureStrategy.retain("tax law (AO §147)", Period.ofYears(10)))));

  /** Reads decimals as written, so that 119.00 stays 119.00. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");
  private final Instant created = Instant.parse("2026-01-02T03:04:05Z");
  private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(CONTACTS);
  private final InMemoryPersonalDataProvider invoices = new InMemoryPersonalDataProvider(INVOICES);
  private final GdprKit gdpr = GdprKit.builder()
      .clock(clock)
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter")
          .withDataCategories(DataCategory.CONTACT_DETAILS))
      .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(DataCategory.FINANCIAL))
      .purpose(Purpose.of("lead-scoring", LegalBasis.LEGITIMATE_INTERESTS, "Lead scoring")
          .withDataCategories(DataCategory.BEHAVIOURAL, DataCategory.ONLINE_IDENTIFIERS))
      .purpose(Purpose.of("research", LegalBasis.CONSENT, "Health research").withDataCategories(DataCategory.HEALTH)
          .withSpecialCategoryCondition(SpecialCategoryCondition.EXPLICIT_CONSENT))
      .purpose(Purpose.of("events", LegalBasis.CONSENT, "Event invitations"))
      .personalData(contacts)
      .personalData(invoices)
      .build();

  private void givenAliceHasDataConsentsAndSources() {
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("email", "alice@example.com");
    contact.put("nickname", NICKNAME);
    contact.put("last-ip", "203.0.113.7");
    contact.put("interests", "sailing");
    contacts.put(alice, "c-42", contact, created);
    invoices.put(alice, "inv-1", Map.of("vat-number", "DE123456789", "total", new BigDecimal("119.00")), created);
    gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("signup-form", "v3").ip("203.0.113.7")
        .userAgent("Mozilla/5.0").noticeText("We send a monthly newsletter.").locale(Locale.GERMANY).build());
    clock.advance(Duration.ofMinutes(1));
    gdpr.consents().grant(alice, "events", ConsentProof.api("crm-sync").build());
    clock.advance(Duration.ofMinutes(1));
    gdpr.consents().withdraw(alice, "events");
    gdpr.sources().tag(alice, Origin.thirdParty("Acme Leads Ltd"));
    clock.advance(Duration.ofMinutes(1));
  }

  private byte[] export(ExportKind kind, ExportFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    gdpr.exports().write(alice, kind, format, out);
    return out.toByteArray();
  }

  private static JsonNode tree(byte[] json) {
    return JSON.readTree(json);
  }

  private static List<String> strings(JsonNode array, String property) {
    List<String> values = new ArrayList<>();
    array.values().forEach(node -> values.add(node.get(property).asString()));
    return values;
  }

  @Nested
  class AccessJson {

    @Test
    void writesTheMetadataFromTheKitClock() {
      givenAliceHasDataConsentsAndSources();

      JsonNode metadata = tree(export(ExportKind.ACCESS, ExportFormat.JSON)).get("metadata");

      assertThat(metadata.get("formatVersion").intValue()).isEqualTo(1);
      assertThat(metadata.get("kind").asString()).isEqualTo("ACCESS");
      assertThat(metadata.get("article").asString()).isEqualTo("GDPR Art. 15");
      assertThat(metadata.get("subject").get("tenant").asString()).isEqualTo("default");
      assertThat(metadata.get("subject").get("id").asString()).isEqualTo("contact-42");
      assertThat(metadata.get("generatedAt").asString()).isEqualTo(clock.instant().toString());
    }

    @Test
    void writesEveryProvidersItemsWithTheirAttributes() {
      givenAliceHasDataConsentsAndSources();

      JsonNode providers = tree(export(ExportKind.ACCESS, ExportFormat.JSON)).get("providers");

      assertThat(strings(providers, "id")).containsExactly("contacts", "invoices");
      JsonNode contactsNode = providers.get(0);
      assertThat(contactsNode.get("description").asString()).isEqualTo("CRM contacts");
      assertThat(strings(contactsNode.get("categories"), "id"))
          .containsExactly("contact-details", "online-identifiers", "behavioural");
      assertThat(strings(contactsNode.get("items"), "field")).containsExactly("email", "nickname", "last-ip", "interests");
      JsonNode email = contactsNode.get("items").get(0);
      assertThat(email.get("record").asString()).isEqualTo("c-42");
      assertThat(email.get("category").asString()).isEqualTo("contact-details");
      assertThat(email.get("value").asString()).isEqualTo("alice@example.com");
      assertThat(email.get("providedBySubject").booleanValue()).isTrue();
      assertThat(email.get("collectedAt").asString()).isEqualTo("2026-01-02T03:04:05Z");
      assertThat(contactsNode.get("items").get(1).get("value").asString()).isEqualTo(NICKNAME);
      assertThat(contactsNode.get("items").get(2).get("providedBySubject").booleanValue()).isFalse();
      JsonNode total = providers.get(1).get("items").get(1);
      assertThat(total.get("value").decimalValue()).isEqualTo(new BigDecimal("119.00"));
      assertThat(total.get("valueType").asString()).isEqualTo("big-decimal");
    }

    @Test
    void listsThePurposesWhoseCategoriesItSawOrThatTheSubjectConsentedTo() {
      givenAliceHasDataConsentsAndSources();

      JsonNode purposes = tree(export(ExportKind.ACCESS, ExportFormat.JSON)).get("purposes");

      assertThat(strings(purposes, "id")).containsExactly("newsletter", "billing", "lead-scoring", "events");
      JsonNode newsletter = purposes.get(0);
      assertThat(newsletter.get("description").asString()).isEqualTo("Monthly newsletter");
      assertThat(newsletter.get("legalBasis").get("basis").asString()).isEqualTo("CONSENT");
      assertThat(newsletter.get("legalBasis").get("article").asString()).isEqualTo("GDPR Art. 6(1)(a)");
      assertThat(newsletter.get("legalBasis").get("dpvIri").asString()).isEqualTo("https://w3id.org/dpv#Consent");
      assertThat(newsletter.get("legalBasis").get("gdprIri").asString())
          .isEqualTo("https://w3id.org/dpv/legal/eu/gdpr#A6-1-a");
      assertThat(newsletter.get("dpvIri").asString()).isEqualTo("https://w3id.org/dpv#Purpose");
      assertThat(newsletter.get("dataCategories").get(0).asString()).isEqualTo("contact-details");
      assertThat(purposes.get(1).get("legalBasis").get("article").asString()).isEqualTo("GDPR Art. 6(1)(b)");
    }

    @Test
    void writesTheWholeConsentHistoryWithProofs() {
      givenAliceHasDataConsentsAndSources();

      JsonNode consents = tree(export(ExportKind.ACCESS, ExportFormat.JSON)).get("consents");

      assertThat(consents.size()).isEqualTo(3);
      assertThat(strings(consents, "type")).containsExactly("GRANTED", "GRANTED", "WITHDRAWN");
      assertThat(strings(consents, "purpose")).containsExactly("newsletter", "events", "events");
      JsonNode grant = consents.get(0);
      assertThat(grant.get("id").asString()).isEqualTo(gdpr.consents().history(alice).get(0).id().toString());
      assertThat(grant.get("sequence").intValue()).isEqualTo(1);
      assertThat(grant.get("occurredAt").asString()).isEqualTo("2026-11-23T10:00:00Z");
      assertThat(grant.get("noticeVersion").asString()).isEqualTo("1");
      JsonNode proof = grant.get("proof");
      assertThat(proof.get("channel").asString()).isEqualTo("WEB_FORM");
      assertThat(proof.get("formId").asString()).isEqualTo("signup-form");
      assertThat(proof.get("formVersion").asString()).isEqualTo("v3");
      assertThat(proof.get("noticeSha256").asString()).isEqualTo(Hashing.sha256Hex("We send a monthly newsletter."));
      assertThat(proof.get("locale").asString()).isEqualTo("de-DE");
      assertThat(proof.get("ip").get("value").asString()).isEqualTo("203.0.113.0");
      assertThat(proof.get("ip").get("policy").asString()).isEqualTo("TRUNCATE");
      assertThat(proof.get("userAgent").asString()).isEqualTo("Mozilla/5.0");
      assertThat(proof.get("recordedBy").get("type").asString()).isEqualTo("SUBJECT");
      assertThat(proof.get("source").get("type").asString()).isEqualTo("FORM");
      assertThat(consents.get(1).get("proof").get("ip").isNull()).isTrue();
    }

    @Test
    void writesSourcesRetentionAndRecipientsLast() {
      givenAliceHasDataConsentsAndSources();

      JsonNode document = tree(export(ExportKind.ACCESS, ExportFormat.JSON));

      assertThat(strings(document.get("sources"), "reference"))
          .containsExactly("signup-form", "crm-sync", "Acme Leads Ltd");
      assertThat(document.get("sources").get(2).get("type").asString()).isEqualTo("THIRD_PARTY");
      assertThat(document.get("sources").get(2).get("taggedAt").asString()).isEqualTo("2026-11-23T10:02:00Z");
      JsonNode retention = document.get("retention");
      assertThat(strings(retention, "field")).containsExactly("vat-number", "total");
      assertThat(retention.get(0).get("provider").asString()).isEqualTo("invoices");
      assertThat(retention.get(0).get("obligation").asString()).isEqualTo("tax law (AO §147)");
      assertThat(retention.get(0).get("period").asString()).isEqualTo("P10Y");
      assertThat(document.propertyNames())
          .containsExactly("metadata", "providers", "purposes", "consents", "sources", "retention", "recipients");
    }

    @Test
    void writesTheFullCategoryOnAnItemWhoseProviderDidNotDeclareIt() {
      DataCategory shoeSize = DataCategory.of("shoe-size", "Shoe size", Sensitivity.NORMAL);
      GdprKit kit = GdprKit.builder().personalData(provider("odd", (subject, sink) ->
          sink.accept(new DataItem(subject, "odd", "r-1", "size", shoeSize, 42, true, null)))).build();
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      kit.exports().write(alice, ExportFormat.JSON, out);

      JsonNode item = tree(out.toByteArray()).get("providers").get(0).get("items").get(0);
      assertThat(item.get("category").get("id").asString()).isEqualTo("shoe-size");
      assertThat(item.get("category").get("sensitivity").asString()).isEqualTo("NORMAL");
      assertThat(item.get("value").intValue()).isEqualTo(42);
      assertThat(item.get("collectedAt").isNull()).isTrue();
    }
  }

  @Nested
  class Csv {

    @Test
    void writesTheHeaderAndOneRowPerItemThenConsentAndSourceRows() {
      givenAliceHasDataConsentsAndSources();

      List<List<String>> rows = parseCsv(new String(export(ExportKind.ACCESS, ExportFormat.CSV), StandardCharsets.UTF_8));

      assertThat(rows.get(0)).containsExactly("provider", "record", "field", "category", "value",
          "provided_by_subject", "collected_at");
      assertThat(rows.get(1)).containsExactly("contacts", "c-42", "email", "contact-details", "alice@example.com",
          "true", "2026-01-02T03:04:05Z");
      assertThat(rows.subList(1, 7)).extracting(row -> row.get(0) + "/" + row.get(2)).containsExactly(
          "contacts/email", "contacts/nickname", "contacts/last-ip", "contacts/interests", "invoices/vat-number",
          "invoices/total");
      assertThat(rows.get(6).get(4)).isEqualTo("119.00");
      List<List<String>> ledger = rows.stream().filter(row -> row.get(0).equals("consent-ledger")).toList();
      String firstEvent = gdpr.consents().history(alice).get(0).id().toString();
      assertThat(ledger).filteredOn(row -> row.get(1).equals(firstEvent)).extracting(row -> row.get(2) + "=" + row.get(4))
          .contains("purpose=newsletter", "type=GRANTED", "sequence=1", "proof.channel=WEB_FORM",
              "proof.ip=203.0.113.0", "proof.ip_policy=TRUNCATE", "proof.locale=de-DE",
              "proof.recorded_by=SUBJECT", "proof.source=FORM:signup-form")
          .allSatisfy(field -> assertThat(field).doesNotStartWith("expires_at"));
      assertThat(ledger).allSatisfy(row -> {
        assertThat(row.get(3)).isEqualTo("consent");
        assertThat(row.get(5)).isEqualTo("false");
      });
      assertThat(rows.stream().filter(row -> row.get(0).equals("sources")).toList())
          .extracting(row -> row.get(1) + ":" + row.get(2) + "=" + row.get(4)).containsExactly(
              "tag-1:type=FORM", "tag-1:reference=signup-form", "tag-2:type=API_CLIENT", "tag-2:reference=crm-sync",
              "tag-3:type=THIRD_PARTY", "tag-3:reference=Acme Leads Ltd");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAndWritesUnicodeAsUtf8() {
      givenAliceHasDataConsentsAndSources();

      String csv = new String(export(ExportKind.ACCESS, ExportFormat.CSV), StandardCharsets.UTF_8);

      assertThat(csv).contains("\r\ncontacts,c-42,nickname,contact-details,"
          + "\"Ali, \"\"the\"\" great\r\nline two ✓ 😀 Zoë\",true,2026-01-02T03:04:05Z\r\n");
      assertThat(csv).contains(",Acme Leads Ltd,");
      assertThat(parseCsv(csv).get(2).get(4)).isEqualTo(NICKNAME);
    }

    @Test
    void keepsNullApartFromTheEmptyString() {
      GdprKit kit = GdprKit.builder().personalData(provider("notes", (subject, sink) -> {
        sink.accept(new DataItem(subject, "notes", "n-1", "note", DataCategory.CONTACT_DETAILS, null, true, null));
        sink.accept(new DataItem(subject, "notes", "n-1", "title", DataCategory.CONTACT_DETAILS, "", true, null));
        sink.accept(new DataItem(subject, "notes", "n-1", "flag", DataCategory.CONTACT_DETAILS, false, true, null));
      })).build();
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      kit.exports().write(alice, ExportFormat.CSV, out);

      String csv = out.toString(StandardCharsets.UTF_8);
      assertThat(csv.split("\r\n")).containsExactly(
          "provider,record,field,category,value,provided_by_subject,collected_at",
          "notes,n-1,note,contact-details,,true,",
          "notes,n-1,title,contact-details,\"\",true,",
          "notes,n-1,flag,contact-details,false,true,");
      assertThat(parseCsv(csv).get(1).get(4)).isNull();
      assertThat(parseCsv(csv).get(2).get(4)).isEmpty();
    }

    @Test
    void leavesConsentsAndSourcesOutOfAPortabilityCsv() {
      givenAliceHasDataConsentsAndSources();

      List<List<String>> rows = parseCsv(
          new String(export(ExportKind.PORTABILITY, ExportFormat.CSV), StandardCharsets.UTF_8));

      assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0) + "/" + row.get(2))
          .containsExactly("contacts/email", "contacts/nickname", "invoices/vat-number");
    }
  }

  @Nested
  class Portability {

    @Test
    void holdsOnlyProvidedItemsOfCategoriesProcessedOnConsentOrContract() {
      givenAliceHasDataConsentsAndSources();

      JsonNode document = tree(export(ExportKind.PORTABILITY, ExportFormat.JSON));

      assertThat(document.get("metadata").get("kind").asString()).isEqualTo("PORTABILITY");
      assertThat(document.get("metadata").get("article").asString()).isEqualTo("GDPR Art. 20");
      JsonNode providers = document.get("providers");
      assertThat(strings(providers.get(0).get("items"), "field")).containsExactly("email", "nickname");
      assertThat(strings(providers.get(0).get("categories"), "id")).containsExactly("contact-details");
      assertThat(strings(providers.get(1).get("items"), "field")).containsExactly("vat-number");
      assertThat(document.propertyNames()).containsExactly("metadata", "providers");
    }

    @Test
    void roundTripsThroughThePortabilityReader() {
      givenAliceHasDataConsentsAndSources();
      List<DataItem> expected = new ArrayList<>();
      contacts.export(alice, expected::add);
      invoices.export(alice, expected::add);
      expected.removeIf(item -> !List.of("email", "nickname", "vat-number").contains(item.field()));
      List<DataItem> read = new ArrayList<>();

      long count = PortabilityReader.read(new ByteArrayInputStream(export(ExportKind.PORTABILITY, ExportFormat.JSON)),
          read::add);

      assertThat(count).isEqualTo(3);
      assertThat(read).isEqualTo(expected);
    }

    @Test
    void bringsBackEveryValueTypeEqualAndOfTheSameClass() {
      List<Object> values = List.of("text", "", 7, Integer.MIN_VALUE, 7L, Long.MAX_VALUE, 2.5d, 3.0d, Double.NaN,
          Double.NEGATIVE_INFINITY, 1.1f, (short) 12, (byte) -3, BigInteger.TEN, new BigInteger("123456789012345678901234567890"),
          new BigDecimal("1E+3"), new BigDecimal("0.10"), true, false);
      List<DataItem> items = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        items.add(new DataItem(alice, "typed", "r-" + i, "value", DataCategory.CONTACT_DETAILS, values.get(i), true,
            Instant.parse("2026-01-02T03:04:05.123456789Z")));
      }
      items.add(new DataItem(alice, "typed", "r-null", "value", DataCategory.CONTACT_DETAILS, null, true, null));
      GdprKit kit = portableKit(provider("typed", (subject, sink) -> items.forEach(sink::accept)));
      List<DataItem> read = new ArrayList<>();

      PortabilityReader.read(new ByteArrayInputStream(exportWith(kit, ExportKind.PORTABILITY)), read::add);

      assertThat(read).isEqualTo(items);
      assertThat(read).extracting(item -> item.value() == null ? null : item.value().getClass())
          .isEqualTo(items.stream().map(item -> item.value() == null ? null : item.value().getClass()).toList());
    }

    @Test
    void bringsBackInstantsAndDatesAsIsoStrings() {
      Instant instant = Instant.parse("2026-03-04T05:06:07Z");
      LocalDate date = LocalDate.of(1990, 5, 17);
      GdprKit kit = portableKit(provider("dates", (subject, sink) -> {
        sink.accept(new DataItem(subject, "dates", "r-1", "signed-up", DataCategory.CONTACT_DETAILS, instant, true, null));
        sink.accept(new DataItem(subject, "dates", "r-1", "birthday", DataCategory.CONTACT_DETAILS, date, true, null));
      }));
      List<DataItem> read = new ArrayList<>();

      PortabilityReader.read(new ByteArrayInputStream(exportWith(kit, ExportKind.PORTABILITY)), read::add);

      assertThat(read).extracting(DataItem::value).containsExactly("2026-03-04T05:06:07Z", "1990-05-17");
    }

    @Test
    void readsTheItemsOfAnAccessExportToo() {
      givenAliceHasDataConsentsAndSources();
      List<DataItem> read = new ArrayList<>();

      long count = PortabilityReader.read(new ByteArrayInputStream(export(ExportKind.ACCESS, ExportFormat.JSON)),
          read::add);

      assertThat(count).isEqualTo(6);
      assertThat(read).extracting(DataItem::provider).containsExactly("contacts", "contacts", "contacts", "contacts",
          "invoices", "invoices");
      assertThat(read.get(3).category()).isEqualTo(DataCategory.BEHAVIOURAL);
    }

    private GdprKit portableKit(PersonalDataProvider provider) {
      return GdprKit.builder().clock(clock).personalData(provider)
          .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News").withDataCategories(DataCategory.CONTACT_DETAILS))
          .build();
    }

    private byte[] exportWith(GdprKit kit, ExportKind kind) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      kit.exports().write(alice, kind, ExportFormat.JSON, out);
      return out.toByteArray();
    }
  }

  @Nested
  class UnknownSubject {

    @Test
    void getsAValidJsonDocumentWithoutData() {
      JsonNode document = tree(export(ExportKind.ACCESS, ExportFormat.JSON));

      assertThat(document.get("metadata").get("subject").get("id").asString()).isEqualTo("contact-42");
      assertThat(strings(document.get("providers"), "id")).containsExactly("contacts", "invoices");
      assertThat(document.get("providers").get(0).get("items").isEmpty()).isTrue();
      assertThat(document.get("purposes").isEmpty()).isTrue();
      assertThat(document.get("consents").isEmpty()).isTrue();
      assertThat(document.get("sources").isEmpty()).isTrue();
      assertThat(document.get("retention").isEmpty()).isTrue();
    }

    @Test
    void getsACsvWithOnlyTheHeader() {
      String csv = new String(export(ExportKind.ACCESS, ExportFormat.CSV), StandardCharsets.UTF_8);

      assertThat(csv).isEqualTo("provider,record,field,category,value,provided_by_subject,collected_at\r\n");
    }

    @Test
    void getsAPortabilityDocumentThatReadsBackToNothing() {
      List<DataItem> read = new ArrayList<>();

      long count = PortabilityReader.read(new ByteArrayInputStream(export(ExportKind.PORTABILITY, ExportFormat.JSON)),
          read::add);

      assertThat(count).isZero();
      assertThat(read).isEmpty();
    }
  }

  @Nested
  class Failures {

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void reportsAFailingOutputWithoutPersonalData(ExportFormat format) {
      givenAliceHasDataConsentsAndSources();

      ExportFailedException e = catchThrowableOfType(ExportFailedException.class,
          () -> gdpr.exports().write(alice, format, new FailingOutputStream(0)));

      assertThat(e.getMessage()).contains("contact-42", "java.io.IOException")
          .doesNotContain("alice@example.com", "disk full", "203.0.113");
      assertThat(e.subject()).isEqualTo(alice);
      assertThat(e.provider()).isNull();
      assertThat(e.getCause()).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void blamesTheOutputNotTheProviderWhenWritingFailsMidProvider(ExportFormat format) {
      GdprKit kit = GdprKit.builder().personalData(new GeneratedItemsProvider("bulk", 10_000, "x")).build();

      ExportFailedException e = catchThrowableOfType(ExportFailedException.class,
          () -> kit.exports().write(alice, format, new FailingOutputStream(50_000)));

      assertThat(e.provider()).isNull();
      assertThat(e.getMessage()).contains("writing to the output threw java.io.IOException");
    }

    @Test
    void blamesTheOutputEvenWhenTheProviderSwallowsTheFailure() {
      GdprKit kit = GdprKit.builder().personalData(provider("swallowing", (subject, sink) -> {
        for (int i = 0; i < 10_000; i++) {
          try {
            sink.accept(new DataItem(subject, "swallowing", "r-" + i, "note", DataCategory.CONTACT_DETAILS, "x", true,
                null));
          } catch (RuntimeException ignored) {
            // a careless provider
          }
        }
      })).build();

      ExportFailedException e = catchThrowableOfType(ExportFailedException.class,
          () -> kit.exports().write(alice, ExportFormat.JSON, new FailingOutputStream(10_000)));

      assertThat(e.provider()).isNull();
      assertThat(e.getCause()).isInstanceOf(IOException.class);
    }

    @Test
    void namesTheProviderThatThrowsMidExport() {
      GdprKit kit = GdprKit.builder().personalData(contacts).personalData(provider("flaky", (subject, sink) -> {
        sink.accept(new DataItem(subject, "flaky", "r-1", "note", DataCategory.CONTACT_DETAILS, "alice@example.com",
            true, null));
        throw new IllegalStateException("lost connection while reading alice@example.com");
      })).build();

      ExportFailedException e = catchThrowableOfType(ExportFailedException.class,
          () -> kit.exports().write(alice, ExportFormat.JSON, new ByteArrayOutputStream()));

      assertThat(e.provider()).isEqualTo("flaky");
      assertThat(e.getMessage()).contains("contact-42", "'flaky'", "java.lang.IllegalStateException")
          .doesNotContain("alice@example.com", "lost connection");
    }

    @Test
    void neverCompletesATruncatedDocument() {
      GdprKit kit = GdprKit.builder().personalData(provider("flaky", (subject, sink) -> {
        throw new IllegalStateException("down");
      })).build();
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      assertThatThrownBy(() -> kit.exports().write(alice, ExportFormat.JSON, out))
          .isInstanceOf(ExportFailedException.class);

      assertThatThrownBy(() -> JSON.readTree(out.toByteArray())).isInstanceOf(tools.jackson.core.JacksonException.class);
    }

    @Test
    void refusesAnItemOfAnotherSubject() {
      SubjectId bob = SubjectId.of("contact-43");
      GdprKit kit = GdprKit.builder().personalData(provider("leaky", (subject, sink) ->
          sink.accept(new DataItem(bob, "leaky", "r-1", "note", DataCategory.CONTACT_DETAILS, "bob's secret", true,
              null)))).build();
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      ExportFailedException e = catchThrowableOfType(ExportFailedException.class,
          () -> kit.exports().write(alice, ExportFormat.JSON, out));

      assertThat(e.provider()).isEqualTo("leaky");
      assertThat(e.getMessage()).contains("another subject").doesNotContain("contact-43");
      assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("bob's secret");
    }
  }

  @Nested
  class Streams {

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void flushesButNeverClosesTheOutput(ExportFormat format) {
      givenAliceHasDataConsentsAndSources();
      RecordingOutputStream out = new RecordingOutputStream();

      gdpr.exports().write(alice, format, out);

      assertThat(out.flushed).isTrue();
      assertThat(out.closed).isFalse();
      assertThat(out.size()).isPositive();
    }

    @Test
    void rejectsNullArgumentsNamingThem() {
      OutputStream out = new ByteArrayOutputStream();

      assertThatThrownBy(() -> gdpr.exports().write(null, ExportFormat.JSON, out))
          .isInstanceOf(NullPointerException.class).hasMessageContaining("subject");
      assertThatThrownBy(() -> gdpr.exports().write(alice, null, out))
          .isInstanceOf(NullPointerException.class).hasMessageContaining("format");
      assertThatThrownBy(() -> gdpr.exports().write(alice, null, ExportFormat.JSON, out))
          .isInstanceOf(NullPointerException.class).hasMessageContaining("kind");
      assertThatThrownBy(() -> gdpr.exports().write(alice, ExportFormat.JSON, null))
          .isInstanceOf(NullPointerException.class).hasMessageContaining("out");
    }
  }

  /** A provider from a lambda; it holds nothing. */
  static PersonalDataProvider provider(String id, java.util.function.BiConsumer<SubjectId, DataSink> export) {
    return new PersonalDataProvider() {
      @Override
      public ProviderDescriptor describe() {
        return ProviderDescriptor.of(id, "Test provider " + id, List.of(
            FieldDescriptor.of("note", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()).providedBySubject()));
      }

      @Override
      public void export(SubjectId subject, DataSink sink) {
        export.accept(subject, sink);
      }

      @Override
      public void erase(SubjectId subject, ErasureContext context) {}
    };
  }

  /** Parses RFC 4180 text: an unquoted empty field is {@code null}, a quoted one the empty string. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',' || c == '\r') {
        row.add(field.length() == 0 && !wasQuoted ? null : field.toString());
        field.setLength(0);
        wasQuoted = false;
        if (c == '\r') {
          rows.add(row);
          row = new ArrayList<>();
          i++; // the LF
        }
      } else {
        field.append(c);
      }
      i++;
    }
    return rows;
  }

  /** Throws after {@code limit} bytes, with personal data in its message as a careless stream might. */
  static final class FailingOutputStream extends OutputStream {
    private final long limit;
    private long written;

    FailingOutputStream(long limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (written + len > limit) {
        throw new IOException("disk full while writing alice@example.com");
      }
      written += len;
    }
  }

  /** Remembers whether it was flushed or closed. */
  static final class RecordingOutputStream extends ByteArrayOutputStream {
    boolean flushed;
    boolean closed;

    @Override
    public void flush() {
      flushed = true;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}

package io.gdprkit.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.processing.spi.ProcessingRecordStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

class ProcessingRecordsTests {

  private static final Actor DPO = Actor.staff("dpo");

  private final TestClock clock = TestClock.at("2026-05-04T10:00:00Z");
  private final GdprKit gdpr = GdprKit.builder()
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter"))
      .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
      .purpose(Purpose.of("profiling", LegalBasis.CONSENT, "Lead scoring"))
      .clock(clock)
      .build();

  static ProcessingActivity mailing() {
    return ProcessingActivity.builder("newsletter-mailing", "Newsletter mailing")
        .purposes("newsletter")
        .subjectCategories("Subscribers")
        .dataCategories(DataCategory.CONTACT_DETAILS, DataCategory.BEHAVIOURAL)
        .recipientCategories("Mail delivery provider")
        .transfer(ThirdCountryTransfer.of("US", "Mail delivery provider",
            TransferSafeguard.STANDARD_CONTRACTUAL_CLAUSES).withDocumentation("SCC 2021/914, module 2"))
        .erasureTimeLimit(ErasureTimeLimit.of("contact-details", "on unsubscribe"))
        .securityMeasures("TLS in transit, AES-256 at rest")
        .build();
  }

  static ProcessingActivity invoicing() {
    return ProcessingActivity.builder("invoicing", "Invoicing, \"accounts\" | tax")
        .purposes("billing")
        .subjectCategories("Customers", "Customers' contacts")
        .dataCategories(DataCategory.FINANCIAL)
        .erasureTimeLimit(ErasureTimeLimit.of("financial", "10 years, tax law"))
        .build();
  }

  @Nested
  class Recording {

    @Test
    void savesFindsAndListsActivitiesInIdOrder() {
      boolean first = gdpr.processingRecords().save(mailing(), DPO);
      boolean second = gdpr.processingRecords().save(invoicing(), DPO);

      boolean again = gdpr.processingRecords().save(mailing().toBuilder().name("Mailing").build(), DPO);

      assertThat(first).isTrue();
      assertThat(second).isTrue();
      assertThat(again).isFalse();
      assertThat(gdpr.processingRecords().activities()).extracting(ProcessingActivity::id)
          .containsExactly("invoicing", "newsletter-mailing");
      assertThat(gdpr.processingRecords().find("newsletter-mailing")).get()
          .extracting(ProcessingActivity::name).isEqualTo("Mailing");
    }

    @Test
    void refusesAnActivityNamingAnUndeclaredPurposeAndStoresNothing() {
      ProcessingActivity typo = mailing().toBuilder().purposes("newsleter").build();

      assertThatThrownBy(() -> gdpr.processingRecords().save(typo, DPO))
          .isInstanceOf(UnknownPurposeException.class).hasMessageContaining("newsleter");

      assertThat(gdpr.processingRecords().activities()).isEmpty();
      assertThat(gdpr.audit().size(TenantId.DEFAULT)).isZero();
    }

    @Test
    void removesAnActivityAndRefusesAnUnknownId() {
      gdpr.processingRecords().save(mailing(), DPO);

      gdpr.processingRecords().remove("newsletter-mailing", DPO);

      assertThat(gdpr.processingRecords().find("newsletter-mailing")).isEmpty();
      assertThatThrownBy(() -> gdpr.processingRecords().remove("newsletter-mailing", DPO))
          .isInstanceOfSatisfying(UnknownActivityException.class,
              e -> assertThat(e.activity()).isEqualTo("newsletter-mailing"));
    }

    @Test
    void auditsEveryChangeByIdWithoutTheRecordsText() {
      gdpr.processingRecords().controller(ControllerDetails.of(Contact.of("Acme GmbH", "privacy@acme.example")), DPO);
      gdpr.processingRecords().save(mailing(), DPO);
      gdpr.processingRecords().save(mailing(), DPO);

      gdpr.processingRecords().remove("newsletter-mailing", DPO);

      List<AuditEntry> trail = gdpr.audit().entries(TenantId.DEFAULT, 0, 10);
      assertThat(trail).extracting(e -> e.record().kind()).containsOnly(AuditKind.REGISTER_CHANGED);
      assertThat(trail).extracting(e -> e.record().details().get("change"))
          .containsExactly("CONTROLLER_CHANGED", "ACTIVITY_CREATED", "ACTIVITY_UPDATED", "ACTIVITY_REMOVED");
      assertThat(trail).extracting(e -> e.record().actor()).containsOnly(DPO);
      assertThat(trail.get(1).record().details())
          .containsExactlyInAnyOrderEntriesOf(Map.of("register", "processing-activities",
              "change", "ACTIVITY_CREATED", "activity", "newsletter-mailing"));
      assertThat(trail.toString()).doesNotContain("acme.example", "Subscribers");
    }
  }

  @Nested
  class Validation {

    @Test
    void refusesSettingTheStoreTwiceOnTheBuilder() {
      GdprKit.Builder builder = GdprKit.builder().processingRecordStore(ProcessingRecordStore.inMemory());

      assertThatThrownBy(() -> builder.processingRecordStore(ProcessingRecordStore.inMemory()))
          .isInstanceOf(IllegalStateException.class).hasMessage("processingRecordStore was already set");
    }

    @Test
    void refusesBlankNamesEmptyRequiredListsAndRepeats() {
      assertThatThrownBy(() -> ProcessingActivity.builder("a", " ").purposes("newsletter")
          .subjectCategories("S").dataCategories(DataCategory.LOCATION).build())
          .isInstanceOf(InvalidInputException.class).hasMessage("activity name must not be blank");
      assertThatThrownBy(() -> ProcessingActivity.builder("a", "A").subjectCategories("S")
          .dataCategories(DataCategory.LOCATION).build())
          .isInstanceOf(InvalidInputException.class).hasMessage("purposes must not be empty");
      assertThatThrownBy(() -> ProcessingActivity.builder("a", "A").purposes("newsletter", "newsletter")
          .subjectCategories("S").dataCategories(DataCategory.LOCATION).build())
          .isInstanceOf(InvalidInputException.class).hasMessage("purposes must not repeat an entry");
      assertThatThrownBy(() -> ProcessingActivity.builder("a b", "A").build())
          .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("activity id");
      assertThatThrownBy(() -> Contact.of("DPO", ""))
          .isInstanceOf(InvalidInputException.class).hasMessage("contact details must not be blank");
    }

    @Test
    void requiresDocumentedSafeguardsForATransferOnCompellingLegitimateInterests() {
      assertThatThrownBy(() -> ThirdCountryTransfer.of("BR", "Agency",
          TransferSafeguard.COMPELLING_LEGITIMATE_INTERESTS))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("Art. 30(1)(e)");

      ThirdCountryTransfer documented = new ThirdCountryTransfer("BR", "Agency",
          TransferSafeguard.COMPELLING_LEGITIMATE_INTERESTS, "assessment 2026-07");

      assertThat(documented.documentation()).isEqualTo("assessment 2026-07");
    }
  }

  @Nested
  class Check {

    @Test
    void listsDeclaredPurposesWithoutActivityAndAMissingController() {
      gdpr.processingRecords().save(mailing(), DPO);

      RegisterCheck check = gdpr.processingRecords().check();

      assertThat(check.controllerNamed()).isFalse();
      assertThat(check.purposesWithoutActivity()).containsExactly("billing", "profiling");
      assertThat(check.undeclaredPurposes()).isEmpty();
      assertThat(check.isComplete()).isFalse();
    }

    @Test
    void listsActivitiesWhosePurposeIsNoLongerDeclared() {
      ProcessingRecordStore store = ProcessingRecordStore.inMemory();
      GdprKit before = GdprKit.builder().purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News"))
          .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices")).processingRecordStore(store).build();
      before.processingRecords().controller(ControllerDetails.of(Contact.of("Acme", "privacy@acme.example")), DPO);
      before.processingRecords().save(mailing(), DPO);
      before.processingRecords().save(invoicing(), DPO);
      GdprKit after = GdprKit.builder().purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
          .processingRecordStore(store).build();

      RegisterCheck check = after.processingRecords().check();

      assertThat(check.undeclaredPurposes())
          .containsExactly(new RegisterCheck.UndeclaredPurpose("newsletter-mailing", "newsletter"));
      assertThat(check.purposesWithoutActivity()).isEmpty();
      assertThat(before.processingRecords().check().isComplete()).isTrue();
    }
  }

  @Nested
  class ProcessorRecords {

    private final ProcessorActivity hosting = new ProcessorActivity("acme-hosting",
        Contact.of("Acme GmbH", "privacy@acme.example"), Contact.of("Acme EU Rep", "Dublin"),
        List.of("Hosting of CRM contacts", "Newsletter sending"),
        List.of(ThirdCountryTransfer.of("US", "Mail provider", TransferSafeguard.STANDARD_CONTRACTUAL_CLAUSES)),
        "ISO 27001 certified hosting");

    @Test
    void keepsTheRecordsAsProcessorApartFromTheControllersActivities() {
      gdpr.processingRecords().save(invoicing(), DPO);

      boolean created = gdpr.processingRecords().saveProcessorActivity(hosting, DPO);
      boolean again = gdpr.processingRecords().saveProcessorActivity(hosting, DPO);

      assertThat(created).isTrue();
      assertThat(again).isFalse();
      assertThat(gdpr.processingRecords().processorActivities()).containsExactly(hosting);
      assertThat(gdpr.processingRecords().activities()).extracting(ProcessingActivity::id).containsExactly("invoicing");
      assertThat(gdpr.audit().entries(TenantId.DEFAULT, 0, 10)).extracting(e -> e.record().details().get("change"))
          .containsExactly("ACTIVITY_CREATED", "PROCESSOR_ACTIVITY_CREATED", "PROCESSOR_ACTIVITY_UPDATED");
    }

    @Test
    void removesAnEntryAndRefusesAnUnknownId() {
      gdpr.processingRecords().saveProcessorActivity(hosting, DPO);

      gdpr.processingRecords().removeProcessorActivity("acme-hosting", DPO);

      assertThat(gdpr.processingRecords().processorActivities()).isEmpty();
      assertThatThrownBy(() -> gdpr.processingRecords().removeProcessorActivity("acme-hosting", DPO))
          .isInstanceOf(UnknownActivityException.class);
    }

    @Test
    void refusesAnEntryWithoutCategoriesOfProcessing() {
      assertThatThrownBy(() -> new ProcessorActivity("x", Contact.of("Acme", "Berlin"), null, List.of(), List.of(),
          null)).isInstanceOf(InvalidInputException.class).hasMessage("processing categories must not be empty");
    }

    @Test
    void exportsTheProcessorsRecordsInJsonAndMarkdownButNotCsv() {
      gdpr.processingRecords().save(invoicing(), DPO);
      gdpr.processingRecords().saveProcessorActivity(hosting, DPO);

      String json = export(RegisterFormat.JSON);
      String markdown = export(RegisterFormat.MARKDOWN);
      String csv = export(RegisterFormat.CSV);

      assertThat(json).contains("\"processorActivities\":[{\"id\":\"acme-hosting\",\"controller\":{\"name\":"
          + "\"Acme GmbH\",\"details\":\"privacy@acme.example\"},\"controllerRepresentative\":{\"name\":"
          + "\"Acme EU Rep\",\"details\":\"Dublin\"},\"processingCategories\":[\"Hosting of CRM contacts\","
          + "\"Newsletter sending\"],\"transfers\":[{\"destination\":\"US\"");
      assertThat(json).endsWith("\"securityMeasures\":\"ISO 27001 certified hosting\"}]}");
      assertThat(markdown).contains("# Records as processor (Art. 30(2) GDPR)\n\n## On behalf of Acme GmbH (`acme-hosting`)\n")
          .contains("- **Categories of processing (b):** Hosting of CRM contacts; Newsletter sending\n");
      assertThat(csv).doesNotContain("acme-hosting");
    }
  }

  @Nested
  class Export {

    @Test
    void writesEveryFieldAsJson() {
      gdpr.processingRecords().controller(ControllerDetails.of(Contact.of("Acme GmbH", "Berlin"))
          .withDpo(Contact.of("DPO", "dpo@acme.example")), DPO);
      gdpr.processingRecords().save(mailing(), DPO);
      gdpr.processingRecords().save(invoicing(), DPO);

      String json = export(RegisterFormat.JSON);

      List<String> values = new ArrayList<>();
      try (JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
          if (token == JsonToken.VALUE_STRING) {
            values.add(parser.getString());
          }
        }
      }
      assertThat(values).containsSubsequence("GDPR Art. 30(1)", "2026-05-04T10:00:00Z", "Acme GmbH", "Berlin",
          "DPO", "dpo@acme.example", "invoicing", "Invoicing, \"accounts\" | tax", "billing", "Customers",
          "financial", "newsletter-mailing", "US", "Mail delivery provider", "STANDARD_CONTRACTUAL_CLAUSES",
          "46(2)(c)", "SCC 2021/914, module 2", "contact-details", "on unsubscribe",
          "TLS in transit, AES-256 at rest");
      assertThat(json).contains("\"representative\":null", "\"securityMeasures\":null", "\"sensitivity\":\"SENSITIVE\"");
    }

    @Test
    void writesOneQuotedCsvRowPerActivity() {
      gdpr.processingRecords().save(mailing(), DPO);
      gdpr.processingRecords().save(invoicing(), DPO);

      String csv = export(RegisterFormat.CSV);

      assertThat(csv.split("\r\n", -1)).containsExactly(
          "id,name,purposes,subject_categories,data_categories,recipient_categories,third_country_transfers,"
              + "erasure_time_limits,security_measures",
          "invoicing,\"Invoicing, \"\"accounts\"\" | tax\",billing,Customers; Customers' contacts,financial,\"\","
                  + "\"\",\"financial: 10 years, tax law\",\"\"",
          "newsletter-mailing,Newsletter mailing,newsletter,Subscribers,contact-details; behavioural,"
              + "Mail delivery provider,\"US: Mail delivery provider (STANDARD_CONTRACTUAL_CLAUSES, Art. 46(2)(c)),"
              + " documented in: SCC 2021/914, module 2\",contact-details: on unsubscribe,"
              + "\"TLS in transit, AES-256 at rest\"",
          "");
    }

    @Test
    void writesMarkdownWithEscapedText() {
      gdpr.processingRecords().save(invoicing(), DPO);

      String markdown = export(RegisterFormat.MARKDOWN);

      assertThat(markdown).startsWith("# Records of processing activities (Art. 30(1) GDPR)\n\n")
          .contains("## Controller (Art. 30(1)(a))\n\nNot recorded.\n")
          .contains("## Invoicing, \"accounts\" \\| tax (`invoicing`)\n")
          .contains("- **Purposes (b):** billing\n")
          .contains("- **Categories of data subjects (c):** Customers; Customers' contacts\n")
          .contains("- **Categories of personal data (c):** financial (SENSITIVE): Invoices, payments and bank details\n")
          .contains("- **Transfers to third countries (e):** none recorded\n")
          .contains("- **Security measures (g):** none recorded\n");
    }

    @Test
    void escapesMarkupSoThatRecordsCannotAddLinksOrHtml() {
      gdpr.processingRecords().save(mailing().toBuilder().name("<b>[win](http://evil.example)</b> *now*").build(),
          DPO);

      String markdown = export(RegisterFormat.MARKDOWN);

      assertThat(markdown).contains("## \\<b\\>\\[win\\](http://evil.example)\\</b\\> \\*now\\* (`newsletter-mailing`)\n")
          .doesNotContain("<b>", "[win]");
    }

  }

  private String export(RegisterFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    gdpr.processingRecords().export(format, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}

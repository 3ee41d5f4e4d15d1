package io.gdprkit.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.ForwardingDisclosureStore;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.RecipientKind;
import io.gdprkit.recipient.Safeguard;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The recipients of a subject's data in the access export, Art. 15(1)(c) (issue 5). */
class ExportRecipientsTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Actor SYNC = Actor.system("sync");

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");
  private final SubjectId bob = SubjectId.of("contact-43");
  private final List<Integer> pageLimits = new ArrayList<>();
  private final AtomicInteger wholeLogReads = new AtomicInteger();
  private final ForwardingDisclosureStore log = new ForwardingDisclosureStore() {
    @Override
    public List<Disclosure> bySubject(SubjectId subject) {
      wholeLogReads.incrementAndGet();
      return super.bySubject(subject);
    }

    @Override
    public List<Disclosure> bySubject(SubjectId subject, int offset, int limit) {
      pageLimits.add(limit);
      return super.bySubject(subject, offset, limit);
    }
  };
  private final GdprKit gdpr = GdprKit.builder().clock(clock)
      .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices")
          .withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL))
      .purpose(Purpose.of("crm", LegalBasis.LEGITIMATE_INTERESTS, "Customer care")
          .withDataCategories(DataCategory.CONTACT_DETAILS))
      .allowGeneratedKeys().disclosureStore(log).recipientNotifier((recipient, notification) -> {})
      .build();

  private void givenAliceWasDisclosedToABankAndAUsCrm() {
    gdpr.recipients().register(Recipient.of("bank", RecipientKind.THIRD_PARTY, "Swiss Bank", "privacy@bank.example",
        CountryCode.of("CH")), Actor.staff("dpo"));
    gdpr.recipients().register(Recipient.of("crm-us", RecipientKind.PROCESSOR, "CRM Inc", "privacy@crm.example",
        CountryCode.of("US")).withSafeguard(Safeguard.STANDARD_CONTRACTUAL_CLAUSES, "SCC module 2, 2026-02-01"),
        Actor.staff("dpo"));
    gdpr.recipients().disclose(alice, "bank", "billing", Set.of(DataCategory.FINANCIAL, DataCategory.CONTACT_DETAILS),
        SYNC);
    clock.advance(Duration.ofMinutes(5));
    gdpr.recipients().disclose(alice, "crm-us", "crm", Set.of(DataCategory.CONTACT_DETAILS), SYNC);
    gdpr.recipients().disclose(bob, "bank", "billing", Set.of(DataCategory.FINANCIAL), SYNC);
  }

  private byte[] export(ExportKind kind, ExportFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    gdpr.exports().write(alice, kind, format, out);
    return out.toByteArray();
  }

  @Test
  void listsEachDisclosureWithItsRecipientPurposeCategoriesAndTimeInJson() {
    givenAliceWasDisclosedToABankAndAUsCrm();

    JsonNode recipients = JSON.readTree(export(ExportKind.ACCESS, ExportFormat.JSON)).get("recipients");

    assertThat(recipients).hasSize(2);
    JsonNode bank = recipients.get(0);
    assertThat(bank.get("recipient").asString()).isEqualTo("bank");
    assertThat(bank.get("name").asString()).isEqualTo("Swiss Bank");
    assertThat(bank.get("kind").asString()).isEqualTo("THIRD_PARTY");
    assertThat(bank.get("country").asString()).isEqualTo("CH");
    assertThat(bank.get("safeguard").asString()).isEqualTo("NONE");
    assertThat(bank.get("safeguardReference").isNull()).isTrue();
    assertThat(bank.get("transferBasis").asString()).isEqualTo("ADEQUACY_DECISION");
    assertThat(bank.get("purpose").asString()).isEqualTo("billing");
    assertThat(bank.get("categories").values()).extracting(JsonNode::asString)
        .containsExactly("contact-details", "financial");
    assertThat(bank.get("disclosedAt").asString()).isEqualTo("2026-11-23T10:00:00Z");
    JsonNode crm = recipients.get(1);
    assertThat(crm.get("recipient").asString()).isEqualTo("crm-us");
    assertThat(crm.get("country").asString()).isEqualTo("US");
    assertThat(crm.get("safeguard").asString()).isEqualTo("STANDARD_CONTRACTUAL_CLAUSES");
    assertThat(crm.get("safeguardReference").asString()).isEqualTo("SCC module 2, 2026-02-01");
    assertThat(crm.get("purpose").asString()).isEqualTo("crm");
    assertThat(crm.get("disclosedAt").asString()).isEqualTo("2026-11-23T10:05:00Z");
  }

  @Test
  void writesOneRowPerAttributeOfEachDisclosureInCsv() {
    givenAliceWasDisclosedToABankAndAUsCrm();

    List<List<String>> rows = ExportServiceTests.parseCsv(
        new String(export(ExportKind.ACCESS, ExportFormat.CSV), StandardCharsets.UTF_8));

    List<List<String>> recipientRows = rows.stream().filter(row -> row.get(0).equals("recipients")).toList();
    assertThat(recipientRows).filteredOn(row -> row.get(1).equals("disclosure-1"))
        .extracting(row -> row.get(2) + "=" + row.get(4)).containsExactly("recipient=bank", "name=Swiss Bank",
            "kind=THIRD_PARTY", "country=CH", "safeguard=NONE", "transfer_basis=ADEQUACY_DECISION", "purpose=billing",
            "categories=contact-details,financial");
    assertThat(recipientRows).filteredOn(row -> row.get(1).equals("disclosure-2"))
        .extracting(row -> row.get(2) + "=" + row.get(4)).contains("recipient=crm-us",
            "safeguard=STANDARD_CONTRACTUAL_CLAUSES", "safeguard_reference=SCC module 2, 2026-02-01");
    assertThat(recipientRows).allSatisfy(row -> {
      assertThat(row.get(3)).isEqualTo("recipient");
      assertThat(row.get(5)).isEqualTo("false");
    });
    assertThat(recipientRows.get(0).get(6)).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(rows).noneMatch(row -> row.contains("contact-43"));
  }

  @Test
  void leavesRecipientsOutOfThePortabilityExport() {
    givenAliceWasDisclosedToABankAndAUsCrm();

    JsonNode portable = JSON.readTree(export(ExportKind.PORTABILITY, ExportFormat.JSON));
    String csv = new String(export(ExportKind.PORTABILITY, ExportFormat.CSV), StandardCharsets.UTF_8);

    assertThat(portable.has("recipients")).isFalse();
    assertThat(csv).doesNotContain("recipients", "Swiss Bank");
  }

  @Test
  void writesAnEmptyListForASubjectNothingWasDisclosedOf() {
    JsonNode recipients = JSON.readTree(export(ExportKind.ACCESS, ExportFormat.JSON)).get("recipients");

    assertThat(recipients.isArray()).isTrue();
    assertThat(recipients).isEmpty();
  }

  @Test
  void pagesThroughALongLogInsteadOfLoadingIt() {
    gdpr.recipients().register(Recipient.of("bank", RecipientKind.THIRD_PARTY, "Swiss Bank", "privacy@bank.example",
        CountryCode.of("CH")), Actor.staff("dpo"));
    int disclosures = 600;
    for (int i = 0; i < disclosures; i++) {
      gdpr.recipients().disclose(alice, "bank", "billing", Set.of(DataCategory.FINANCIAL), SYNC);
      clock.advance(Duration.ofSeconds(1));
    }
    int readsBefore = wholeLogReads.get();

    JsonNode recipients = JSON.readTree(export(ExportKind.ACCESS, ExportFormat.JSON)).get("recipients");

    assertThat(recipients).hasSize(disclosures);
    assertThat(recipients.get(0).get("disclosedAt").asString()).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(recipients.get(disclosures - 1).get("disclosedAt").asString()).isEqualTo("2026-11-23T10:09:59Z");
    assertThat(wholeLogReads.get()).isEqualTo(readsBefore);
    assertThat(pageLimits).hasSizeGreaterThanOrEqualTo(3).allSatisfy(limit -> assertThat(limit).isLessThan(disclosures));
  }
}

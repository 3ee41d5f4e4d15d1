package io.gdprkit.receipt;

import static io.gdprkit.receipt.ReceiptFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ExplicitStatement;
import io.gdprkit.consent.PendingConsent;
import io.gdprkit.consent.WithdrawalMethod;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.receipt.ConsentReceipt.PiiController;
import io.gdprkit.receipt.ConsentReceipt.PostalAddress;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.subject.Actor;
import java.net.URI;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@DisplayName("Kantara Consent Receipt v1.1: every receipt the kit issues validates against the published JSON schema")
class KantaraSchemaTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** The top-level fields the schema's {@code required} lists. */
  private static final List<String> REQUIRED = List.of("version", "jurisdiction", "consentTimestamp",
      "collectionMethod", "consentReceiptID", "piiPrincipalId", "piiControllers", "services", "policyUrl",
      "sensitive", "spiCat");

  /** A receipt the kit issued, with the key that checks it. */
  private record Issued(SignedReceipt signed, GdprKit gdpr) {}

  private static Arguments shape(String name, Supplier<Issued> issue) {
    return Arguments.of(name, issue);
  }

  private static Issued issue(ReceiptFixture fixture, ConsentEvent event) {
    return new Issued(fixture.gdpr.receipts().issue(event), fixture.gdpr);
  }

  static Stream<Arguments> shapes() {
    return Stream.of(
        shape("GRANTED through a web form with notice hash, locale, controller URL and expiry", () -> {
          ReceiptFixture fixture = new ReceiptFixture();
          return issue(fixture, fixture.grantNewsletter());
        }),
        shape("GRANTED in person: special categories, no form, no notice, controller without URL, address with a "
            + "region and no postal code", () -> {
          PiiController bare = new PiiController("Acme GmbH", true, "Privacy Team",
              new PostalAddress("Main St 1", null, "Berlin", "Berlin", CountryCode.of("DE")), "privacy@acme.example",
              "+49 30 1234", null);
          ReceiptFixture fixture = new ReceiptFixture(ReceiptOptions.of(bare, "DE",
              URI.create("https://acme.example/privacy"), ReceiptFixture.PREFERENCES));
          return issue(fixture, fixture.gdpr.consents().grant(ALICE, "health-tips",
              ConsentProof.inPerson("nurse-7").explicitly(ExplicitStatement.SIGNED_STATEMENT).build()));
        }),
        shape("PENDING_CONFIRMATION of a double opt-in", () -> {
          ReceiptFixture fixture = new ReceiptFixture();
          return issue(fixture, requestNewsletter(fixture).event());
        }),
        shape("CONFIRMED of a double opt-in", () -> {
          ReceiptFixture fixture = new ReceiptFixture();
          PendingConsent pending = requestNewsletter(fixture);
          fixture.clock.advance(Duration.ofMinutes(5));
          return issue(fixture, fixture.gdpr.consents().confirm(pending.token()));
        }),
        shape("WITHDRAWN without a proof (Art. 7(3))", () -> {
          ReceiptFixture fixture = new ReceiptFixture();
          fixture.grantNewsletter();
          return issue(fixture, fixture.gdpr.consents().withdraw(ALICE, "newsletter"));
        }),
        shape("WITHDRAWN with a proof taken by phone", () -> {
          ReceiptFixture fixture = new ReceiptFixture();
          fixture.grantNewsletter();
          return issue(fixture, fixture.gdpr.consents().withdraw(ALICE, "newsletter",
              ConsentProof.phone("agent-3").build()));
        }),
        shape("EXPIRED, recorded by the expiry sweep", () -> {
          ReceiptFixture fixture = new ReceiptFixture();
          fixture.grantNewsletter();
          fixture.clock.advance(Duration.ofDays(800));
          fixture.gdpr.consents().recordExpiries(10);
          List<ConsentEvent> history = fixture.gdpr.consents().history(ALICE, "newsletter");
          ConsentEvent expired = history.get(history.size() - 1);
          assertThat(expired.type()).isEqualTo(ConsentEventType.EXPIRED);
          return issue(fixture, expired);
        }),
        shape("GRANTED with a third party named (thirdPartyDisclosure true)", () -> {
          ReceiptFixture fixture = new ReceiptFixture(ReceiptFixture.OPTIONS.withThirdParty("Mailer Ltd"));
          return issue(fixture, fixture.grantNewsletter());
        }),
        shape("GRANTED with processors, storage locations, a retention period and the raw subject id", () -> {
          ReceiptFixture fixture = new ReceiptFixture(GdprKit.builder()
              .receipts(ReceiptFixture.OPTIONS.withProcessor("Mail Co").withProcessor("Cloud Ltd")
                  .withStorageLocations(CountryCode.of("IE"), CountryCode.of("DE")).withRawSubjectIds())
              .purpose(Purpose.of("events", LegalBasis.CONSENT, "Event invitations")
                  .withDataCategories(DataCategory.CONTACT_DETAILS).withRetention(Period.ofYears(2))
                  .asDirectMarketing()));
          return issue(fixture, fixture.gdpr.consents().grant(ALICE, "events", ConsentProof.api("crm").build()));
        }),
        shape("GRANTED with an e-mail withdrawal address, another language and another service", () -> {
          ReceiptFixture fixture = new ReceiptFixture(ReceiptOptions.of(ReceiptFixture.ACME, "EU",
              URI.create("https://acme.example/privacy"), WithdrawalMethod.of(WithdrawalMethod.Means.EMAIL,
                  URI.create("mailto:privacy@acme.example"))).withDefaultLanguage("fr").withServiceName("Acme Shop"));
          return issue(fixture, fixture.gdpr.consents().grant(ALICE, "newsletter",
              ConsentProof.imported("legacy.csv", Actor.system("import")).build()));
        }));
  }

  private static PendingConsent requestNewsletter(ReceiptFixture fixture) {
    return fixture.gdpr.consents().requestConfirmation(ALICE, "newsletter", ConsentProof.webForm("signup-form", "v3")
        .ip("203.0.113.7").noticeText("Get our monthly newsletter.").locale(Locale.GERMANY).build());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  @DisplayName("Kantara v1.1 schema accepts the receipt, and the standalone verifier returns it unchanged")
  void validatesAgainstTheKantaraSchema(String shape, Supplier<Issued> issue) {
    Issued issued = issue.get();
    String payload = KantaraSchema.payload(issued.signed().jws());

    assertThat(KantaraSchema.errors(payload)).as(shape).isEmpty();
    assertThat(ReceiptVerifier.verify(issued.signed().jws(), issued.gdpr().receipts().verificationKey()))
        .isEqualTo(issued.signed().receipt());
  }

  @Test
  @DisplayName("Kantara v1.1 schema: a receipt missing any required top-level field is refused, so the check has teeth")
  void refusesAReceiptMissingARequiredField() {
    String payload = new ReceiptFixture().jws();
    ObjectNode receipt = (ObjectNode) JSON.readTree(KantaraSchema.payload(payload));
    assertThat(KantaraSchema.errors(receipt.toString())).isEmpty();

    for (String field : REQUIRED) {
      ObjectNode broken = receipt.deepCopy();
      broken.remove(field);

      assertThat(KantaraSchema.errors(broken.toString())).as("without " + field).isNotEmpty()
          .anySatisfy(error -> assertThat(error).contains(field));
    }
  }

  @Test
  @DisplayName("Kantara v1.1 schema: piiControllers[].address must be an object; the old one-line text is refused")
  void refusesTheControllerAddressAsText() {
    ObjectNode receipt = (ObjectNode) JSON.readTree(KantaraSchema.payload(new ReceiptFixture().jws()));
    ObjectNode controller = (ObjectNode) receipt.get("piiControllers").get(0);

    controller.put("address", "Main St 1, 10115 Berlin");
    List<String> asText = KantaraSchema.errors(receipt.toString());
    controller.remove("address");
    List<String> missing = KantaraSchema.errors(receipt.toString());

    assertThat(asText).isNotEmpty().anySatisfy(error -> assertThat(error).contains("address"));
    assertThat(missing).isNotEmpty().anySatisfy(error -> assertThat(error).contains("address"));
  }

  @Test
  @DisplayName("Kantara v1.1 schema: a purpose disclosed to a third party must name it (oneOf on thirdPartyDisclosure)")
  void refusesAThirdPartyDisclosureWithoutAName() {
    ReceiptFixture shared = new ReceiptFixture(ReceiptFixture.OPTIONS.withThirdParty("Mailer Ltd"));
    ObjectNode receipt = (ObjectNode) JSON.readTree(KantaraSchema.payload(shared.jws()));
    JsonNode purposes = receipt.get("services").get(0).get("purposes");

    ((ObjectNode) purposes.get(0)).remove("thirdPartyName");

    assertThat(KantaraSchema.errors(receipt.toString())).isNotEmpty();
  }

  @Test
  @DisplayName("Kantara v1.1 schema: the test resource is the published schema, with required fields and draft-04")
  void usesThePublishedSchema() {
    JsonNode schema = JSON.readTree(KantaraSchema.published());

    assertThat(schema.get("$schema").asString()).isEqualTo("http://json-schema.org/draft-04/schema#");
    assertThat(((ArrayNode) schema.get("required")).values()).extracting(JsonNode::asString)
        .containsExactlyInAnyOrderElementsOf(REQUIRED);
    assertThat(schema.get("properties").get("piiControllers").get("items").get("properties").get("address")
        .get("type").asString()).isEqualTo("object");
  }
}

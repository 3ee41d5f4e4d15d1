package io.gdprkit.receipt;

import static io.gdprkit.receipt.ReceiptFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ExplicitStatement;
import io.gdprkit.subject.Actor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReceiptServiceTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ReceiptFixture fixture = new ReceiptFixture();
  private final GdprKit gdpr = fixture.gdpr;

  @Test
  void writesTheKantaraFieldsOfAGrant() {
    ConsentEvent event = fixture.grantNewsletter();

    JsonNode receipt = payload(gdpr.receipts().issue(event).jws());

    assertThat(receipt.propertyNames()).containsExactly("version", "jurisdiction", "consentTimestamp",
        "collectionMethod", "consentReceiptID", "publicKey", "language", "piiPrincipalId", "piiControllers",
        "policyUrl", "services", "sensitive", "spiCat", "iso27560");
    assertThat(receipt.get("version").asString()).isEqualTo("KI-CR-v1.1.0");
    assertThat(receipt.get("jurisdiction").asString()).isEqualTo("DE");
    assertThat(receipt.get("consentTimestamp").asLong()).isEqualTo(Instant.parse("2026-03-02T09:15:30Z").getEpochSecond());
    assertThat(receipt.get("collectionMethod").asString()).isEqualTo("WEB_FORM");
    assertThat(receipt.get("consentReceiptID").asString()).isEqualTo(event.id().toString());
    assertThat(receipt.get("publicKey").asString())
        .isEqualTo(fixture.signingKey.verificationKey().publicKeyBase64Url());
    assertThat(receipt.get("language").asString()).isEqualTo("de");
    assertThat(receipt.get("policyUrl").asString()).isEqualTo("https://acme.example/privacy");
    JsonNode controller = receipt.get("piiControllers").get(0);
    assertThat(controller.get("piiController").asString()).isEqualTo("Acme GmbH");
    assertThat(controller.get("onBehalf").asBoolean()).isFalse();
    assertThat(controller.get("piiControllerUrl").asString()).isEqualTo("https://acme.example");
    assertThat(controller.get("address").get("streetAddress").asString()).isEqualTo("Main St 1");
    assertThat(controller.get("address").get("addressCountry").asString()).isEqualTo("DE");
    JsonNode service = receipt.get("services").get(0);
    assertThat(service.get("service").asString()).isEqualTo("Acme GmbH");
    JsonNode purpose = service.get("purposes").get(0);
    assertThat(purpose.get("purpose").asString()).isEqualTo("Monthly newsletter");
    assertThat(purpose.get("purposeCategory").get(0).asString()).isEqualTo("https://w3id.org/dpv#DirectMarketing");
    assertThat(purpose.get("consentType").asString()).isEqualTo("EXPLICIT");
    assertThat(purpose.get("piiCategory").values()).extracting(JsonNode::asString)
        .containsExactly("behavioural", "contact-details");
    assertThat(purpose.get("primaryPurpose").asBoolean()).isTrue();
    assertThat(purpose.get("termination").asString()).contains("Art. 7(3)").contains(event.expiresAt().toString())
        .contains("https://acme.example/preferences");
    assertThat(purpose.get("thirdPartyDisclosure").asBoolean()).isFalse();
    assertThat(purpose.has("thirdPartyName")).isFalse();
    assertThat(receipt.get("sensitive").asBoolean()).isFalse();
    assertThat(receipt.get("spiCat").isEmpty()).isTrue();
  }

  @Test
  void writesTheIsoConsentRecordOfAGrant() {
    ConsentEvent event = fixture.grantNewsletter();

    JsonNode record = payload(gdpr.receipts().issue(event).jws()).get("iso27560");

    assertThat(record.get("schema_version").asString()).isEqualTo("ISO/IEC TS 27560:2023");
    assertThat(record.get("record_id").asString()).isEqualTo(event.id().toString());
    assertThat(record.get("notice").get("notice_id").asString()).isEqualTo("signup-form");
    assertThat(record.get("notice").get("version").asString()).isEqualTo("1");
    assertThat(record.get("notice").get("sha256").asString()).isEqualTo(event.proof().noticeSha256());
    assertThat(record.get("notice").get("language").asString()).isEqualTo("de");
    assertThat(record.get("purpose").get("purpose_id").asString()).isEqualTo("newsletter");
    assertThat(record.get("purpose").get("lawful_basis").asString())
        .isEqualTo("https://w3id.org/dpv/legal/eu/gdpr#A6-1-a");
    assertThat(record.get("event").get("event_type").asString()).isEqualTo("GRANTED");
    assertThat(record.get("event").get("event_time").asString()).isEqualTo("2026-03-02T09:15:30.123Z");
    assertThat(record.get("event").get("event_by").asString()).isEqualTo("subject");
    assertThat(record.get("event").get("event_state").asString()).isEqualTo("https://w3id.org/dpv#ConsentGiven");
    assertThat(record.get("event").get("validity_until").asString()).isEqualTo(event.expiresAt().toString());
    assertThat(record.get("collection_method").asString()).isEqualTo("WEB_FORM");
  }

  @Test
  void namesTheSubjectByAKeyedPseudonymByDefault() {
    ConsentEvent event = fixture.grantNewsletter();

    ConsentReceipt receipt = gdpr.receipts().issue(event).receipt();

    assertThat(receipt.piiPrincipalId()).isEqualTo(gdpr.pseudonymKey().pseudonym("receipt-principal", "default/contact-42"))
        .doesNotContain("contact-42");
    assertThat(receipt.iso27560().piiPrincipalId()).isEqualTo(receipt.piiPrincipalId());
  }

  @Test
  void namesTheSubjectByIdWhenTheHostAsks() {
    ReceiptFixture raw = new ReceiptFixture(ReceiptFixture.OPTIONS.withRawSubjectIds());

    ConsentReceipt receipt = raw.gdpr.receipts().issue(raw.grantNewsletter()).receipt();

    assertThat(receipt.piiPrincipalId()).isEqualTo("contact-42");
  }

  @Test
  void carriesNoIpAddressOrUserAgent() {
    String jws = fixture.jws();

    String payload = new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);

    assertThat(payload).doesNotContain("203.0.113").doesNotContain("Mozilla").doesNotContain("contact-42");
  }

  @Test
  void marksSpecialCategoryPurposesSensitive() {
    ConsentEvent event = gdpr.consents().grant(ALICE, "health-tips", ConsentProof.inPerson("nurse-7")
        .explicitly(ExplicitStatement.SIGNED_STATEMENT).build());

    ConsentReceipt receipt = gdpr.receipts().issue(event).receipt();

    assertThat(receipt.sensitive()).isTrue();
    assertThat(receipt.spiCat()).containsExactly("health");
    assertThat(receipt.services().get(0).purposes().get(0).piiCategory()).containsExactly("contact-details", "health");
    assertThat(receipt.collectionMethod()).isEqualTo("IN_PERSON");
    assertThat(receipt.language()).isEqualTo("en");
    assertThat(receipt.iso27560().event().eventBy()).isEqualTo("staff");
    assertThat(receipt.iso27560().notice().noticeId()).isNull();
  }

  @Test
  void recordsAWithdrawalAsConsentWithdrawn() {
    fixture.grantNewsletter();
    ConsentEvent withdrawal = gdpr.consents().withdraw(ALICE, "newsletter");

    ConsentReceipt receipt = gdpr.receipts().issue(withdrawal).receipt();

    assertThat(receipt.iso27560().event().eventType()).isEqualTo("WITHDRAWN");
    assertThat(receipt.iso27560().event().eventState().toString()).isEqualTo("https://w3id.org/dpv#ConsentWithdrawn");
    assertThat(receipt.iso27560().event().validUntil()).isNull();
  }

  @Test
  void namesAConfiguredThirdParty() {
    ReceiptFixture shared = new ReceiptFixture(ReceiptFixture.OPTIONS.withThirdParty("Mailer Ltd"));

    ConsentReceipt receipt = shared.gdpr.receipts().issue(shared.grantNewsletter()).receipt();

    assertThat(receipt.services().get(0).purposes().get(0).thirdPartyDisclosure()).isTrue();
    assertThat(receipt.services().get(0).purposes().get(0).thirdPartyName()).isEqualTo("Mailer Ltd");
  }

  @Test
  void issuesTheSameReceiptForTheSameEvent() {
    ConsentEvent event = fixture.grantNewsletter();

    SignedReceipt first = gdpr.receipts().issue(event);
    SignedReceipt second = gdpr.receipts().issue(event);

    assertThat(second.jws()).isEqualTo(first.jws());
  }

  @Test
  void issuesAReceiptThatTheStandaloneVerifierReturns() {
    SignedReceipt signed = gdpr.receipts().issue(fixture.grantNewsletter());

    ConsentReceipt verified = ReceiptVerifier.verify(signed.jws(), gdpr.receipts().verificationKey());

    assertThat(verified).isEqualTo(signed.receipt());
  }

  @Test
  void refusesAnEventThatIsNotInTheLedger() {
    ConsentEvent real = fixture.grantNewsletter();
    ConsentEvent forged = new ConsentEvent(UUID.randomUUID(), real.subject(), real.purpose(), real.type(),
        real.sequence(), real.occurredAt(), real.recordedAt(), real.proof(), real.expiresAt(), real.noticeVersion());
    ConsentEvent changed = new ConsentEvent(real.id(), real.subject(), real.purpose(), real.type(), real.sequence(),
        real.occurredAt().minusSeconds(86_400), real.recordedAt(), real.proof(), real.expiresAt(),
        real.noticeVersion());

    assertThatThrownBy(() -> gdpr.receipts().issue(forged)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("consent ledger");
    assertThatThrownBy(() -> gdpr.receipts().issue(changed)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void refusesAnEventOfAnErasedSubject() {
    ConsentEvent event = fixture.grantNewsletter();
    gdpr.erasure().erase(ALICE);

    assertThatThrownBy(() -> gdpr.receipts().issue(event)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void needsTheControllerDetailsToIssue() {
    GdprKit bare = GdprKit.builder().purpose(ReceiptFixture.NEWSLETTER).build();
    ConsentEvent event = bare.consents().grant(ALICE, "newsletter", ConsentProof.of(
        io.gdprkit.consent.ConsentChannel.API, Actor.system("crm")));

    assertThatThrownBy(() -> bare.receipts().issue(event)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("receipts(ReceiptOptions");
  }

  @Test
  void takesTheControllerDetailsOnce() {
    GdprKit.Builder builder = GdprKit.builder().receipts(ReceiptFixture.OPTIONS);

    assertThatThrownBy(() -> builder.receipts(ReceiptFixture.OPTIONS)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("receipts");
  }

  @Test
  void validatesTheOptions() {
    assertThatThrownBy(() -> ReceiptFixture.OPTIONS.withDefaultLanguage("deu"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("defaultLanguage");
    assertThatThrownBy(() -> ReceiptOptions.of(ReceiptFixture.ACME, "DE", java.net.URI.create("privacy"),
        ReceiptFixture.PREFERENCES))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("policyUrl");
    assertThat(List.of(ReceiptFixture.OPTIONS.rawSubjectIds(), ReceiptFixture.OPTIONS.withRawSubjectIds().rawSubjectIds()))
        .containsExactly(false, true);
  }

  private static JsonNode payload(String jws) {
    return JSON.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
  }
}

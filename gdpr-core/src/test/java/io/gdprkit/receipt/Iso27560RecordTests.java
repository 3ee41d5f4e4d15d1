package io.gdprkit.receipt;

import static io.gdprkit.receipt.ReceiptFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.WithdrawalMethod;
import io.gdprkit.consent.WithdrawalMethod.Means;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.receipt.ConsentReceipt.Party;
import io.gdprkit.receipt.ConsentReceipt.PartyRole;
import io.gdprkit.receipt.ConsentReceipt.ProcessingPurpose;
import io.gdprkit.receipt.internal.RightsMapping;
import io.gdprkit.recipient.CountryCode;
import java.net.URI;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("ISO/IEC TS 27560 and the DPV consent-record profile: the receipt's record carries the processing facts")
class Iso27560RecordTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String GDPR = "https://w3id.org/dpv/legal/eu/gdpr#";
  private static final Purpose EVENTS = Purpose.of("events", LegalBasis.CONSENT, "Event invitations")
      .withDataCategories(DataCategory.CONTACT_DETAILS).withRetention(Period.ofYears(3));

  private static JsonNode record(SignedReceipt signed) {
    return JSON.readTree(KantaraSchema.payload(signed.jws())).get("iso27560");
  }

  @Test
  @DisplayName("6.3.4.11 storage_locations come from the kit's dataRegion and storeRegion; 6.3.4.12 retention_period "
      + "from Purpose.retention() (Art. 13(2)(a))")
  void writesStorageLocationsAndRetentionFromTheKit() {
    ReceiptFixture fixture = new ReceiptFixture(GdprKit.builder().receipts(ReceiptFixture.OPTIONS)
        .dataRegion(CountryCode.of("DE")).storeRegion("archive", CountryCode.of("IE")).purpose(EVENTS));

    SignedReceipt signed = fixture.gdpr.receipts().issue(fixture.gdpr.consents().grant(ALICE, "events",
        ConsentProof.webForm("events-form", "v1").build()));

    JsonNode purpose = record(signed).get("purpose");
    assertThat(purpose.get("storage_locations").values()).extracting(JsonNode::asString).containsExactly("DE", "IE");
    assertThat(purpose.get("retention_period").asString()).isEqualTo("P3Y");
    assertThat(purpose.get("jurisdiction").asString()).isEqualTo("DE");
    assertThat(signed.receipt().iso27560().purpose().retentionPeriod()).isEqualTo(Period.ofYears(3));
  }

  @Test
  @DisplayName("6.3.4.11 storage_locations: the receipt options replace the kit's regions; with neither, none is "
      + "claimed; 6.3.4.12 is left out for a purpose that declares no retention")
  void takesStorageLocationsFromTheOptionsAndClaimsNoneUnknown() {
    ReceiptFixture declared = new ReceiptFixture(GdprKit.builder()
        .receipts(ReceiptFixture.OPTIONS.withStorageLocations(CountryCode.of("FR"), CountryCode.of("BE")))
        .dataRegion(CountryCode.of("DE")));
    ReceiptFixture unknown = new ReceiptFixture();

    ProcessingPurpose fromOptions = declared.gdpr.receipts().issue(declared.grantNewsletter()).receipt().iso27560()
        .purpose();
    JsonNode none = record(unknown.gdpr.receipts().issue(unknown.grantNewsletter())).get("purpose");

    assertThat(fromOptions.storageLocations()).containsExactly(CountryCode.of("BE"), CountryCode.of("FR"));
    assertThat(none.has("storage_locations")).isFalse();
    assertThat(none.has("retention_period")).isFalse();
  }

  @Test
  @DisplayName("6.3.4.18 withdrawal_method (Art. 7(3), 13(2)(c)): a means, an address and dpv:WithdrawConsent, not a "
      + "sentence")
  void writesTheWithdrawalMethodAsData() {
    ReceiptFixture fixture = new ReceiptFixture();

    JsonNode method = record(fixture.gdpr.receipts().issue(fixture.grantNewsletter())).get("purpose")
        .get("withdrawal_method");

    assertThat(method.propertyNames()).containsExactly("means", "address", "consent_control");
    assertThat(method.get("means").asString()).isEqualTo("WEB_FORM");
    assertThat(method.get("address").asString()).isEqualTo("https://acme.example/preferences");
    assertThat(method.get("consent_control").asString()).isEqualTo("https://w3id.org/dpv#WithdrawConsent");
  }

  @Test
  @DisplayName("6.3.4.18 withdrawal_method: an address whose scheme does not fit the means is refused")
  void refusesAWithdrawalAddressThatDoesNotFitItsMeans() {
    assertThatThrownBy(() -> WithdrawalMethod.of(Means.EMAIL, URI.create("https://acme.example/preferences")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("mailto");
    assertThatThrownBy(() -> WithdrawalMethod.of(Means.WEB_FORM, URI.create("http://acme.example/preferences")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("https");
    assertThatThrownBy(() -> WithdrawalMethod.of(Means.PHONE, URI.create("/preferences")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("absolute");
    assertThat(WithdrawalMethod.of(Means.PHONE, URI.create("tel:+49-30-1234")).means()).isEqualTo(Means.PHONE);
  }

  @Test
  @DisplayName("6.3.4.19 privacy_rights of a consent purpose: DPV's rights mapping for Art. 6(1)(a), with Art. 7(3)")
  void listsTheRightsOfConsent() {
    // not the fixture's newsletter: classed dpv:DirectMarketing, it carries the Art. 21(2) right to object
    ReceiptFixture fixture = new ReceiptFixture(GdprKit.builder().receipts(ReceiptFixture.OPTIONS).purpose(EVENTS));

    ConsentReceipt receipt = fixture.gdpr.receipts().issue(fixture.gdpr.consents().grant(ALICE, "events",
        ConsentProof.webForm("events-form", "v1").build())).receipt();

    assertThat(receipt.iso27560().purpose().privacyRights()).extracting(URI::toString)
        .containsExactlyElementsOf(RightsMapping.rights("eu-gdpr:A6-1-a"))
        .contains(GDPR + "A7-3", GDPR + "A15", GDPR + "A16", GDPR + "A17", GDPR + "A20")
        .doesNotContain(GDPR + "A21");
  }

  @Test
  @DisplayName("6.3.4.19 privacy_rights: a direct-marketing purpose adds the right to object, Art. 21(2), whatever "
      + "its basis")
  void addsTheRightToObjectForDirectMarketing() {
    ReceiptFixture fixture = new ReceiptFixture(GdprKit.builder().receipts(ReceiptFixture.OPTIONS)
        .purpose(EVENTS.asDirectMarketing()));

    ConsentReceipt receipt = fixture.gdpr.receipts().issue(fixture.gdpr.consents().grant(ALICE, "events",
        ConsentProof.webForm("events-form", "v1").build())).receipt();

    List<String> rights = receipt.iso27560().purpose().privacyRights().stream().map(URI::toString).toList();
    assertThat(rights).contains(GDPR + "A21").containsAll(RightsMapping.rights("eu-gdpr:A6-1-a"));
    assertThat(rights.indexOf(GDPR + "A21")).isEqualTo(rights.indexOf(GDPR + "A20") + 1);
  }

  @Test
  @DisplayName("6.3.6 parties with 6.3.6.7 party_role as DPV classes; 6.3.4.17 recipient_third_parties names all but "
      + "the controller (Art. 4(7)-(10))")
  void namesEachPartyWithItsRole() {
    ReceiptFixture fixture = new ReceiptFixture(ReceiptFixture.OPTIONS.withThirdParty("Partner AG")
        .withProcessor("Mail Co"));

    SignedReceipt signed = fixture.gdpr.receipts().issue(fixture.grantNewsletter());
    JsonNode record = record(signed);

    assertThat(signed.receipt().iso27560().parties()).containsExactly(
        new Party("controller", "Acme GmbH", PartyRole.CONTROLLER),
        new Party("third-party", "Partner AG", PartyRole.THIRD_PARTY),
        new Party("processor-1", "Mail Co", PartyRole.PROCESSOR));
    assertThat(record.get("parties").values()).extracting(party -> party.get("party_role").asString())
        .containsExactly("https://w3id.org/dpv#DataController", "https://w3id.org/dpv#ThirdParty",
            "https://w3id.org/dpv#DataProcessor");
    assertThat(record.get("purpose").get("recipient_third_parties").values()).extracting(JsonNode::asString)
        .containsExactly("third-party", "processor-1");
    // a processor is no third party (Art. 4(10)): the Kantara part names only the third party
    assertThat(signed.receipt().services().get(0).purposes().get(0).thirdPartyName()).isEqualTo("Partner AG");
  }

  @Test
  @DisplayName("6.3.6: a controller alone is named as dpv:DataController with no recipients")
  void namesTheControllerAlone() {
    ReceiptFixture fixture = new ReceiptFixture();

    ConsentReceipt receipt = fixture.gdpr.receipts().issue(fixture.grantNewsletter()).receipt();

    assertThat(receipt.iso27560().parties()).containsExactly(new Party("controller", "Acme GmbH",
        PartyRole.CONTROLLER));
    assertThat(receipt.iso27560().purpose().recipientThirdParties()).isEmpty();
  }

  @Test
  @DisplayName("Receipt options: a processor named twice is refused")
  void refusesAProcessorNamedTwice() {
    assertThatThrownBy(() -> ReceiptFixture.OPTIONS.withProcessor("Mail Co").withProcessor("Mail Co"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("processor");
  }

  @Test
  @DisplayName("Art. 7(3): withdraw(subject, purpose) without a proof is recorded as channel API by the subject, as "
      + "codes in the ledger and the receipt, not as a sentence")
  void recordsAWithdrawalWithoutProofAsStructuredData() {
    ReceiptFixture fixture = new ReceiptFixture();
    fixture.grantNewsletter();

    ConsentEvent withdrawal = fixture.gdpr.consents().withdraw(ALICE, "newsletter");
    SignedReceipt signed = fixture.gdpr.receipts().issue(withdrawal);
    JsonNode payload = JSON.readTree(KantaraSchema.payload(signed.jws()));

    assertThat(withdrawal.proof()).isEqualTo(ConsentProof.of(io.gdprkit.consent.ConsentChannel.API,
        io.gdprkit.subject.Actor.subject()));
    assertThat(payload.get("collectionMethod").asString()).isEqualTo("API");
    assertThat(payload.get("iso27560").get("collection_method").asString()).isEqualTo("API");
    assertThat(payload.get("iso27560").get("event").get("event_by").asString()).isEqualTo("subject");
    assertThat(payload.get("iso27560").get("event").get("event_type").asString()).isEqualTo("WITHDRAWN");
  }

  @Test
  @DisplayName("Art. 7(3): a withdrawal with a proof records that proof's channel and recorder")
  void recordsAWithdrawalWithProofByItsChannel() {
    ReceiptFixture fixture = new ReceiptFixture();
    fixture.grantNewsletter();

    ConsentEvent withdrawal = fixture.gdpr.consents().withdraw(ALICE, "newsletter",
        ConsentProof.phone("agent-3").build());
    ConsentReceipt receipt = fixture.gdpr.receipts().issue(withdrawal).receipt();

    assertThat(receipt.collectionMethod()).isEqualTo("PHONE");
    assertThat(receipt.iso27560().event().eventBy()).isEqualTo("staff");
  }
}

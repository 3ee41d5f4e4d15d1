package io.gdprkit.receipt.internal;

import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.WithdrawalMethod;
import io.gdprkit.receipt.ConsentReceipt;
import io.gdprkit.receipt.ConsentReceipt.Event;
import io.gdprkit.receipt.ConsentReceipt.Iso27560Record;
import io.gdprkit.receipt.ConsentReceipt.Notice;
import io.gdprkit.receipt.ConsentReceipt.Party;
import io.gdprkit.receipt.ConsentReceipt.PartyRole;
import io.gdprkit.receipt.ConsentReceipt.PiiController;
import io.gdprkit.receipt.ConsentReceipt.PostalAddress;
import io.gdprkit.receipt.ConsentReceipt.ProcessingPurpose;
import io.gdprkit.receipt.ConsentReceipt.Service;
import io.gdprkit.receipt.ConsentReceipt.ServicePurpose;
import io.gdprkit.receipt.InvalidReceiptException.Reason;
import io.gdprkit.receipt.internal.JsonValues.Fields;
import io.gdprkit.recipient.CountryCode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * Writes a receipt as JSON in one fixed form (fixed field order, no white space, absent fields left out) and reads
 * that form back.
 *
 * <p>Reading accepts only that form: it parses, builds the receipt and writes it again, and the bytes must be the
 * same. So a verified receipt is exactly what was signed, with no field the parser skipped or normalised.
 */
final class ReceiptJson {

  private ReceiptJson() {}

  static byte[] write(ConsentReceipt receipt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try (JsonGenerator json = JsonValues.JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      json.writeStringProperty("version", receipt.version());
      json.writeStringProperty("jurisdiction", receipt.jurisdiction());
      json.writeNumberProperty("consentTimestamp", receipt.consentTimestamp().getEpochSecond());
      json.writeStringProperty("collectionMethod", receipt.collectionMethod());
      json.writeStringProperty("consentReceiptID", receipt.consentReceiptId());
      json.writeStringProperty("publicKey", receipt.publicKey());
      json.writeStringProperty("language", receipt.language());
      json.writeStringProperty("piiPrincipalId", receipt.piiPrincipalId());
      json.writeName("piiControllers");
      json.writeStartArray();
      for (PiiController controller : receipt.piiControllers()) {
        json.writeStartObject();
        json.writeStringProperty("piiController", controller.piiController());
        json.writeBooleanProperty("onBehalf", controller.onBehalf());
        json.writeStringProperty("contact", controller.contact());
        writeAddress(json, controller.address());
        json.writeStringProperty("email", controller.email());
        json.writeStringProperty("phone", controller.phone());
        if (controller.piiControllerUrl() != null) {
          json.writeStringProperty("piiControllerUrl", controller.piiControllerUrl().toString());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeStringProperty("policyUrl", receipt.policyUrl().toString());
      json.writeName("services");
      json.writeStartArray();
      for (Service service : receipt.services()) {
        json.writeStartObject();
        json.writeStringProperty("service", service.service());
        json.writeName("purposes");
        json.writeStartArray();
        for (ServicePurpose purpose : service.purposes()) {
          json.writeStartObject();
          json.writeStringProperty("purpose", purpose.purpose());
          writeStrings(json, "purposeCategory", purpose.purposeCategory());
          json.writeStringProperty("consentType", purpose.consentType());
          writeStrings(json, "piiCategory", purpose.piiCategory());
          json.writeBooleanProperty("primaryPurpose", purpose.primaryPurpose());
          json.writeStringProperty("termination", purpose.termination());
          json.writeBooleanProperty("thirdPartyDisclosure", purpose.thirdPartyDisclosure());
          if (purpose.thirdPartyName() != null) {
            json.writeStringProperty("thirdPartyName", purpose.thirdPartyName());
          }
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeBooleanProperty("sensitive", receipt.sensitive());
      writeStrings(json, "spiCat", receipt.spiCat());
      writeRecord(json, receipt.iso27560());
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  /** Writes a schema.org PostalAddress object, as the Kantara v1.1 schema and example have it. */
  private static void writeAddress(JsonGenerator json, PostalAddress address) {
    json.writeName("address");
    json.writeStartObject();
    json.writeStringProperty("streetAddress", address.streetAddress());
    if (address.postalCode() != null) {
      json.writeStringProperty("postalCode", address.postalCode());
    }
    json.writeStringProperty("addressLocality", address.addressLocality());
    if (address.addressRegion() != null) {
      json.writeStringProperty("addressRegion", address.addressRegion());
    }
    json.writeStringProperty("addressCountry", address.addressCountry().value());
    json.writeEndObject();
  }

  private static void writeRecord(JsonGenerator json, Iso27560Record record) {
    json.writeName("iso27560");
    json.writeStartObject();
    json.writeStringProperty("schema_version", record.schemaVersion());
    json.writeStringProperty("record_id", record.recordId());
    json.writeStringProperty("pii_principal_id", record.piiPrincipalId());
    Notice notice = record.notice();
    json.writeName("notice");
    json.writeStartObject();
    if (notice.noticeId() != null) {
      json.writeStringProperty("notice_id", notice.noticeId());
    }
    json.writeStringProperty("version", notice.version());
    if (notice.sha256() != null) {
      json.writeStringProperty("sha256", notice.sha256());
    }
    json.writeStringProperty("language", notice.language());
    json.writeEndObject();
    ProcessingPurpose purpose = record.purpose();
    json.writeName("purpose");
    json.writeStartObject();
    json.writeStringProperty("purpose_id", purpose.purposeId());
    json.writeStringProperty("lawful_basis", purpose.lawfulBasis().toString());
    json.writeStringProperty("jurisdiction", purpose.jurisdiction());
    if (!purpose.storageLocations().isEmpty()) {
      writeStrings(json, "storage_locations", purpose.storageLocations().stream().map(CountryCode::value).toList());
    }
    if (purpose.retentionPeriod() != null) {
      json.writeStringProperty("retention_period", purpose.retentionPeriod().toString());
    }
    writeStrings(json, "recipient_third_parties", purpose.recipientThirdParties());
    json.writeName("withdrawal_method");
    json.writeStartObject();
    json.writeStringProperty("means", purpose.withdrawalMethod().means().name());
    json.writeStringProperty("address", purpose.withdrawalMethod().address().toString());
    json.writeStringProperty("consent_control", WithdrawalMethod.DPV_WITHDRAW_CONSENT.toString());
    json.writeEndObject();
    writeStrings(json, "privacy_rights", purpose.privacyRights().stream().map(URI::toString).toList());
    json.writeEndObject();
    json.writeName("parties");
    json.writeStartArray();
    for (Party party : record.parties()) {
      json.writeStartObject();
      json.writeStringProperty("party_id", party.partyId());
      json.writeStringProperty("party_name", party.partyName());
      json.writeStringProperty("party_role", party.partyRole().dpvIri().toString());
      json.writeEndObject();
    }
    json.writeEndArray();
    Event event = record.event();
    json.writeName("event");
    json.writeStartObject();
    json.writeStringProperty("event_type", event.eventType());
    json.writeStringProperty("event_time", event.eventTime().toString());
    json.writeStringProperty("event_by", event.eventBy());
    json.writeStringProperty("event_state", event.eventState().toString());
    if (event.validUntil() != null) {
      json.writeStringProperty("validity_until", event.validUntil().toString());
    }
    json.writeEndObject();
    json.writeStringProperty("collection_method", record.collectionMethod());
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, String name, List<String> values) {
    json.writeName(name);
    json.writeStartArray();
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  /**
   * Reads a receipt written by {@link #write}.
   *
   * @throws io.gdprkit.receipt.InvalidReceiptException if the bytes are not exactly such a receipt
   */
  static ConsentReceipt read(byte[] payload) {
    Fields root = new Fields(JsonValues.parseObject(payload, Reason.MALFORMED, "the payload"), "");
    ConsentReceipt receipt;
    try {
      receipt = readReceipt(root);
    } catch (InvalidInputException e) {
      throw JsonValues.content(e.getMessage());
    } catch (DateTimeException | IllegalArgumentException e) {
      throw JsonValues.content("a time or URL is not in the form the kit writes");
    }
    if (!java.util.Arrays.equals(write(receipt), payload)) {
      throw JsonValues.content("the payload is not in the one form the kit writes");
    }
    return receipt;
  }

  private static ConsentReceipt readReceipt(Fields root) {
    String version = root.string("version");
    String jurisdiction = root.string("jurisdiction");
    Instant timestamp = Instant.ofEpochSecond(root.number("consentTimestamp"));
    String collectionMethod = root.string("collectionMethod");
    String receiptId = root.string("consentReceiptID");
    String publicKey = root.string("publicKey");
    String language = root.string("language");
    String principal = root.string("piiPrincipalId");
    List<PiiController> controllers = new ArrayList<>();
    for (Object item : root.list("piiControllers")) {
      Fields c = Fields.of(item, "piiControllers[].");
      controllers.add(new PiiController(c.string("piiController"), c.bool("onBehalf"), c.string("contact"),
          readAddress(c.object("address")), c.string("email"), c.string("phone"),
          uri(c.optionalString("piiControllerUrl"))));
      c.done();
    }
    URI policyUrl = URI.create(root.string("policyUrl"));
    List<Service> services = new ArrayList<>();
    for (Object item : root.list("services")) {
      Fields s = Fields.of(item, "services[].");
      String name = s.string("service");
      List<ServicePurpose> purposes = new ArrayList<>();
      for (Object p : s.list("purposes")) {
        Fields f = Fields.of(p, "services[].purposes[].");
        purposes.add(new ServicePurpose(f.string("purpose"), f.strings("purposeCategory"), f.string("consentType"),
            f.strings("piiCategory"), f.bool("primaryPurpose"), f.string("termination"),
            f.bool("thirdPartyDisclosure"), f.optionalString("thirdPartyName")));
        f.done();
      }
      services.add(new Service(name, purposes));
      s.done();
    }
    boolean sensitive = root.bool("sensitive");
    List<String> spiCat = root.strings("spiCat");
    Iso27560Record record = readRecord(root.object("iso27560"));
    root.done();
    return new ConsentReceipt(version, jurisdiction, timestamp, collectionMethod, receiptId, publicKey, language,
        principal, controllers, policyUrl, services, sensitive, spiCat, record);
  }

  private static PostalAddress readAddress(Fields a) {
    PostalAddress address = new PostalAddress(a.string("streetAddress"), a.optionalString("postalCode"),
        a.string("addressLocality"), a.optionalString("addressRegion"), CountryCode.of(a.string("addressCountry")));
    a.done();
    return address;
  }

  private static Iso27560Record readRecord(Fields r) {
    String schema = r.string("schema_version");
    String recordId = r.string("record_id");
    String principal = r.string("pii_principal_id");
    Fields n = r.object("notice");
    Notice notice = new Notice(n.optionalString("notice_id"), n.string("version"), n.optionalString("sha256"),
        n.string("language"));
    n.done();
    ProcessingPurpose purpose = readPurpose(r.object("purpose"));
    List<Party> parties = new ArrayList<>();
    for (Object item : r.list("parties")) {
      Fields p = Fields.of(item, "iso27560.parties[].");
      parties.add(new Party(p.string("party_id"), p.string("party_name"), role(p.string("party_role"))));
      p.done();
    }
    Fields e = r.object("event");
    String eventType = e.string("event_type");
    Instant eventTime = Instant.parse(e.string("event_time"));
    String eventBy = e.string("event_by");
    URI eventState = URI.create(e.string("event_state"));
    String validUntil = e.optionalString("validity_until");
    Event event = new Event(eventType, eventTime, eventBy, eventState,
        validUntil == null ? null : Instant.parse(validUntil));
    e.done();
    String collectionMethod = r.string("collection_method");
    r.done();
    return new Iso27560Record(schema, recordId, principal, notice, purpose, parties, event, collectionMethod);
  }

  private static ProcessingPurpose readPurpose(Fields p) {
    String purposeId = p.string("purpose_id");
    URI lawfulBasis = URI.create(p.string("lawful_basis"));
    String jurisdiction = p.string("jurisdiction");
    List<String> locations = p.optionalStrings("storage_locations");
    String retention = p.optionalString("retention_period");
    List<String> recipients = p.strings("recipient_third_parties");
    Fields w = p.object("withdrawal_method");
    WithdrawalMethod withdrawal = new WithdrawalMethod(means(w.string("means")), URI.create(w.string("address")));
    if (!WithdrawalMethod.DPV_WITHDRAW_CONSENT.toString().equals(w.string("consent_control"))) {
      throw JsonValues.content("iso27560.purpose.withdrawal_method.consent_control is not dpv:WithdrawConsent");
    }
    w.done();
    List<URI> rights = p.strings("privacy_rights").stream().map(URI::create).toList();
    p.done();
    return new ProcessingPurpose(purposeId, lawfulBasis, jurisdiction,
        locations == null ? List.of() : locations.stream().map(CountryCode::of).toList(),
        retention == null ? null : Period.parse(retention), recipients, withdrawal, rights);
  }

  private static PartyRole role(String iri) {
    for (PartyRole role : PartyRole.values()) {
      if (role.dpvIri().toString().equals(iri)) {
        return role;
      }
    }
    throw JsonValues.content("iso27560.parties[].party_role is not a role the kit writes");
  }

  private static WithdrawalMethod.Means means(String name) {
    for (WithdrawalMethod.Means means : WithdrawalMethod.Means.values()) {
      if (means.name().equals(name)) {
        return means;
      }
    }
    throw JsonValues.content("iso27560.purpose.withdrawal_method.means is not a means the kit writes");
  }

  private static @Nullable URI uri(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw JsonValues.content("piiControllers[].piiControllerUrl is not a URL");
    }
  }
}

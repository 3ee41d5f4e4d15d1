package io.gdprkit.receipt.internal;

import io.gdprkit.InvalidInputException;
import io.gdprkit.receipt.ConsentReceipt;
import io.gdprkit.receipt.ConsentReceipt.Iso27560Record;
import io.gdprkit.receipt.ConsentReceipt.PiiController;
import io.gdprkit.receipt.ConsentReceipt.Service;
import io.gdprkit.receipt.ConsentReceipt.ServicePurpose;
import io.gdprkit.receipt.InvalidReceiptException.Reason;
import io.gdprkit.receipt.internal.JsonValues.Fields;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
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
        json.writeStringProperty("address", controller.address());
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

  private static void writeRecord(JsonGenerator json, Iso27560Record record) {
    json.writeName("iso27560");
    json.writeStartObject();
    json.writeStringProperty("schema_version", record.schemaVersion());
    json.writeStringProperty("record_id", record.recordId());
    json.writeStringProperty("pii_principal_id", record.piiPrincipalId());
    json.writeName("notice");
    json.writeStartObject();
    if (record.noticeId() != null) {
      json.writeStringProperty("notice_id", record.noticeId());
    }
    json.writeStringProperty("version", record.noticeVersion());
    if (record.noticeSha256() != null) {
      json.writeStringProperty("sha256", record.noticeSha256());
    }
    json.writeEndObject();
    json.writeName("purpose");
    json.writeStartObject();
    json.writeStringProperty("purpose_id", record.purposeId());
    json.writeStringProperty("lawful_basis", record.lawfulBasis().toString());
    json.writeEndObject();
    json.writeName("event");
    json.writeStartObject();
    json.writeStringProperty("event_type", record.eventType());
    json.writeStringProperty("event_time", record.eventTime().toString());
    json.writeStringProperty("event_by", record.eventBy());
    json.writeStringProperty("event_state", record.eventState().toString());
    if (record.validUntil() != null) {
      json.writeStringProperty("validity_until", record.validUntil().toString());
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
          c.string("address"), c.string("email"), c.string("phone"), uri(c.optionalString("piiControllerUrl"))));
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

  private static Iso27560Record readRecord(Fields r) {
    String schema = r.string("schema_version");
    String recordId = r.string("record_id");
    String principal = r.string("pii_principal_id");
    Fields notice = r.object("notice");
    String noticeId = notice.optionalString("notice_id");
    String noticeVersion = notice.string("version");
    String sha256 = notice.optionalString("sha256");
    notice.done();
    Fields purpose = r.object("purpose");
    String purposeId = purpose.string("purpose_id");
    URI lawfulBasis = URI.create(purpose.string("lawful_basis"));
    purpose.done();
    Fields event = r.object("event");
    String eventType = event.string("event_type");
    Instant eventTime = Instant.parse(event.string("event_time"));
    String eventBy = event.string("event_by");
    URI eventState = URI.create(event.string("event_state"));
    String validUntil = event.optionalString("validity_until");
    event.done();
    String collectionMethod = r.string("collection_method");
    r.done();
    return new Iso27560Record(schema, recordId, principal, noticeId, noticeVersion, sha256, purposeId, lawfulBasis,
        eventType, eventTime, eventBy, eventState, validUntil == null ? null : Instant.parse(validUntil),
        collectionMethod);
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

package io.gdprkit.processing.internal;

import io.gdprkit.processing.Contact;
import io.gdprkit.processing.ControllerDetails;
import io.gdprkit.processing.ErasureTimeLimit;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.ProcessorActivity;
import io.gdprkit.processing.ThirdCountryTransfer;
import io.gdprkit.purpose.DataCategory;
import java.io.OutputStream;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the records as one JSON document with Jackson's streaming generator:
 * {@code {"metadata":{..},"controller":{..}|null,"activities":[..],"processorActivities":[..]}}, field names as in
 * {@link ProcessingActivity} and {@link ProcessorActivity}.
 */
final class JsonRegisterWriter implements RegisterWriter {

  /** Thread-safe and shared; never closes the caller's stream. */
  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private final JsonGenerator json;

  JsonRegisterWriter(OutputStream out) {
    this.json = JSON.createGenerator(ObjectWriteContext.empty(), out);
  }

  @Override
  public void begin(TenantId tenant, @Nullable ControllerDetails controller, Instant generatedAt) {
    json.writeStartObject();
    json.writeName("metadata");
    json.writeStartObject();
    json.writeStringProperty("article", "GDPR Art. 30(1)");
    json.writeStringProperty("tenant", tenant.value());
    json.writeStringProperty("generatedAt", generatedAt.toString());
    json.writeEndObject();
    json.writeName("controller");
    if (controller == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      contact("controller", controller.controller());
      json.writeName("jointControllers");
      json.writeStartArray();
      controller.jointControllers().forEach(joint -> contact(null, joint));
      json.writeEndArray();
      contact("representative", controller.representative());
      contact("dpo", controller.dpo());
      json.writeEndObject();
    }
    json.writeName("activities");
    json.writeStartArray();
  }

  private void contact(@Nullable String name, @Nullable Contact contact) {
    if (name != null) {
      json.writeName(name);
    }
    if (contact == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    json.writeStringProperty("name", contact.name());
    json.writeStringProperty("details", contact.details());
    json.writeEndObject();
  }

  @Override
  public void activity(ProcessingActivity activity) {
    json.writeStartObject();
    json.writeStringProperty("id", activity.id());
    json.writeStringProperty("name", activity.name());
    strings("purposes", activity.purposes());
    strings("subjectCategories", activity.subjectCategories());
    json.writeName("dataCategories");
    json.writeStartArray();
    for (DataCategory category : activity.dataCategories()) {
      json.writeStartObject();
      json.writeStringProperty("id", category.id());
      json.writeStringProperty("description", category.description());
      json.writeStringProperty("sensitivity", category.sensitivity().name());
      json.writeEndObject();
    }
    json.writeEndArray();
    strings("recipientCategories", activity.recipientCategories());
    transfers(activity.transfers());
    json.writeName("erasureTimeLimits");
    json.writeStartArray();
    for (ErasureTimeLimit limit : activity.erasureTimeLimits()) {
      json.writeStartObject();
      json.writeStringProperty("category", limit.category());
      json.writeStringProperty("limit", limit.limit());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringProperty("securityMeasures", activity.securityMeasures());
    json.writeEndObject();
  }

  private void transfers(List<ThirdCountryTransfer> transfers) {
    json.writeName("transfers");
    json.writeStartArray();
    for (ThirdCountryTransfer transfer : transfers) {
      json.writeStartObject();
      json.writeStringProperty("destination", transfer.destination());
      json.writeStringProperty("recipient", transfer.recipient());
      json.writeStringProperty("safeguard", transfer.safeguard().name());
      json.writeStringProperty("article", transfer.safeguard().article());
      json.writeStringProperty("documentation", transfer.documentation());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  @Override
  public void beginProcessorActivities() {
    json.writeEndArray();
    json.writeName("processorActivities");
    json.writeStartArray();
  }

  @Override
  public void processorActivity(ProcessorActivity activity) {
    json.writeStartObject();
    json.writeStringProperty("id", activity.id());
    contact("controller", activity.controller());
    contact("controllerRepresentative", activity.controllerRepresentative());
    strings("processingCategories", activity.processingCategories());
    transfers(activity.transfers());
    json.writeStringProperty("securityMeasures", activity.securityMeasures());
    json.writeEndObject();
  }

  private void strings(String name, List<String> values) {
    json.writeName(name);
    json.writeStartArray();
    values.forEach(json::writeString);
    json.writeEndArray();
  }

  @Override
  public void end() {
    json.writeEndArray();
    json.writeEndObject();
    json.close();
  }
}

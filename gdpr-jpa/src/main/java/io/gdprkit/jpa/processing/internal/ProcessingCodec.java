package io.gdprkit.jpa.processing.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.jpa.internal.JsonText;
import io.gdprkit.processing.Contact;
import io.gdprkit.processing.ControllerDetails;
import io.gdprkit.processing.ErasureTimeLimit;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.ProcessorActivity;
import io.gdprkit.processing.ThirdCountryTransfer;
import io.gdprkit.processing.TransferSafeguard;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Sensitivity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Writes the records of processing (Art. 30) as the JSON of their rows and reads them back; the one place that names
 * their fields. The id is the row's key, so it is not repeated. Absent fields are left out, and a field this version
 * does not know is skipped.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class ProcessingCodec {

  private ProcessingCodec() {}

  /** Returns the controller's details as JSON. */
  public static String controller(ControllerDetails details) {
    return JsonText.write(json -> {
      json.writeStartObject();
      contact(json, "controller", details.controller());
      list(json, "jointControllers", details.jointControllers(), ProcessingCodec::contact);
      contact(json, "representative", details.representative());
      contact(json, "dpo", details.dpo());
      json.writeEndObject();
    });
  }

  /** Reads controller details written by {@link #controller(ControllerDetails)}. */
  public static ControllerDetails controller(String text) {
    return JsonText.read(text, "controller details", json -> {
      Contact[] contacts = new Contact[3]; // controller, representative, DPO
      List<Contact> joint = new ArrayList<>();
      JsonText.fields(json, name -> {
        switch (name) {
          case "controller" -> contacts[0] = contact(json);
          case "jointControllers" -> joint.addAll(list(json, ProcessingCodec::contact));
          case "representative" -> contacts[1] = contact(json);
          case "dpo" -> contacts[2] = contact(json);
          default -> {
            return false;
          }
        }
        return true;
      });
      return new ControllerDetails(contacts[0], joint, contacts[1], contacts[2]);
    });
  }

  /** Returns an activity of the controller as JSON. */
  public static String activity(ProcessingActivity activity) {
    return JsonText.write(json -> {
      json.writeStartObject();
      json.writeStringProperty("name", activity.name());
      strings(json, "purposes", activity.purposes());
      strings(json, "subjectCategories", activity.subjectCategories());
      list(json, "dataCategories", activity.dataCategories(), (out, category) -> {
        out.writeStartObject();
        out.writeStringProperty("id", category.id());
        out.writeStringProperty("description", category.description());
        out.writeStringProperty("sensitivity", category.sensitivity().name());
        out.writeEndObject();
      });
      strings(json, "recipientCategories", activity.recipientCategories());
      list(json, "transfers", activity.transfers(), ProcessingCodec::transfer);
      list(json, "erasureTimeLimits", activity.erasureTimeLimits(), (out, limit) -> {
        out.writeStartObject();
        out.writeStringProperty("category", limit.category());
        out.writeStringProperty("limit", limit.limit());
        out.writeEndObject();
      });
      JsonText.optional(json, "securityMeasures", activity.securityMeasures());
      json.writeEndObject();
    });
  }

  /** Reads the activity {@code id} written by {@link #activity(ProcessingActivity)}. */
  public static ProcessingActivity activity(String id, String text) {
    return JsonText.read(text, "a processing activity", json -> {
      ProcessingActivity.Builder activity = ProcessingActivity.builder(id, "");
      JsonText.fields(json, name -> {
        switch (name) {
          case "name" -> activity.name(json.getString());
          case "purposes" -> activity.purposes(strings(json));
          case "subjectCategories" -> activity.subjectCategories(strings(json));
          case "dataCategories" -> activity.dataCategories(list(json, ProcessingCodec::dataCategory)
              .toArray(DataCategory[]::new));
          case "recipientCategories" -> activity.recipientCategories(strings(json));
          case "transfers" -> list(json, ProcessingCodec::transfer).forEach(activity::transfer);
          case "erasureTimeLimits" -> activity.erasureTimeLimits(list(json, ProcessingCodec::erasureTimeLimit));
          case "securityMeasures" -> activity.securityMeasures(json.getString());
          default -> {
            return false;
          }
        }
        return true;
      });
      return activity.build();
    });
  }

  /** Returns an activity carried out as a processor as JSON. */
  public static String processorActivity(ProcessorActivity activity) {
    return JsonText.write(json -> {
      json.writeStartObject();
      contact(json, "controller", activity.controller());
      contact(json, "controllerRepresentative", activity.controllerRepresentative());
      strings(json, "processingCategories", activity.processingCategories());
      list(json, "transfers", activity.transfers(), ProcessingCodec::transfer);
      JsonText.optional(json, "securityMeasures", activity.securityMeasures());
      json.writeEndObject();
    });
  }

  /** Reads the processor activity {@code id} written by {@link #processorActivity(ProcessorActivity)}. */
  public static ProcessorActivity processorActivity(String id, String text) {
    return JsonText.read(text, "a processor activity", json -> {
      Contact[] contacts = new Contact[2]; // controller, its representative
      List<String> categories = new ArrayList<>();
      List<ThirdCountryTransfer> transfers = new ArrayList<>();
      String[] security = new String[1];
      JsonText.fields(json, name -> {
        switch (name) {
          case "controller" -> contacts[0] = contact(json);
          case "controllerRepresentative" -> contacts[1] = contact(json);
          case "processingCategories" -> categories.addAll(List.of(strings(json)));
          case "transfers" -> transfers.addAll(list(json, ProcessingCodec::transfer));
          case "securityMeasures" -> security[0] = json.getString();
          default -> {
            return false;
          }
        }
        return true;
      });
      return new ProcessorActivity(id, contacts[0], contacts[1], categories, transfers, security[0]);
    });
  }

  private static void contact(JsonGenerator json, String name, @Nullable Contact contact) {
    if (contact != null) {
      json.writeName(name);
      contact(json, contact);
    }
  }

  private static void contact(JsonGenerator json, Contact contact) {
    json.writeStartObject();
    json.writeStringProperty("name", contact.name());
    json.writeStringProperty("details", contact.details());
    json.writeEndObject();
  }

  private static Contact contact(JsonParser json) {
    String[] fields = new String[2];
    JsonText.fields(json, name -> read(json, name, fields, "name", "details"));
    return new Contact(fields[0], fields[1]);
  }

  private static void transfer(JsonGenerator json, ThirdCountryTransfer transfer) {
    json.writeStartObject();
    json.writeStringProperty("destination", transfer.destination());
    json.writeStringProperty("recipient", transfer.recipient());
    json.writeStringProperty("safeguard", transfer.safeguard().name());
    JsonText.optional(json, "documentation", transfer.documentation());
    json.writeEndObject();
  }

  private static ThirdCountryTransfer transfer(JsonParser json) {
    String[] fields = new String[4];
    JsonText.fields(json, name -> read(json, name, fields, "destination", "recipient", "safeguard", "documentation"));
    return new ThirdCountryTransfer(fields[0], fields[1],
        TransferSafeguard.valueOf(JsonText.required(fields[2], "safeguard")), fields[3]);
  }

  private static DataCategory dataCategory(JsonParser json) {
    String[] fields = new String[3];
    JsonText.fields(json, name -> read(json, name, fields, "id", "description", "sensitivity"));
    return new DataCategory(fields[0], fields[1],
        Sensitivity.valueOf(JsonText.required(fields[2], "sensitivity")));
  }

  private static ErasureTimeLimit erasureTimeLimit(JsonParser json) {
    String[] fields = new String[2];
    JsonText.fields(json, name -> read(json, name, fields, "category", "limit"));
    return new ErasureTimeLimit(fields[0], fields[1]);
  }

  /** Reads a string field into the slot of its name among {@code names}; {@code false} for another name. */
  private static boolean read(JsonParser json, String name, @Nullable String[] fields, String... names) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        fields[i] = json.getString();
        return true;
      }
    }
    return false;
  }

  private static <T> void list(JsonGenerator json, String name, List<T> items, BiConsumer<JsonGenerator, T> item) {
    if (!items.isEmpty()) {
      json.writeName(name);
      json.writeStartArray();
      items.forEach(value -> item.accept(json, value));
      json.writeEndArray();
    }
  }

  private static <T> List<T> list(JsonParser json, Function<JsonParser, T> item) {
    JsonText.expect(json, JsonToken.START_ARRAY);
    List<T> items = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      items.add(item.apply(json));
    }
    return items;
  }

  private static void strings(JsonGenerator json, String name, List<String> values) {
    list(json, name, values, JsonGenerator::writeString);
  }

  private static String[] strings(JsonParser json) {
    return list(json, JsonParser::getString).toArray(String[]::new);
  }


}

package io.gdprkit.jpa.processing.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.jpa.processing.MinimisationReport;
import io.gdprkit.jpa.processing.RegisterDrift;
import io.gdprkit.jpa.processing.StoredData;
import io.gdprkit.processing.ErasureTimeLimit;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.purpose.DataCategory;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the facts derived from the code, the drift of the records and the minimisation report as JSON with Jackson's
 * streaming generator; names categories, stores, fields and ids, never a value of personal data.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class RegisterJson {

  /** Thread-safe and shared; never closes the caller's stream. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private RegisterJson() {}

  /**
   * Writes one document on {@code out} and flushes it.
   *
   * @throws UncheckedIOException if writing fails
   */
  public static void write(OutputStream out, Consumer<JsonGenerator> body) {
    try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      body.accept(json);
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause());
    }
  }

  /** Writes the minimisation report as one object. */
  public static void minimisation(JsonGenerator json, MinimisationReport report) {
    json.writeStartObject();
    json.writeStringProperty("report", "data-minimisation");
    strings(json, "articles", List.of("GDPR Art. 5(1)(c)", "GDPR Art. 25(1)", "GDPR Art. 25(2)"));
    json.writeBooleanProperty("minimal", report.isMinimal());
    json.writeName("unneededCategories");
    json.writeStartArray();
    for (MinimisationReport.UnneededCategory unneeded : report.unneededCategories()) {
      json.writeStartObject();
      category(json, "category", unneeded.category());
      strings(json, "stores", unneeded.stores());
      strings(json, "fields", unneeded.fields());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeName("unstoredCategories");
    json.writeStartArray();
    for (MinimisationReport.UnstoredCategory unstored : report.unstoredCategories()) {
      json.writeStartObject();
      json.writeStringProperty("purpose", unstored.purpose());
      category(json, "category", unstored.category());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** Writes the drift of the records as one object. */
  public static void drift(JsonGenerator json, RegisterDrift drift) {
    json.writeStartObject();
    json.writeBooleanProperty("empty", drift.isEmpty());
    json.writeName("unlistedCategories");
    json.writeStartArray();
    for (RegisterDrift.UnlistedCategory unlisted : drift.unlistedCategories()) {
      json.writeStartObject();
      category(json, "category", unlisted.category());
      strings(json, "stores", unlisted.stores());
      json.writeEndObject();
    }
    json.writeEndArray();
    activityCategories(json, "missingCategories", drift.missingCategories());
    activityCategories(json, "unstoredCategories", drift.unstoredCategories());
    activityCategories(json, "missingTimeLimits", drift.missingTimeLimits());
    json.writeName("undeclaredTransfers");
    json.writeStartArray();
    for (RegisterDrift.UndeclaredTransfer transfer : drift.undeclaredTransfers()) {
      json.writeStartObject();
      json.writeStringProperty("recipient", transfer.recipient());
      json.writeStringProperty("country", transfer.country().value());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** Writes the stores as one array. */
  public static void stores(JsonGenerator json, List<StoredData> stores) {
    json.writeStartArray();
    for (StoredData store : stores) {
      json.writeStartObject();
      json.writeStringProperty("provider", store.provider());
      json.writeStringProperty("store", store.store());
      strings(json, "purposes", store.purposes());
      json.writeName("fields");
      json.writeStartArray();
      for (FieldDescriptor field : store.fields()) {
        json.writeStartObject();
        json.writeStringProperty("name", field.name());
        json.writeStringProperty("category", field.category().id());
        erasure(json, field.erasure());
        json.writeBooleanProperty("encrypted", store.encrypted().contains(field.name()));
        json.writeBooleanProperty("providedBySubject", field.subjectProvided());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** Writes, per activity, its id, data category ids and time limits for erasure: what the code adds to them. */
  public static void activities(JsonGenerator json, List<ProcessingActivity> activities) {
    json.writeStartArray();
    for (ProcessingActivity activity : activities) {
      json.writeStartObject();
      json.writeStringProperty("id", activity.id());
      json.writeName("dataCategories");
      json.writeStartArray();
      activity.dataCategories().forEach(category -> json.writeString(category.id()));
      json.writeEndArray();
      json.writeName("erasureTimeLimits");
      json.writeStartArray();
      for (ErasureTimeLimit limit : activity.erasureTimeLimits()) {
        json.writeStartObject();
        json.writeStringProperty("category", limit.category());
        json.writeStringProperty("limit", limit.limit());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** Writes the strategy's kind, and a retention's obligation and period; never a replacement value. */
  private static void erasure(JsonGenerator json, ErasureStrategy strategy) {
    json.writeName("erasure");
    json.writeStartObject();
    json.writeStringProperty("strategy", kind(strategy));
    if (strategy instanceof ErasureStrategy.Retain retain) {
      json.writeStringProperty("obligation", retain.obligation());
      json.writeStringProperty("period", retain.period().toString());
    }
    json.writeEndObject();
  }

  /** Returns the strategy's kind as a lower-case word with hyphens, such as {@code keep-last-four}. */
  public static String kind(ErasureStrategy strategy) {
    String name = strategy.getClass().getSimpleName();
    StringBuilder kind = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        kind.append('-');
      }
      kind.append(c);
    }
    return kind.toString().toLowerCase(Locale.ROOT);
  }

  private static void activityCategories(JsonGenerator json, String name,
      List<RegisterDrift.ActivityCategory> entries) {
    json.writeName(name);
    json.writeStartArray();
    for (RegisterDrift.ActivityCategory entry : entries) {
      json.writeStartObject();
      json.writeStringProperty("activity", entry.activity());
      json.writeStringProperty("category", entry.category());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void category(JsonGenerator json, String name, DataCategory category) {
    json.writeName(name);
    json.writeStartObject();
    json.writeStringProperty("id", category.id());
    json.writeStringProperty("description", category.description());
    json.writeStringProperty("sensitivity", category.sensitivity().name());
    json.writeEndObject();
  }

  private static void strings(JsonGenerator json, String name, List<String> values) {
    json.writeName(name);
    json.writeStartArray();
    values.forEach(json::writeString);
    json.writeEndArray();
  }
}

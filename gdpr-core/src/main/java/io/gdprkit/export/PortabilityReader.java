package io.gdprkit.export;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.data.DataItem;
import io.gdprkit.data.DataSink;
import io.gdprkit.export.internal.ExportDocument;
import io.gdprkit.export.internal.Values;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Sensitivity;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Reads the data items back out of a JSON export, so that what a subject takes away under Art. 20 can be loaded
 * into another system.
 *
 * <p>It streams: each item goes to the sink as soon as it is read, so memory stays constant whatever the document's
 * size. It reads portability and access exports alike and passes over every section but {@code metadata} and
 * {@code providers}, which must come in the order {@link ExportService} writes them.
 *
 * <p>Values come back as they went in for strings, booleans, numbers of the JDK's {@code Number} types
 * ({@code Integer}, {@code Long}, {@code Double}, {@code Float}, {@code Short}, {@code Byte}, {@code BigInteger},
 * {@code BigDecimal}) and {@code null}: equal, and of the same class. {@code Instant}, {@code LocalDate} and any other
 * type were written as text and come back as that {@code String}; parse them where the field's type is known.
 * {@code collectedAt} comes back as the {@code Instant} it was. Thread-safe: it holds no state.
 *
 * <p>Usage example: <pre>{@code try (InputStream in = Files.newInputStream(file)) { PortabilityReader.read(in, importer::add); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PortabilityReader {

  private PortabilityReader() {}

  /**
   * Reads every data item of the document into the sink, in document order; does not close {@code in}.
   *
   * @param in a JSON export, UTF-8
   * @param sink receives each item; what it throws passes through
   * @return how many items were read
   * @throws NullPointerException if an argument is null
   * @throws PortabilityReadException if the input fails, is not JSON, or is not a gdpr-kit export of format version 1
   */
  public static long read(InputStream in, DataSink sink) {
    Preconditions.notNull(in, "in");
    Preconditions.notNull(sink, "sink");
    try (JsonParser json = ExportDocument.JSON.createParser(ObjectReadContext.empty(), in)) {
      return new Parse(json, sink).document();
    } catch (JacksonIOException e) {
      throw PortabilityReadException.unreadable(e.getCause() != null ? e.getCause() : e);
    } catch (JacksonException e) {
      throw PortabilityReadException.malformed("it is not valid JSON or it is truncated", e);
    }
  }

  /** One pass over one document. */
  private static final class Parse {

    private final JsonParser json;
    private final DataSink sink;
    private @Nullable SubjectId subject;
    private long count;

    Parse(JsonParser json, DataSink sink) {
      this.json = json;
      this.sink = sink;
    }

    long document() {
      expect(json.nextToken() == JsonToken.START_OBJECT, "the document must be a JSON object");
      boolean providersRead = false;
      for (String name = json.nextName(); name != null; name = json.nextName()) {
        if (name.equals(ExportDocument.METADATA)) {
          metadata();
        } else if (name.equals(ExportDocument.PROVIDERS)) {
          expect(subject != null, "metadata must come before providers");
          providers();
          providersRead = true;
        } else {
          skipValue();
        }
      }
      expect(subject != null, "metadata is missing");
      expect(providersRead, "providers are missing");
      return count;
    }

    private void metadata() {
      expect(json.nextToken() == JsonToken.START_OBJECT, "metadata must be an object");
      boolean versionRead = false;
      for (String name = json.nextName(); name != null; name = json.nextName()) {
        if (name.equals(ExportDocument.FORMAT_VERSION_NAME)) {
          expect(json.nextToken() == JsonToken.VALUE_NUMBER_INT
              && json.getIntValue() == ExportDocument.FORMAT_VERSION, "only formatVersion 1 is supported");
          versionRead = true;
        } else if (name.equals(ExportDocument.SUBJECT)) {
          subject();
        } else {
          skipValue();
        }
      }
      expect(versionRead, "metadata lacks formatVersion");
      expect(subject != null, "metadata lacks the subject");
    }

    private void subject() {
      expect(json.nextToken() == JsonToken.START_OBJECT, "the subject must be an object");
      String tenant = null;
      String id = null;
      for (String name = json.nextName(); name != null; name = json.nextName()) {
        if (name.equals(ExportDocument.TENANT)) {
          tenant = string("the subject's tenant");
        } else if (name.equals(ExportDocument.ID)) {
          id = string("the subject's id");
        } else {
          skipValue();
        }
      }
      expect(tenant != null && id != null, "the subject lacks its tenant or id");
      try {
        subject = SubjectId.of(TenantId.of(tenant), id);
      } catch (GdprException e) {
        throw PortabilityReadException.malformed("the subject is invalid: " + e.getMessage());
      }
    }

    private void providers() {
      expect(json.nextToken() == JsonToken.START_ARRAY, "providers must be an array");
      for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
        expect(token == JsonToken.START_OBJECT, "each provider must be an object");
        provider();
      }
    }

    private void provider() {
      String id = null;
      Map<String, DataCategory> categories = new HashMap<>();
      for (String name = json.nextName(); name != null; name = json.nextName()) {
        if (name.equals(ExportDocument.ID)) {
          id = string("a provider's id");
        } else if (name.equals(ExportDocument.CATEGORIES)) {
          expect(json.nextToken() == JsonToken.START_ARRAY, "a provider's categories must be an array");
          for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            expect(token == JsonToken.START_OBJECT, "each category must be an object");
            DataCategory category = category();
            categories.put(category.id(), category);
          }
        } else if (name.equals(ExportDocument.ITEMS)) {
          expect(id != null, "a provider's id must come before its items");
          items(id, categories);
        } else {
          skipValue();
        }
      }
    }

    private void items(String provider, Map<String, DataCategory> categories) {
      expect(json.nextToken() == JsonToken.START_ARRAY, "a provider's items must be an array");
      for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
        expect(token == JsonToken.START_OBJECT, "each item must be an object");
        DataItem item = item(provider, categories);
        sink.accept(item);
        count++;
      }
    }

    private DataItem item(String provider, Map<String, DataCategory> categories) {
      String record = null;
      String field = null;
      DataCategory category = null;
      Object value = null;
      String numberText = null;
      String valueType = null;
      boolean providedBySubject = false;
      Instant collectedAt = null;
      for (String name = json.nextName(); name != null; name = json.nextName()) {
        JsonToken token = json.nextToken();
        switch (name) {
          case ExportDocument.RECORD -> record = string(token, "an item's record");
          case ExportDocument.FIELD -> field = string(token, "an item's field");
          case ExportDocument.CATEGORY -> {
            if (token == JsonToken.START_OBJECT) {
              category = category();
            } else {
              category = categories.get(string(token, "an item's category"));
              expect(category != null, "an item names a category its provider does not declare");
            }
          }
          case ExportDocument.VALUE -> {
            numberText = null;
            switch (token) {
              case VALUE_STRING -> value = json.getString();
              case VALUE_NUMBER_INT -> {
                value = json.getNumberValue();
                numberText = json.getString();
              }
              case VALUE_NUMBER_FLOAT -> {
                value = json.getDoubleValue();
                numberText = json.getString();
              }
              case VALUE_TRUE -> value = Boolean.TRUE;
              case VALUE_FALSE -> value = Boolean.FALSE;
              case VALUE_NULL -> value = null;
              default -> throw PortabilityReadException.malformed(
                  "an item's value must be a string, a number, a boolean or null");
            }
          }
          case ExportDocument.VALUE_TYPE -> valueType = string(token, "an item's valueType");
          case ExportDocument.PROVIDED_BY_SUBJECT -> {
            expect(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE,
                "an item's providedBySubject must be a boolean");
            providedBySubject = token == JsonToken.VALUE_TRUE;
          }
          case ExportDocument.COLLECTED_AT -> collectedAt = token == JsonToken.VALUE_NULL ? null
              : instant(string(token, "an item's collectedAt"));
          default -> json.skipChildren();
        }
      }
      expect(record != null && field != null && category != null, "an item lacks its record, field or category");
      if (valueType != null) {
        String text = numberText != null ? numberText : value instanceof String s ? s : null;
        expect(text != null, "an item's valueType applies only to a number");
        try {
          value = Values.fromHint(valueType, text);
        } catch (IllegalArgumentException e) {
          throw PortabilityReadException.malformed("an item's value does not match its valueType", e);
        }
      }
      try {
        return new DataItem(subject, provider, record, field, category, value, providedBySubject, collectedAt);
      } catch (GdprException e) {
        throw PortabilityReadException.malformed("an item is invalid: " + e.getMessage());
      }
    }

    private DataCategory category() {
      String id = null;
      String description = null;
      String sensitivity = null;
      for (String name = json.nextName(); name != null; name = json.nextName()) {
        if (name.equals(ExportDocument.ID)) {
          id = string("a category's id");
        } else if (name.equals(ExportDocument.DESCRIPTION)) {
          description = string("a category's description");
        } else if (name.equals(ExportDocument.SENSITIVITY)) {
          sensitivity = string("a category's sensitivity");
        } else {
          skipValue();
        }
      }
      expect(id != null && description != null && sensitivity != null,
          "a category lacks its id, description or sensitivity");
      try {
        return DataCategory.of(id, description, Sensitivity.valueOf(sensitivity));
      } catch (GdprException | IllegalArgumentException e) {
        throw PortabilityReadException.malformed("a category is invalid", e);
      }
    }

    private static Instant instant(String text) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw PortabilityReadException.malformed("an item's collectedAt is not an ISO-8601 instant", e);
      }
    }

    private String string(String what) {
      return string(json.nextToken(), what);
    }

    private String string(@Nullable JsonToken token, String what) {
      expect(token == JsonToken.VALUE_STRING, what + " must be a string");
      return json.getString();
    }

    private void skipValue() {
      json.nextToken();
      json.skipChildren();
    }

    private static void expect(boolean condition, String problem) {
      if (!condition) {
        throw PortabilityReadException.malformed(problem);
      }
    }
  }
}

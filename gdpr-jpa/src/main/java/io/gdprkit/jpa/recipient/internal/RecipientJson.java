package io.gdprkit.jpa.recipient.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprStoreException;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Sensitivity;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON text of the nested values the recipient tables keep in one column, since no query looks inside them: a
 * disclosure's data categories, an array of {@code {"id", "description", "sensitivity"}} objects in id order, and a
 * notification's details, an object of strings in key order.
 *
 * <p>Reading accepts exactly what writing produces; anything else means the column was changed behind the store's
 * back and fails with a {@link GdprStoreException} that names the column, never its content.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class RecipientJson {

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private RecipientJson() {}

  /** Returns the categories as a JSON array, in id order. */
  public static String categories(Set<DataCategory> categories) {
    StringWriter out = new StringWriter(64 * categories.size());
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartArray();
      for (DataCategory category : categories.stream().sorted(Comparator.comparing(DataCategory::id)).toList()) {
        json.writeStartObject();
        json.writeStringProperty("id", category.id());
        json.writeStringProperty("description", category.description());
        json.writeStringProperty("sensitivity", category.sensitivity().name());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    return out.toString();
  }

  /**
   * Reads what {@link #categories(Set)} wrote.
   *
   * @throws GdprStoreException if the text is not that
   */
  public static Set<DataCategory> categories(String text) {
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), text)) {
      expect(json.nextToken(), JsonToken.START_ARRAY);
      Set<DataCategory> categories = new HashSet<>();
      for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
        expect(token, JsonToken.START_OBJECT);
        String id = null;
        String description = null;
        String sensitivity = null;
        for (String name = json.nextName(); name != null; name = json.nextName()) {
          String value = string(json);
          switch (name) {
            case "id" -> id = value;
            case "description" -> description = value;
            case "sensitivity" -> sensitivity = value;
            default -> throw new IllegalStateException("an unknown field");
          }
        }
        if (id == null || description == null || sensitivity == null) {
          throw new IllegalStateException("a missing field");
        }
        categories.add(new DataCategory(id, description, Sensitivity.valueOf(sensitivity)));
      }
      expect(json.nextToken(), null);
      return categories;
    } catch (JacksonException | IllegalArgumentException | IllegalStateException e) {
      throw GdprStoreException.of("read the categories column of gdpr_disclosure", e);
    }
  }

  /** Returns the details as a JSON object, in key order. */
  public static String details(Map<String, String> details) {
    StringWriter out = new StringWriter(32 * details.size() + 2);
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      for (Map.Entry<String, String> detail : new java.util.TreeMap<>(details).entrySet()) {
        json.writeStringProperty(detail.getKey(), detail.getValue());
      }
      json.writeEndObject();
    }
    return out.toString();
  }

  /**
   * Reads what {@link #details(Map)} wrote.
   *
   * @throws GdprStoreException if the text is not that
   */
  public static Map<String, String> details(String text) {
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), text)) {
      expect(json.nextToken(), JsonToken.START_OBJECT);
      Map<String, String> details = new LinkedHashMap<>();
      for (String name = json.nextName(); name != null; name = json.nextName()) {
        details.put(name, string(json));
      }
      expect(json.nextToken(), null);
      return details;
    } catch (JacksonException | IllegalStateException e) {
      throw GdprStoreException.of("read the details column of gdpr_notification", e);
    }
  }

  private static String string(JsonParser json) {
    expect(json.nextToken(), JsonToken.VALUE_STRING);
    return json.getString();
  }

  private static void expect(@Nullable JsonToken token, @Nullable JsonToken expected) {
    if (token != expected) {
      throw new IllegalStateException("expected " + expected + " but found " + token);
    }
  }
}

package io.gdprkit.spring.events.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.HashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** The top-level scalar fields of an event payload, read without a data binder. */
@API(status = INTERNAL, since = "0.2")
public final class PayloadFields {

  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final int MAX_PAYLOAD = 65_535;

  private final Map<String, String> fields;

  private PayloadFields(Map<String, String> fields) {
    this.fields = fields;
  }

  /**
   * Reads the payload's top-level strings, numbers and booleans and those of objects one level down; arrays are
   * skipped.
   *
   * @throws IllegalArgumentException if the payload is not one JSON object
   */
  public static PayloadFields of(String payload) {
    if (payload.length() > MAX_PAYLOAD) {
      throw new IllegalArgumentException("the payload is longer than " + MAX_PAYLOAD + " characters");
    }
    Map<String, String> fields = new HashMap<>();
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), payload)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("the payload is not a JSON object");
      }
      JsonToken token;
      while ((token = json.nextToken()) == JsonToken.PROPERTY_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if (value == JsonToken.START_OBJECT) {
          nested(json, name, fields);
        } else if (value == JsonToken.START_ARRAY) {
          json.skipChildren();
        } else if (value != JsonToken.VALUE_NULL) {
          fields.put(name, json.getString());
        }
      }
      if (token != JsonToken.END_OBJECT || json.nextToken() != null) {
        throw new IllegalArgumentException("the payload is not one JSON object");
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException("the payload is not valid JSON: " + e.getOriginalMessage());
    }
    return new PayloadFields(fields);
  }

  /** Reads the scalars of a nested object as {@code name.field}; deeper values are skipped. */
  private static void nested(JsonParser json, String name, Map<String, String> fields) {
    while (json.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
        json.skipChildren();
      } else if (value != JsonToken.VALUE_NULL) {
        fields.put(name + "." + field, json.getString());
      }
    }
  }

  /** Returns the field, or {@code null} when absent; a nested object's field is named {@code object.field}. */
  public @Nullable String get(String name) {
    return fields.get(name);
  }

  /**
   * Returns the field.
   *
   * @throws IllegalArgumentException if absent
   */
  public String require(String name) {
    String value = fields.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the payload has no " + name);
    }
    return value;
  }
}

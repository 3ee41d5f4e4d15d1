package io.gdprkit.receipt.internal;

import io.gdprkit.receipt.InvalidReceiptException;
import io.gdprkit.receipt.InvalidReceiptException.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Reads JSON into plain values (objects as insertion-ordered maps, arrays as lists, strings, longs and booleans) and
 * takes typed fields out of them, failing with an {@link InvalidReceiptException} that names the field, never its
 * value.
 *
 * <p>Receipts are small and bounded, so a tree is simpler than streaming here; floats and nulls never occur in what
 * the kit writes, so they are refused.
 */
final class JsonValues {

  /** Shared and thread-safe; refuses duplicate names and leaves {@code /} unescaped so IRIs stay readable. */
  static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
      .build();

  private static final int MAX_DEPTH = 8;

  private JsonValues() {}

  /** Parses one JSON object that must fill {@code bytes} completely. */
  static Map<String, Object> parseObject(byte[] bytes, Reason reason, String what) {
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), bytes)) {
      JsonToken first = json.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw InvalidReceiptException.of(reason, what + " must be a JSON object");
      }
      Map<String, Object> object = readObject(json, reason, what, 1);
      if (json.nextToken() != null) {
        throw InvalidReceiptException.of(reason, what + " has content after its JSON object");
      }
      return object;
    } catch (JacksonException e) {
      throw InvalidReceiptException.of(reason, what + " is not valid JSON");
    }
  }

  private static Map<String, Object> readObject(JsonParser json, Reason reason, String what, int depth) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
      String name = json.currentName();
      object.put(name, readValue(json, json.nextToken(), reason, what, depth));
    }
    return object;
  }

  private static Object readValue(JsonParser json, JsonToken token, Reason reason, String what, int depth) {
    if (depth > MAX_DEPTH) {
      throw InvalidReceiptException.of(reason, what + " nests too deeply");
    }
    return switch (token) {
      case START_OBJECT -> readObject(json, reason, what, depth + 1);
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken next = json.nextToken(); next != JsonToken.END_ARRAY; next = json.nextToken()) {
          list.add(readValue(json, next, reason, what, depth + 1));
        }
        yield list;
      }
      case VALUE_STRING -> json.getString();
      case VALUE_NUMBER_INT -> json.getLongValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> throw InvalidReceiptException.of(reason, what + " holds a null or a fraction, which receipts never do");
    };
  }

  /**
   * Takes the fields of one JSON object; {@link #done()} fails when the object holds a field nobody took.
   */
  static final class Fields {

    private final Map<String, Object> object;
    private final String where;
    private int taken;

    Fields(Map<String, Object> object, String where) {
      this.object = object;
      this.where = where;
    }

    static Fields of(Object value, String where) {
      if (!(value instanceof Map<?, ?> map)) {
        throw content(where + " must be an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      return new Fields(object, where);
    }

    private Object required(String name) {
      Object value = object.get(name);
      if (value == null) {
        throw content(where + name + " is missing");
      }
      taken++;
      return value;
    }

    String string(String name) {
      if (required(name) instanceof String text) {
        return text;
      }
      throw content(where + name + " must be a string");
    }

    @Nullable String optionalString(String name) {
      return object.containsKey(name) ? string(name) : null;
    }

    boolean bool(String name) {
      if (required(name) instanceof Boolean flag) {
        return flag;
      }
      throw content(where + name + " must be true or false");
    }

    long number(String name) {
      if (required(name) instanceof Long number) {
        return number;
      }
      throw content(where + name + " must be an integer");
    }

    Fields object(String name) {
      return Fields.of(required(name), where + name + ".");
    }

    List<Object> list(String name) {
      if (required(name) instanceof List<?> list) {
        return List.copyOf(list);
      }
      throw content(where + name + " must be an array");
    }

    List<String> strings(String name) {
      List<String> strings = new ArrayList<>();
      for (Object item : list(name)) {
        if (!(item instanceof String text)) {
          throw content(where + name + " must hold only strings");
        }
        strings.add(text);
      }
      return strings;
    }

    @Nullable List<String> optionalStrings(String name) {
      return object.containsKey(name) ? strings(name) : null;
    }

    void done() {
      if (taken != object.size()) {
        throw content(where.isEmpty() ? "the receipt holds an unknown field" : where + " holds an unknown field");
      }
    }
  }

  static InvalidReceiptException content(String detail) {
    return InvalidReceiptException.of(Reason.INVALID_CONTENT, detail);
  }
}

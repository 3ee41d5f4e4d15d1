package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprStoreException;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Sensitivity;
import io.gdprkit.subject.Actor;
import java.io.StringWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
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
 * The JSON the stores keep in a column for the nested parts of a value that no query looks into: written with a
 * Jackson streaming generator, read back with its parser into a small tree whose typed getters fail with a
 * {@link GdprStoreException} that names the field, never its value.
 *
 * <p>Optional values are left out when absent; instants are ISO 8601 in UTC with every digit of the instant, so a
 * value reads back equal to the one written.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class Json {

  /**
   * The longest JSON a column holds, in characters, as the mapping declares it (the longest {@code varchar} of
   * Hibernate's H2 dialect): H2's column holds this many characters, PostgreSQL's {@code text} and MariaDB's
   * {@code mediumtext} (16 MiB) more.
   */
  public static final int MAX_LENGTH = 1_048_576;

  /** Shared and thread-safe; refuses a name given twice in one object. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private Json() {}

  /** Returns the JSON that {@code body} writes on a new generator. */
  public static String write(Consumer<JsonGenerator> body) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      body.accept(json);
    }
    return out.toString();
  }

  /**
   * Parses one stored JSON object.
   *
   * @param what what the column holds, such as "erasure job", for the message of a failure
   * @throws GdprStoreException if the text is not one JSON object
   */
  public static Obj parse(String text, String what) {
    try (JsonParser json = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw corrupt(what, "is not a JSON object");
      }
      Obj object = new Obj(readObject(json), what);
      if (json.nextToken() != null) {
        throw corrupt(what, "has content after its JSON object");
      }
      return object;
    } catch (JacksonException e) {
      throw GdprStoreException.of("read a stored " + what, e);
    }
  }

  private static Map<String, @Nullable Object> readObject(JsonParser json) {
    Map<String, @Nullable Object> object = new HashMap<>();
    for (String name = json.nextName(); name != null; name = json.nextName()) {
      object.put(name, readValue(json, json.nextToken()));
    }
    return object;
  }

  private static @Nullable Object readValue(JsonParser json, JsonToken token) {
    return switch (token) {
      case START_OBJECT -> readObject(json);
      case START_ARRAY -> {
        List<@Nullable Object> list = new ArrayList<>();
        for (JsonToken next = json.nextToken(); next != JsonToken.END_ARRAY; next = json.nextToken()) {
          list.add(readValue(json, next));
        }
        yield list;
      }
      case VALUE_STRING -> json.getString();
      case VALUE_NUMBER_INT -> json.getLongValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IllegalStateException("the stores write no " + token + " in JSON");
    };
  }

  /** Writes a string property unless the value is absent. */
  public static void string(JsonGenerator json, String name, @Nullable String value) {
    if (value != null) {
      json.writeStringProperty(name, value);
    }
  }

  /** Writes an instant property, as ISO 8601 in UTC, unless the value is absent. */
  public static void instant(JsonGenerator json, String name, @Nullable Instant value) {
    if (value != null) {
      json.writeStringProperty(name, value.toString());
    }
  }

  /** Writes an enum property by its constant's name, unless the value is absent. */
  public static void constant(JsonGenerator json, String name, @Nullable Enum<?> value) {
    if (value != null) {
      json.writeStringProperty(name, value.name());
    }
  }

  /** Writes an array of strings, in the order given. */
  public static void strings(JsonGenerator json, String name, Collection<String> values) {
    json.writeArrayPropertyStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  /** Writes an array of objects, each written by {@code item}, in the order given. */
  public static <T> void objects(JsonGenerator json, String name, Collection<T> values, Consumer<T> item) {
    json.writeArrayPropertyStart(name);
    for (T value : values) {
      json.writeStartObject();
      item.accept(value);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** Writes an actor as {@code {"type":"STAFF","id":"dpo-1"}}. */
  public static void actor(JsonGenerator json, String name, Actor actor) {
    json.writeObjectPropertyStart(name);
    json.writeStringProperty("type", actor.type().name());
    string(json, "id", actor.id());
    json.writeEndObject();
  }

  /**
   * Writes data categories whole (id, description, sensitivity), so a category the host declared reads back equal;
   * a list in its order, a set in the order of ids.
   */
  public static void categories(JsonGenerator json, String name, Collection<DataCategory> categories) {
    Collection<DataCategory> ordered = categories instanceof List<DataCategory> list ? list
        : categories.stream().sorted(Comparator.comparing(DataCategory::id)).toList();
    objects(json, name, ordered, category -> {
      json.writeStringProperty("id", category.id());
      json.writeStringProperty("description", category.description());
      json.writeStringProperty("sensitivity", category.sensitivity().name());
    });
  }

  private static GdprStoreException corrupt(String what, String problem) {
    return GdprStoreException.of("read a stored " + what, new IllegalStateException("the stored JSON " + problem));
  }

  /**
   * One parsed JSON object, with getters that fail, naming the field, when it is missing or of another type.
   *
   * @since 0.2
   */
  @API(status = INTERNAL, since = "0.2")
  public static final class Obj {

    private final Map<String, @Nullable Object> fields;
    private final String what;

    Obj(Map<String, @Nullable Object> fields, String what) {
      this.fields = fields;
      this.what = what;
    }

    private <T> T required(String name, Class<T> type) {
      T value = optional(name, type);
      if (value == null) {
        throw corrupt(what, "misses " + name);
      }
      return value;
    }

    private <T> @Nullable T optional(String name, Class<T> type) {
      Object value = fields.get(name);
      if (value == null) {
        return null;
      }
      if (!type.isInstance(value)) {
        throw corrupt(what, "holds " + name + " of the wrong type");
      }
      return type.cast(value);
    }

    /** Returns a required string. */
    public String string(String name) {
      return required(name, String.class);
    }

    /** Returns a string, or {@code null} when absent. */
    public @Nullable String optionalString(String name) {
      return optional(name, String.class);
    }

    /** Returns a required integer. */
    public long number(String name) {
      return required(name, Long.class);
    }

    /** Returns a required integer that fits an {@code int}. */
    public int integer(String name) {
      long value = number(name);
      if (value != (int) value) {
        throw corrupt(what, "holds " + name + " out of range");
      }
      return (int) value;
    }

    /** Returns an integer, or {@code null} when absent. */
    public @Nullable Long optionalNumber(String name) {
      return optional(name, Long.class);
    }

    /** Returns a required boolean. */
    public boolean bool(String name) {
      return required(name, Boolean.class);
    }

    /** Returns a required instant. */
    public Instant instant(String name) {
      return parsed(name, string(name), Instant::parse);
    }

    /** Returns an instant, or {@code null} when absent. */
    public @Nullable Instant optionalInstant(String name) {
      String text = optionalString(name);
      return text == null ? null : parsed(name, text, Instant::parse);
    }

    /** Returns a required UUID. */
    public UUID uuid(String name) {
      return parsed(name, string(name), UUID::fromString);
    }

    /** Returns a UUID, or {@code null} when absent. */
    public @Nullable UUID optionalUuid(String name) {
      String text = optionalString(name);
      return text == null ? null : parsed(name, text, UUID::fromString);
    }

    /** Returns a required enum constant, stored by name. */
    public <E extends Enum<E>> E constant(String name, Class<E> type) {
      return parsed(name, string(name), text -> Enum.valueOf(type, text));
    }

    /** Returns an enum constant, or {@code null} when absent. */
    public <E extends Enum<E>> @Nullable E optionalConstant(String name, Class<E> type) {
      String text = optionalString(name);
      return text == null ? null : parsed(name, text, value -> Enum.valueOf(type, value));
    }

    /** Returns a required nested object. */
    @SuppressWarnings("unchecked")
    public Obj object(String name) {
      return new Obj(required(name, Map.class), what);
    }

    /** Returns a nested object, or {@code null} when absent. */
    @SuppressWarnings("unchecked")
    public @Nullable Obj optionalObject(String name) {
      Map<String, @Nullable Object> value = optional(name, Map.class);
      return value == null ? null : new Obj(value, what);
    }

    /** Returns each object of a required array, read by {@code item}, in order. */
    public <T> List<T> objects(String name, Function<Obj, T> item) {
      List<T> values = new ArrayList<>();
      for (Object value : required(name, List.class)) {
        if (!(value instanceof Map<?, ?> map)) {
          throw corrupt(what, "holds an item of " + name + " that is not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> fieldsOfItem = (Map<String, @Nullable Object>) map;
        values.add(item.apply(new Obj(fieldsOfItem, what)));
      }
      return values;
    }

    /** Returns each string of a required array, read by {@code item}, in order. */
    public <T> List<T> strings(String name, Function<String, T> item) {
      List<T> values = new ArrayList<>();
      for (Object value : required(name, List.class)) {
        if (!(value instanceof String text)) {
          throw corrupt(what, "holds an item of " + name + " that is not a string");
        }
        values.add(parsed(name, text, item));
      }
      return values;
    }

    /** Returns a required actor. */
    public Actor actor(String name) {
      Obj actor = object(name);
      return new Actor(actor.constant("type", Actor.Type.class), actor.optionalString("id"));
    }

    /** Returns the data categories of a required array, in order. */
    public List<DataCategory> categories(String name) {
      return objects(name, category -> new DataCategory(category.string("id"), category.string("description"),
          category.constant("sensitivity", Sensitivity.class)));
    }

    /** Returns the failure to throw when the field holds a value this version cannot read. */
    public GdprStoreException invalid(String name) {
      return corrupt(what, "holds " + name + " in a form it cannot read");
    }

    private <T> T parsed(String name, String text, Function<String, T> parser) {
      try {
        return parser.apply(text);
      } catch (IllegalArgumentException | DateTimeException e) {
        throw invalid(name);
      }
    }
  }
}

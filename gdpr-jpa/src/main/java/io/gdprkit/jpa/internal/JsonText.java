package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprStoreException;
import java.io.StringWriter;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The compact JSON text the stores keep in a column where a value has parts no query looks at (a consent proof, a
 * snapshot, a record of processing): written and read with Jackson's streaming API, as gdpr-core does, with no white
 * space and absent fields left out.
 *
 * <p>Readers skip a field they do not know, so that a row written by a later version of the kit stays readable after
 * the kit is rolled back; the codecs name each field once, in one class per feature.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class JsonText {

  /** The most characters a JSON column holds; the scripts declare them as large text. */
  public static final int MAX_LENGTH = 1_048_576;

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JsonText() {}

  /** Returns the text {@code body} writes. */
  public static String write(Consumer<JsonGenerator> body) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      body.accept(json);
    }
    return out.toString();
  }

  /**
   * Parses {@code text} with {@code body}, which reads one value starting at the parser's first token.
   *
   * @param what what the text holds, for the message of a failure
   * @throws GdprStoreException if the text is not what {@code body} reads: the row was damaged or not written by the
   *     kit; the message names {@code what}, never the text
   */
  public static <T> T read(String text, String what, Function<JsonParser, T> body) {
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), text)) {
      json.nextToken();
      T value = body.apply(json);
      if (json.nextToken() != null) {
        throw new IllegalStateException(what + " has content after its value");
      }
      return value;
    } catch (RuntimeException e) {
      // JacksonException, or a value the records refuse (InvalidInputException): either way not what the kit wrote
      throw GdprStoreException.of("read " + what, e);
    }
  }

  /**
   * Calls {@code field} with each name of the object the parser is at, the parser on the name's value; {@code field}
   * reads the value, or returns {@code false} to have it skipped.
   */
  public static void fields(JsonParser json, FieldReader field) {
    expect(json, JsonToken.START_OBJECT);
    for (String name = json.nextName(); name != null; name = json.nextName()) {
      json.nextToken();
      if (!field.read(name)) {
        json.skipChildren(); // written by a later version of the kit
      }
    }
  }

  /** Fails unless the parser is at {@code token}. */
  public static void expect(JsonParser json, JsonToken token) {
    if (json.currentToken() != token) {
      throw new IllegalStateException("expected " + token + " but found " + json.currentToken());
    }
  }

  /** Writes a string field unless {@code value} is {@code null}: absent fields are left out. */
  public static void optional(JsonGenerator json, String name, @Nullable String value) {
    if (value != null) {
      json.writeStringProperty(name, value);
    }
  }

  /** Returns {@code value}, failing when a field every row has is missing. */
  public static String required(@Nullable String value, String name) {
    if (value == null) {
      throw new IllegalStateException(name + " is missing");
    }
    return value;
  }

  /** Reads the value of one field of an object. */
  @FunctionalInterface
  public interface FieldReader {
    /** Reads the value of field {@code name}; returns {@code false} for a name it does not know. */
    boolean read(String name);
  }
}

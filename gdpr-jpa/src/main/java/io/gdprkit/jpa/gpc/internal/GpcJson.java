package io.gdprkit.jpa.gpc.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprStoreException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON text of a signal record's purpose lists (what it withdrew, what it objected to), kept in one column each
 * since no query looks inside them: an array of strings, in the record's order.
 *
 * <p>Reading accepts exactly what writing produces; anything else fails with a {@link GdprStoreException} that names
 * the column, never its content.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class GpcJson {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private GpcJson() {}

  /** Returns the purposes as a JSON array of strings, in order. */
  public static String purposes(List<String> purposes) {
    StringWriter out = new StringWriter(2 + 24 * purposes.size());
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartArray();
      for (String purpose : purposes) {
        json.writeString(purpose);
      }
      json.writeEndArray();
    }
    return out.toString();
  }

  /**
   * Reads what {@link #purposes(List)} wrote.
   *
   * @param column the column it came from, for the error
   * @throws GdprStoreException if the text is not that
   */
  public static List<String> purposes(String text, String column) {
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), text)) {
      if (json.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalStateException("not an array");
      }
      List<String> purposes = new ArrayList<>();
      for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
        if (token != JsonToken.VALUE_STRING) {
          throw new IllegalStateException("an item that is not a string");
        }
        purposes.add(json.getString());
      }
      if (json.nextToken() != null) {
        throw new IllegalStateException("content after the array");
      }
      return List.copyOf(purposes);
    } catch (JacksonException | IllegalStateException e) {
      throw GdprStoreException.of("read the " + column + " column of gdpr_gpc_signal", e);
    }
  }
}

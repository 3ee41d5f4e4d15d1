package io.gdprkit.spring.selfservice;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the body of a preference change: one JSON object from topic id to {@code true} (subscribe) or {@code false}
 * (unsubscribe), such as {@code {"newsletter": false}}. Anything else is refused whole, before any change is made.
 */
final class PreferenceChanges {

  /** At most this many topics in one change; a kit with more topics takes several requests. */
  static final int MAX_TOPICS = 64;

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private PreferenceChanges() {}

  /**
   * Parses the body.
   *
   * @throws SelfServiceProblem if it is not one JSON object of at most {@value #MAX_TOPICS} booleans
   */
  static Map<String, Boolean> parse(byte[] body) {
    Map<String, Boolean> changes = new LinkedHashMap<>();
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), body)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw malformed();
      }
      for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
        String topic = json.currentName();
        JsonToken value = json.nextToken();
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
          throw malformed();
        }
        changes.put(topic, value == JsonToken.VALUE_TRUE);
        if (changes.size() > MAX_TOPICS) {
          throw malformed();
        }
      }
      if (json.nextToken() != null) {
        throw malformed();
      }
    } catch (JacksonException e) {
      throw malformed();
    }
    return changes;
  }

  private static SelfServiceProblem malformed() {
    return SelfServiceProblem.malformed("The body must be one JSON object from topic id to true or false, with at most "
        + MAX_TOPICS + " topics, such as {\"newsletter\": false}.");
  }
}

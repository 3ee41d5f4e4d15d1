package io.gdprkit.jpa.outbox.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.event.GdprEvent;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apiguardian.api.API;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes an event record as a JSON object, component by component, with every {@link SubjectId} replaced by its
 * pseudonym: events carry ids, purposes and states, never personal data, and a published payload must not even carry
 * the host's subject key, which a consumer outside the controller could join to other data.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class EventPayloads {

  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final int MAX_DEPTH = 8;

  private final Function<SubjectId, String> pseudonyms;

  /** Creates the writer; {@code pseudonyms} names a subject in a payload. */
  public EventPayloads(Function<SubjectId, String> pseudonyms) {
    this.pseudonyms = Preconditions.notNull(pseudonyms, "pseudonyms");
  }

  /** Returns the event as a JSON object. */
  public String json(GdprEvent event) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      value(json, event, 0);
    }
    return out.toString();
  }

  private void value(JsonGenerator json, Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("an event nests values deeper than " + MAX_DEPTH);
    }
    if (value instanceof SubjectId subject) {
      json.writeString(pseudonyms.apply(subject));
    } else if (value instanceof TenantId tenant) {
      json.writeString(tenant.value());
    } else if (value instanceof String || value instanceof UUID || value instanceof Enum<?>
        || value instanceof TemporalAccessor || value instanceof java.time.temporal.TemporalAmount
        || value instanceof java.net.URI) {
      json.writeString(value instanceof Enum<?> e ? e.name() : value.toString());
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Boolean flag) {
      json.writeBoolean(flag);
    } else if (value instanceof Collection<?> items) {
      json.writeStartArray();
      for (Object item : items) {
        nullable(json, item, depth + 1);
      }
      json.writeEndArray();
    } else if (value instanceof Map<?, ?> entries) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : entries.entrySet()) {
        json.writeName(String.valueOf(entry.getKey()));
        nullable(json, entry.getValue(), depth + 1);
      }
      json.writeEndObject();
    } else if (value.getClass().isRecord()) {
      record(json, (Record) value, depth);
    } else {
      throw new IllegalStateException("an event holds a value of type " + value.getClass().getName()
          + " that has no JSON form; events hold records, ids, strings, numbers, instants and enums");
    }
  }

  private void nullable(JsonGenerator json, Object value, int depth) {
    if (value == null) {
      json.writeNull();
    } else {
      value(json, value, depth);
    }
  }

  private void record(JsonGenerator json, Record record, int depth) {
    json.writeStartObject();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component.getName() + " of an event", e);
      }
      if (value != null) {
        json.writeName(component.getName());
        value(json, value, depth + 1);
      }
    }
    json.writeEndObject();
  }
}

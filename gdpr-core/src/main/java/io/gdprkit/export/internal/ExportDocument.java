package io.gdprkit.export.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * The names of the JSON export document, shared by its writer and {@link io.gdprkit.export.PortabilityReader}, and
 * the one Jackson factory both use.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class ExportDocument {

  /** The version of the document's layout, written in its metadata. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Thread-safe and shared, so its buffer recyclers serve every export. Never closes the caller's stream, never
   * completes a truncated document on close, and leaves {@code /} unescaped so IRIs stay readable.
   */
  public static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
      .build();

  public static final String METADATA = "metadata";
  public static final String FORMAT_VERSION_NAME = "formatVersion";
  public static final String KIND = "kind";
  public static final String ARTICLE = "article";
  public static final String SUBJECT = "subject";
  public static final String TENANT = "tenant";
  public static final String ID = "id";
  public static final String GENERATED_AT = "generatedAt";

  public static final String PROVIDERS = "providers";
  public static final String DESCRIPTION = "description";
  public static final String CATEGORIES = "categories";
  public static final String SENSITIVITY = "sensitivity";
  public static final String ITEMS = "items";

  public static final String RECORD = "record";
  public static final String FIELD = "field";
  public static final String CATEGORY = "category";
  public static final String VALUE = "value";
  public static final String VALUE_TYPE = "valueType";
  public static final String PROVIDED_BY_SUBJECT = "providedBySubject";
  public static final String COLLECTED_AT = "collectedAt";

  private ExportDocument() {}
}

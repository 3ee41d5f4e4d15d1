package io.gdprkit.receipt;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Kantara Consent Receipt v1.1 JSON schema as published (test resource {@code kantara/}, see its SOURCE.md),
 * checked with networknt's JSON-schema validator under draft-04, the draft the schema names.
 */
final class KantaraSchema {

  static final String RESOURCE = "/kantara/kantara-consent-receipt-v1_1-schema.json";

  private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
      .getSchema(published(), InputFormat.JSON);

  private KantaraSchema() {}

  /** Returns the published text without its two whole-line {@code //} comments, which JSON does not allow. */
  static String published() {
    try (InputStream in = KantaraSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(line -> !line.strip().startsWith("//")).collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns what the schema finds wrong with a JSON document, as "location: message", empty when it validates. */
  static List<String> errors(String json) {
    return SCHEMA.validate(json, InputFormat.JSON).stream()
        .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
  }

  /** Returns the JSON payload of a receipt's compact JWS. */
  static String payload(String jws) {
    return new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);
  }
}

package io.gdprkit.receipt.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/** DPV's legal-basis-to-rights table, as kept in the test resource {@code dpv/} (see its SOURCE.md). */
public final class RightsMapping {

  private static final String RESOURCE = "/dpv/eu-gdpr-legal-basis-rights-mapping.csv";

  private RightsMapping() {}

  /** Returns the right IRIs DPV maps to a basis such as {@code eu-gdpr:A6-1-a}, in article order. */
  public static List<String> rights(String basis) {
    try (InputStream in = RightsMapping.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
          .map(line -> line.split(","))
          .filter(row -> row[0].equals(basis))
          .map(row -> row[3])
          .sorted(Comparator.comparingInt(RightsMapping::article).thenComparingInt(RightsMapping::paragraph))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int article(String iri) {
    String right = iri.substring(iri.indexOf("#A") + 2);
    return Integer.parseInt(right.split("-")[0]);
  }

  private static int paragraph(String iri) {
    String[] parts = iri.substring(iri.indexOf("#A") + 2).split("-");
    return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
  }
}

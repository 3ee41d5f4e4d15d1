package io.gdprkit.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exports a subject whose data is larger than the heap: 100,000 items of 1,000 characters each, about 110 MB of
 * output, under {@code -Xmx64m}.
 *
 * <p>Only streaming gets through: buffering the document or the items would run out of memory. The provider makes
 * its items up as it goes and every value is one shared string, so nothing but the export itself could hold memory.
 * A separate surefire execution in gdpr-core's pom runs this class alone with {@code -Xmx64m}; the default execution
 * leaves it out.
 */
class ConstantMemoryExportTests {

  static final int ITEMS = 100_000;
  static final String VALUE = "x".repeat(1_000);
  static final long MAX_HEAP = 64L * 1024 * 1024;

  private final SubjectId alice = SubjectId.of("contact-42");

  @Test
  void runsUnderASixtyFourMegabyteHeap() {
    long maxHeap = Runtime.getRuntime().maxMemory();

    assertThat(maxHeap).isLessThanOrEqualTo(MAX_HEAP);
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void streamsAnAccessExportLargerThanTheHeap(ExportFormat format) {
    GeneratedItemsProvider provider = new GeneratedItemsProvider("bulk", ITEMS, VALUE);
    GdprKit gdpr = kit(provider);
    long expectedBytes = expectedBytes(format, ExportKind.ACCESS, ITEMS);
    CountingOutputStream out = new CountingOutputStream();

    gdpr.exports().write(alice, format, out);

    assertThat(provider.generated()).isEqualTo(ITEMS);
    assertThat(out.count).isEqualTo(expectedBytes).isGreaterThan(ITEMS * (long) VALUE.length()).isGreaterThan(MAX_HEAP);
  }

  @Test
  void streamsAPortabilityExportLargerThanTheHeap() {
    GeneratedItemsProvider provider = new GeneratedItemsProvider("bulk", ITEMS, VALUE);
    GdprKit gdpr = kit(provider);
    long expectedBytes = expectedBytes(ExportFormat.JSON, ExportKind.PORTABILITY, ITEMS);
    CountingOutputStream out = new CountingOutputStream();

    gdpr.exports().write(alice, ExportKind.PORTABILITY, ExportFormat.JSON, out);

    assertThat(provider.generated()).isEqualTo(ITEMS);
    assertThat(out.count).isEqualTo(expectedBytes).isGreaterThan(MAX_HEAP);
  }

  /**
   * Extrapolates the size of an export from the sizes for 4 and 8 items: on a fixed clock, every further group of 4
   * items (one record) adds the same bytes.
   */
  private long expectedBytes(ExportFormat format, ExportKind kind, int items) {
    long four = size(format, kind, 4);
    long eight = size(format, kind, 8);
    long perRecord = eight - four;
    return four + (items / 4 - 1) * perRecord;
  }

  /** Returns the size of the export of a subject with this many generated items. */
  private long size(ExportFormat format, ExportKind kind, int items) {
    CountingOutputStream out = new CountingOutputStream();
    kit(new GeneratedItemsProvider("bulk", items, VALUE)).exports().write(alice, kind, format, out);
    return out.count;
  }

  private static GdprKit kit(GeneratedItemsProvider provider) {
    return GdprKit.builder()
        .clock(java.time.Clock.fixed(java.time.Instant.parse("2026-11-23T10:00:00Z"), java.time.ZoneOffset.UTC))
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News").withDataCategories(DataCategory.CONTACT_DETAILS))
        .personalData(provider)
        .build();
  }

  /** Counts bytes and keeps none. */
  static final class CountingOutputStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}

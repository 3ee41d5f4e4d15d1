package io.gdprkit.benchmarks;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.data.DataItem;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.export.ExportFormat;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.SubjectId;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON access export of one subject with 100,000 data items, against a bare Jackson generator writing the same
 * items, to see what the export's structure and checks cost.
 *
 * <p>25,000 contact records of four fields (e-mail, phone, street with a non-ASCII character, city), all strings,
 * held in one array by a provider that hands them to the sink in a loop. {@code collectedAt} is either shared by a
 * record's four items ({@code per-record}, as when a provider reads rows) or different for every item
 * ({@code per-item}, the worst case for the export, which formats an instant once per run of equal ones). {@code gdprKitJson} runs
 * {@code gdpr.exports().write(subject, ExportFormat.JSON, out)}: metadata, the provider's items, then purposes, one
 * consent with its proof, two source tags and the retention section. {@code bareJackson} is what a host would write
 * by hand: a {@code JsonGenerator} from a default {@code JsonFactory} writing each item's {@code record},
 * {@code field}, {@code category}, {@code value}, {@code providedBySubject} and {@code collectedAt} into one array.
 * Both write to a stream that only counts bytes, so the figures are encoding and nothing else.
 *
 * <p>Scores are exports per second; the {@code bytes} line is bytes per second, so MB/s is that score / 10⁶. Target:
 * {@code gdprKitJson} at 0.8× the MB/s of {@code bareJackson} or better. {@code -prof gc} adds
 * {@code gc.alloc.rate.norm}, bytes allocated per export.
 *
 * <p>Run: <pre>{@code
 * ./mvnw -q package -pl gdpr-benchmarks -am -DskipTests
 * java -jar gdpr-benchmarks/target/benchmarks.jar ExportBenchmark -f 1 -wi 3 -i 5 -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ExportBenchmark {

  static final int ITEMS = 100_000;
  static final String PROVIDER = "contacts";
  static final String[] FIELDS = {"email", "phone", "street", "city"};

  /** The same 100,000 items, once in a kit's provider and once as an array for the bare generator. */
  @State(Scope.Benchmark)
  public static class Items {
    /**
     * Whether the four fields of a record share their {@code collectedAt}, as rows of one record do, or every item
     * has its own: the export formats an instant once per run of equal ones, the bare generator every time.
     */
    @Param({"per-record", "per-item"})
    String collectedAt;

    DataItem[] items;
    GdprKit gdpr;
    SubjectId subject;
    JsonFactory jackson;

    @Setup(Level.Trial)
    public void setUp() {
      subject = SubjectId.of("contact-42");
      items = new DataItem[ITEMS];
      Instant start = Instant.parse("2026-01-02T03:04:05Z");
      for (int i = 0; i < ITEMS; i++) {
        int record = i / FIELDS.length;
        String field = FIELDS[i % FIELDS.length];
        String value = switch (field) {
          case "email" -> "person" + record + "@example.com";
          case "phone" -> "+49 30 " + (1_000_000 + record);
          case "street" -> "Hauptstraße " + (record % 300 + 1);
          default -> "Berlin";
        };
        items[i] = new DataItem(subject, PROVIDER, "c-" + record, field, DataCategory.CONTACT_DETAILS, value, true,
            collectedAt.equals("per-item") ? start.plusMillis(i) : start.plusSeconds(record));
      }
      gdpr = GdprKit.builder()
          .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter")
              .withDataCategories(DataCategory.CONTACT_DETAILS))
          .personalData(new ArrayProvider(items))
          .build();
      gdpr.consents().grant(subject, "newsletter", ConsentProof.webForm("signup", "v3").ip("203.0.113.7").build());
      gdpr.sources().tag(subject, Origin.thirdParty("Acme Leads Ltd"));
      jackson = new JsonFactory();
    }
  }

  /** A provider that hands over items it already holds, so the benchmark measures the export, not the provider. */
  static final class ArrayProvider implements PersonalDataProvider {
    private final DataItem[] items;

    ArrayProvider(DataItem[] items) {
      this.items = items;
    }

    @Override
    public ProviderDescriptor describe() {
      return ProviderDescriptor.of(PROVIDER, "CRM contacts", List.of(FIELDS).stream()
          .map(name -> FieldDescriptor.of(name, DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull())
              .providedBySubject())
          .toList());
    }

    @Override
    public void export(SubjectId subject, DataSink sink) {
      for (DataItem item : items) {
        sink.accept(item);
      }
    }

    @Override
    public void erase(SubjectId subject, ErasureContext context) {}
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

  /** Each thread's output, and the bytes it took, reported by JMH as a rate. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Output {
    final CountingOutputStream out = new CountingOutputStream();
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Benchmark
  public long gdprKitJson(Items items, Output output) {
    long before = output.out.count;
    items.gdpr.exports().write(items.subject, ExportFormat.JSON, output.out);
    long written = output.out.count - before;
    output.bytes += written;
    return written;
  }

  @Benchmark
  public long bareJackson(Items items, Output output) {
    long before = output.out.count;
    try (JsonGenerator json = items.jackson.createGenerator(output.out)) {
      json.writeStartObject();
      json.writeName("items");
      json.writeStartArray();
      for (DataItem item : items.items) {
        json.writeStartObject();
        json.writeStringProperty("record", item.record());
        json.writeStringProperty("field", item.field());
        json.writeStringProperty("category", item.category().id());
        json.writeStringProperty("value", (String) item.value());
        json.writeBooleanProperty("providedBySubject", item.providedBySubject());
        json.writeStringProperty("collectedAt", item.collectedAt().toString());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    long written = output.out.count - before;
    output.bytes += written;
    return written;
  }
}

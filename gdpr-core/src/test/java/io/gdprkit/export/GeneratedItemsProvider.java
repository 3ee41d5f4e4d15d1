package io.gdprkit.export;

import io.gdprkit.data.DataItem;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A provider that makes up its items as it exports them and holds none: {@code count} items for any subject, four
 * fields per record, every value the same string. Record ids have the same length up to 36 million items, so each
 * record adds the same number of bytes to an export.
 */
final class GeneratedItemsProvider implements PersonalDataProvider {

  static final List<String> FIELDS = List.of("email", "phone", "street", "city");

  private final String id;
  private final long count;
  private final String value;
  private final AtomicLong generated = new AtomicLong();

  GeneratedItemsProvider(String id, long count, String value) {
    this.id = id;
    this.count = count;
    this.value = value;
  }

  @Override
  public ProviderDescriptor describe() {
    return ProviderDescriptor.of(id, "Generated contact records", FIELDS.stream()
        .map(name -> FieldDescriptor.of(name, DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()).providedBySubject())
        .toList());
  }

  @Override
  public void export(SubjectId subject, DataSink sink) {
    Instant collected = Instant.parse("2026-01-02T03:04:05Z");
    for (long i = 0; i < count; i++) {
      sink.accept(new DataItem(subject, id, "r-" + (1_000_000 + i / FIELDS.size()), FIELDS.get((int) (i % FIELDS.size())),
          DataCategory.CONTACT_DETAILS, value, true, collected));
      generated.incrementAndGet();
    }
  }

  @Override
  public void erase(SubjectId subject, ErasureContext context) {}

  /** Returns how many items the sink has taken so far. */
  long generated() {
    return generated.get();
  }
}

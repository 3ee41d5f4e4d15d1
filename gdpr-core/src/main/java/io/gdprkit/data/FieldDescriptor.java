package io.gdprkit.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import org.apiguardian.api.API;

/**
 * One field a provider holds: its category, what erasure does to it, and whether the subject provided it.
 *
 * <p>Usage example: <pre>{@code FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.keyedHash()).providedBySubject()}</pre>
 *
 * @param name the field's name, as in {@link DataItem#field()}
 * @param category what kind of personal data it holds
 * @param erasure what erasure does to it
 * @param subjectProvided whether the subject gave it; Art. 20 portability exports only such fields
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FieldDescriptor(String name, DataCategory category, ErasureStrategy erasure, boolean subjectProvided) {

  /** Validates the fields. */
  public FieldDescriptor {
    Preconditions.text(name, "field", 200);
    Preconditions.notNull(category, "category");
    Preconditions.notNull(erasure, "erasure strategy");
  }

  /** Returns a field that the controller, not the subject, produced. */
  public static FieldDescriptor of(String name, DataCategory category, ErasureStrategy erasure) {
    return new FieldDescriptor(name, category, erasure, false);
  }

  /** Returns a copy marked as provided by the subject. */
  public FieldDescriptor providedBySubject() {
    return new FieldDescriptor(name, category, erasure, true);
  }
}

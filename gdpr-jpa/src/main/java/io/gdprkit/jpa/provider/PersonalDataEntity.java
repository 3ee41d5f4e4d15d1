package io.gdprkit.jpa.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One host entity as {@link JpaPersonalDataProvider} read it from its annotations: what personal data it stores, in
 * which categories, what erasure does to each attribute, and which attributes are encrypted.
 *
 * <p>Why it is public: the records of processing and the minimisation report are derived from what the code stores
 * (Art. 30(1)(c), (f), Art. 5(1)(c)), so they read it here rather than a second time from the annotations.
 *
 * <p>Usage example: <pre>{@code provider.entities().forEach(e -> print(e.name() + ": " + e.categories()));}</pre>
 *
 * @param name the entity name, as in JPQL
 * @param javaType the entity class
 * @param subjectPath the path from the entity to its subject's id, such as {@code order.contact.id}
 * @param fields the personal-data attributes, named {@code Entity.attribute} as in the provider's descriptor
 * @param encrypted the names of the fields stored encrypted under the subject's own data key ({@code @Encrypted})
 * @param recordDate the attribute that dates the entity's records, from which retentions run, or {@code null}
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record PersonalDataEntity(String name, Class<?> javaType, String subjectPath, List<FieldDescriptor> fields,
    Set<String> encrypted, @Nullable String recordDate) {

  /** Validates the fields and copies the collections. */
  public PersonalDataEntity {
    Preconditions.notBlank(name, "entity name");
    Preconditions.notNull(javaType, "java type");
    Preconditions.notBlank(subjectPath, "subject path");
    fields = List.copyOf(Preconditions.notNull(fields, "fields"));
    encrypted = Set.copyOf(Preconditions.notNull(encrypted, "encrypted"));
  }

  /** Returns the categories of personal data the entity stores, in field order. */
  public Set<DataCategory> categories() {
    Set<DataCategory> categories = new LinkedHashSet<>();
    fields.forEach(field -> categories.add(field.category()));
    return categories;
  }
}

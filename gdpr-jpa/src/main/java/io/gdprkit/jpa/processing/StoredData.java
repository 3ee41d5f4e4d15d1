package io.gdprkit.jpa.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The personal data one store holds, as the code declares it: a host entity read by the generic provider from its
 * annotations, or, for any other provider of the kit, what the provider describes.
 *
 * <p>Why: the records of processing must describe the categories of personal data (Art. 30(1)(c)) and the time limits
 * for their erasure (Art. 30(1)(f)) as they are, so they are derived from what is stored rather than written twice.
 *
 * <p>Usage example: <pre>{@code register.stores().forEach(s -> print(s.store() + " " + s.categories()));}</pre>
 *
 * @param provider the id of the provider that exports and erases the data
 * @param store the entity name for the generic JPA provider; for any other provider, its id
 * @param fields the fields with their category and erasure strategy, named as the provider describes them
 *     ({@code Entity.attribute} for entities)
 * @param encrypted the names of the fields stored encrypted under the subject's own data key
 * @param purposes the ids of the declared purposes that need a category the store holds, in declaration order
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record StoredData(String provider, String store, List<FieldDescriptor> fields, Set<String> encrypted,
    List<String> purposes) {

  /** Validates the fields and copies the collections. */
  public StoredData {
    Preconditions.notBlank(provider, "provider");
    Preconditions.notBlank(store, "store");
    fields = List.copyOf(Preconditions.notNull(fields, "fields"));
    encrypted = Set.copyOf(Preconditions.notNull(encrypted, "encrypted"));
    purposes = List.copyOf(Preconditions.notNull(purposes, "purposes"));
  }

  /** Returns the categories of personal data the store holds, in field order. */
  public Set<DataCategory> categories() {
    Set<DataCategory> categories = new LinkedHashSet<>();
    fields.forEach(field -> categories.add(field.category()));
    return categories;
  }
}

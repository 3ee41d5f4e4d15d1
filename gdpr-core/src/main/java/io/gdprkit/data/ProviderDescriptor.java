package io.gdprkit.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a provider holds: its id, a description, and its fields with their categories and erasure strategies.
 *
 * <p>Exports, registers and the minimisation report read it; erasure applies its strategies.
 *
 * <p>Usage example: <pre>{@code ProviderDescriptor.of("contacts", "CRM contacts", List.of(email, phone, lastVisitIp))}</pre>
 *
 * @param id the provider's id: letters, digits and {@code . _ : @ / + -}, at most 64 characters
 * @param description what the provider's store is, for exports and registers
 * @param fields its fields; names are unique
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProviderDescriptor(String id, String description, List<FieldDescriptor> fields) {

  /** Validates the fields and copies the list. */
  public ProviderDescriptor {
    Preconditions.identifier(id, "provider id", 64);
    Preconditions.text(description, "provider description", 500);
    fields = List.copyOf(Preconditions.notNull(fields, "fields"));
    Set<String> names = new HashSet<>();
    for (FieldDescriptor field : fields) {
      Preconditions.check(names.add(field.name()), "field", Messages.quote(field.name()) + " is declared twice");
    }
  }

  /** Returns a descriptor. */
  public static ProviderDescriptor of(String id, String description, List<FieldDescriptor> fields) {
    return new ProviderDescriptor(id, description, fields);
  }

  /** Returns the field with this name, if declared. */
  public Optional<FieldDescriptor> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** Returns the categories of personal data the provider holds, in field order. */
  public Set<DataCategory> categories() {
    Set<DataCategory> categories = new LinkedHashSet<>();
    fields.forEach(f -> categories.add(f.category()));
    return categories;
  }
}

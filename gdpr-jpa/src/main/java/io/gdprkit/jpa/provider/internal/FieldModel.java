package io.gdprkit.jpa.provider.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.FieldDescriptor;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One personal-data attribute of an entity as the provider handles it.
 *
 * @param attribute the attribute's name in the entity, as in JPQL
 * @param descriptor what the kit knows of it, named {@code Entity.attribute}
 * @param javaType the attribute's type
 * @param readsValue whether erasure needs the value to plan (a replacement computed from it, or compared with it);
 *     otherwise erasure reads only whether it is null, and never decrypts
 * @param encrypted whether the column is encrypted under the subject's data key
 * @param blindIndex the sibling attribute holding the blind index, or null
 * @param contactPoints the kinds of contact point the value is, for the suppression list
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public record FieldModel(String attribute, FieldDescriptor descriptor, Class<?> javaType, boolean readsValue,
    boolean encrypted, @Nullable String blindIndex, Set<ContactPoint.Kind> contactPoints) {

  /** Copies the set. */
  public FieldModel {
    contactPoints = Set.copyOf(contactPoints);
  }

  /** Returns the name the descriptor, the export and the erasure plans give the attribute. */
  public String name() {
    return descriptor.name();
  }
}

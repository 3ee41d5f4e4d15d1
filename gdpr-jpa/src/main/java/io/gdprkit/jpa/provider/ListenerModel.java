package io.gdprkit.jpa.provider;

import io.gdprkit.jpa.annotation.Encrypted;
import io.gdprkit.jpa.provider.internal.Annotated;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the listener and the converter need of one entity class: its encrypted attributes with their blind indexes,
 * and how to find its subject on an instance. Read by reflection once per class.
 *
 * @param entity the entity name
 * @param subjectPath the path to the subject's id, or null when the class has no {@code @DataSubject}
 * @param tenantPath the path to the tenant id, or null
 * @param attributes the encrypted attributes
 */
record ListenerModel(String entity, @Nullable String subjectPath, @Nullable String tenantPath,
    List<EncryptedAttribute> attributes) {

  private static final ClassValue<ListenerModel> MODELS = new ClassValue<>() {
    @Override
    protected ListenerModel computeValue(Class<?> type) {
      return read(type);
    }
  };

  /**
   * One encrypted attribute.
   *
   * @param name the attribute
   * @param blindIndex the attribute holding its blind index, or null
   * @param normalisation how a value is normalised before it is hashed
   * @param label the pseudonym label of its blind index
   */
  record EncryptedAttribute(String name, @Nullable String blindIndex, Encrypted.Normalisation normalisation,
      String label) {}

  /** Returns the model of the class. */
  static ListenerModel of(Class<?> type) {
    return MODELS.get(type);
  }

  private static ListenerModel read(Class<?> type) {
    String entity = Annotated.entityName(type);
    List<EncryptedAttribute> attributes = new ArrayList<>();
    for (String name : Annotated.attributesWith(type, Encrypted.class)) {
      Encrypted encrypted = Annotated.onAttribute(type, name, Encrypted.class);
      String index = encrypted.blindIndex().isBlank() ? null : encrypted.blindIndex().strip();
      attributes.add(new EncryptedAttribute(name, index, encrypted.normalisation(), label(entity, name)));
    }
    return new ListenerModel(entity, Annotated.subjectPath(type), Annotated.tenantPath(type), List.copyOf(attributes));
  }

  /** Returns the pseudonym label of the blind index of an entity's attribute. */
  static String label(String entity, String attribute) {
    return "blind-index/" + entity + "." + attribute;
  }

  /** Returns the subject of {@code instance}, or null while its id is not set. */
  @Nullable SubjectId subject(Object instance) {
    if (subjectPath == null) {
      throw new IllegalStateException("entity " + entity + " has encrypted attributes but no @DataSubject");
    }
    Object id = Annotated.read(instance, subjectPath);
    if (id == null) {
      return null;
    }
    TenantId tenant;
    if (tenantPath != null) {
      Object value = Annotated.read(instance, tenantPath);
      if (value == null) {
        return null;
      }
      tenant = TenantId.of(value.toString());
    } else {
      tenant = JpaEncryption.installed().tenant();
    }
    return SubjectId.of(tenant, id.toString());
  }
}

package io.gdprkit.jpa.provider.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.data.RelationType;
import io.gdprkit.source.Origin;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One entity type as the provider handles it, read once from the metamodel and the annotations.
 *
 * @param name the entity name, as in JPQL
 * @param javaType the entity class
 * @param id the id attribute
 * @param idType the id attribute's type
 * @param subject the path from the entity to its subject's id
 * @param subjectType the Java type at the end of {@code subject}
 * @param tenant the path to the subject's tenant id, or null when every record is in the provider's tenant
 * @param date the attribute that dates the record, or null
 * @param version the numeric {@code @Version} attribute, which bulk updates increment, or null
 * @param fields the personal-data attributes
 * @param relations the associations that make the entity's subject a child of another
 * @param sources the attributes naming where a record's data came from
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public record EntityModel(String name, Class<?> javaType, String id, Class<?> idType, String subject, Class<?> subjectType,
    @Nullable String tenant, @Nullable String date, @Nullable String version, List<FieldModel> fields, List<Relation> relations,
    List<Source> sources) {

  /** Copies the lists. */
  public EntityModel {
    fields = List.copyOf(fields);
    relations = List.copyOf(relations);
    sources = List.copyOf(sources);
  }

  /** Returns the id of one record in exports and erasure plans: {@code Entity#id}. */
  public String record(Object id) {
    return name + '#' + id;
  }

  /** Returns the personal-data attribute of this name. */
  public Optional<FieldModel> field(String attribute) {
    return fields.stream().filter(f -> f.attribute().equals(attribute)).findFirst();
  }

  /**
   * An association that makes the entity's subject the child of the subject at its other end.
   *
   * @param attribute the association
   * @param parentPath the path from the entity to the parent subject's id
   * @param parentType the Java type at the end of {@code parentPath}
   * @param type the relation's type
   */
  public record Relation(String attribute, String parentPath, Class<?> parentType, RelationType type) {}

  /**
   * An attribute naming where a record came from.
   *
   * @param attribute the attribute
   * @param type the kind of origin it names
   */
  public record Source(String attribute, Origin.Type type) {}
}

package io.gdprkit.jpa.provider.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The JPQL of one entity type, built once from its model: the keyset-paged reads of export and erasure, the bulk
 * deletes and updates by id, and the lookups of relations, contact points and origins.
 *
 * <p>Every read pages by id ({@code e.id > :after order by e.id}); every write names rows by id, in ascending order,
 * so that InnoDB takes record locks only (no gap locks) in one order across concurrent jobs.
 *
 * <p><b>Sets of values.</b> The statements of erasure name many subjects or ids at once, in one of two forms: an
 * {@code in} list, one parameter a value ({@code e.id in :ids}), which every database and JPA provider takes; or, where
 * the provider binds a Java array as one parameter and the database compares with an array
 * ({@link #arrays(boolean)}), {@code e.id = any(?)}, written {@code function('some', :ids)} in JPQL. The array form
 * is the same statement whatever the number of values, so the provider translates it once and caches it, where each
 * list of another length is a statement of its own, translated and bound value by value at every execution.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class EntityStatements {

  /** The parameter names the statements use. */
  public static final String SUBJECTS = "subjects";
  public static final String SUBJECT = "subject";
  public static final String TENANT = "tenant";
  public static final String AFTER = "after";
  public static final String IDS = "ids";

  /** The types of id and subject id whose sets are bound as an array, where the database and provider take one. */
  private static final Set<Class<?>> ARRAY_TYPES = Set.of(String.class, Long.class, Integer.class, Short.class,
      UUID.class);

  private final EntityModel model;
  private final List<String> fieldNames;
  private final String[] eraseIdsFirst = new String[2];
  private final String[] eraseIdsNext = new String[2];
  private final String[] eraseRows = new String[2];
  private final String exportFirst;
  private final String exportNext;
  private final int eraseFieldsAt;
  private final int exportFieldsAt;

  /** Builds the statements of {@code model}. */
  public EntityStatements(EntityModel model) {
    this.model = model;
    this.fieldNames = model.fields().stream().map(FieldModel::name).toList();
    List<String> erase = new ArrayList<>(List.of("e." + model.id(), "e." + model.subject()));
    if (model.date() != null) {
      erase.add("e." + model.date());
    }
    this.eraseFieldsAt = erase.size();
    for (FieldModel field : model.fields()) {
      erase.add(field.readsValue() ? "e." + field.attribute()
          : "case when e." + field.attribute() + " is null then 0 else 1 end");
    }
    for (int form = 0; form < 2; form++) {
      String eraseWhere = " where " + among("e." + model.subject(), SUBJECTS, form == 1) + tenantCondition();
      String ids = "select e." + model.id() + ", e." + model.subject() + " from " + model.name() + " e" + eraseWhere;
      eraseIdsFirst[form] = ids + orderById();
      eraseIdsNext[form] = ids + afterId() + orderById();
      eraseRows[form] = select(erase) + " where " + among("e." + model.id(), IDS, form == 1) + tenantCondition()
          + orderById();
    }
    List<String> export = new ArrayList<>(List.of("e." + model.id(), "e." + model.subject()));
    if (model.date() != null) {
      export.add("e." + model.date());
    }
    model.sources().forEach(source -> export.add("e." + source.attribute()));
    this.exportFieldsAt = export.size();
    model.fields().forEach(field -> export.add("e." + field.attribute()));
    String exportWhere = " where e." + model.subject() + " = :" + SUBJECT + tenantCondition();
    this.exportFirst = select(export) + exportWhere + orderById();
    this.exportNext = select(export) + exportWhere + afterId() + orderById();
  }

  /** Returns the model. */
  public EntityModel model() {
    return model;
  }

  /** Returns the names of the personal-data fields, as the descriptor and the erasure plans name them. */
  public List<String> fieldNames() {
    return fieldNames;
  }

  /**
   * Returns whether this entity's sets of ids and subject ids are bound as arrays when the database and the JPA
   * provider take array parameters ({@code databaseArrays}): only ids of the types an array of which every supported
   * database and Hibernate bind alike, which the subject ids always are.
   */
  public boolean arrays(boolean databaseArrays) {
    return arrays(model.idType(), databaseArrays) && arrays(model.subjectType(), databaseArrays);
  }

  /**
   * Returns the value to bind to a set parameter ({@code :subjects}, {@code :ids}) of the form {@code arrays} says:
   * an array of {@code type}, or the list itself.
   */
  public static Object set(List<?> values, Class<?> type, boolean arrays) {
    if (!arrays) {
      return values;
    }
    Object array = Array.newInstance(boxed(type), values.size());
    for (int i = 0; i < values.size(); i++) {
      Array.set(array, i, values.get(i));
    }
    return array;
  }

  /** Returns the set parameter {@code :ids} of these ids, in the form {@code arrays} says. */
  public Object ids(List<?> ids, boolean arrays) {
    return set(ids, model.idType(), arrays);
  }

  /** Returns the set parameter {@code :subjects} of these subject ids, in the form {@code arrays} says. */
  public Object subjects(List<?> subjects, boolean arrays) {
    return set(subjects, model.subjectType(), arrays);
  }

  /**
   * Returns {@code [id, subject id]} of the rows of the subjects {@code :subjects}, in id order, after {@code :after}
   * unless {@code first}: the erasure's first read. It names no column but the subject's and the id, so the database
   * answers it from the index on {@code (subject, id)} whatever the table's size, where a read of whole rows in id
   * order with a limit may walk the primary key through rows of other subjects. When the plans need no values
   * ({@link io.gdprkit.data.ErasureContext#plansWithoutValues}), it is the only read.
   */
  public String eraseIds(boolean first, boolean arrays) {
    return (first ? eraseIdsFirst : eraseIdsNext)[arrays ? 1 : 0];
  }

  /**
   * Returns the erasure's read of the rows {@code :ids} by primary key: {@code [id, subject id, record date if any,
   * field...]} where a field is its value when planning needs it, else 1 or 0 for set or null.
   */
  public String eraseRows(boolean arrays) {
    return eraseRows[arrays ? 1 : 0];
  }

  /** Returns where the fields start in a row of {@link #eraseRows}; the record date, if any, is just before. */
  public int eraseFieldsAt() {
    return eraseFieldsAt;
  }

  /** Returns the record date of a row of {@link #eraseRows} or {@link #exportRead}: column 2, if there is one. */
  public @Nullable Instant date(Object[] row) {
    return model.date() == null ? null : instant(row[2]);
  }

  /**
   * Returns the export read: {@code [id, subject id, record date if any, source..., field...]} of the subject
   * {@code :subject}.
   */
  public String exportRead(boolean first) {
    return first ? exportFirst : exportNext;
  }

  /** Returns where the fields start in a row of {@link #exportRead}; the sources are just before. */
  public int exportFieldsAt() {
    return exportFieldsAt;
  }

  /** Returns the bulk delete of the rows {@code :ids}. */
  public String delete(boolean arrays) {
    return "delete from " + model.name() + " e where " + among("e." + model.id(), IDS, arrays);
  }

  /** How an update writes one field into the rows it names. */
  public enum Write {
    /** {@code null}, literally; an encrypted field's blind index is cleared with it. */
    NULL,
    /** One value for every row: parameter {@code v<field>}. */
    SAME,
    /** A value per row: {@code case when e.id = :i<row> then :v<field>_<row> … else e.field end}. */
    PER_ROW
  }

  /**
   * Returns the bulk update that writes {@code fields} into the rows {@code :ids}, each as {@code writes} says;
   * {@code rows} is how many rows a {@link Write#PER_ROW} field names ({@code :i0} to {@code :i<rows - 1>}).
   */
  public String update(List<FieldModel> fields, List<Write> writes, int rows, boolean arrays) {
    StringBuilder jpql = new StringBuilder("update ").append(model.name()).append(" e set ");
    for (int f = 0; f < fields.size(); f++) {
      FieldModel field = fields.get(f);
      String target = "e." + field.attribute();
      jpql.append(f > 0 ? ", " : "").append(target).append(" = ");
      switch (writes.get(f)) {
        case NULL -> {
          jpql.append("null");
          if (field.blindIndex() != null) {
            jpql.append(", e.").append(field.blindIndex()).append(" = null");
          }
        }
        case SAME -> jpql.append(":v").append(f);
        case PER_ROW -> {
          jpql.append("case");
          for (int r = 0; r < rows; r++) {
            jpql.append(" when e.").append(model.id()).append(" = :i").append(r).append(" then :v").append(f)
                .append('_').append(r);
          }
          jpql.append(" else ").append(target).append(" end");
        }
      }
    }
    if (model.version() != null) {
      jpql.append(", e.").append(model.version()).append(" = e.").append(model.version()).append(" + 1");
    }
    return jpql.append(" where ").append(among("e." + model.id(), IDS, arrays)).toString();
  }

  /** Returns {@code [parent id, child id]} of the subjects whose parent, through {@code relation}, is {@code :subject}. */
  public String children(EntityModel.Relation relation) {
    return "select distinct e." + relation.parentPath() + ", e." + model.subject() + " from " + model.name()
        + " e where e." + relation.parentPath() + " = :" + SUBJECT + tenantCondition();
  }

  /**
   * Returns {@code [parent id, child id]} of the subjects whose parent, through {@code relation}, is one of
   * {@code :subjects}, a set parameter of the form {@code arrays} says.
   */
  public String children(EntityModel.Relation relation, boolean arrays) {
    return "select distinct e." + relation.parentPath() + ", e." + model.subject() + " from " + model.name()
        + " e where " + among("e." + relation.parentPath(), SUBJECTS, arrays) + tenantCondition();
  }

  /**
   * Returns {@code [subject id, value]} of the distinct non-null values of one attribute of the subjects
   * {@code :subjects}, a set parameter of the form {@code arrays} says.
   */
  public String distinctValues(String attribute, boolean arrays) {
    return "select distinct e." + model.subject() + ", e." + attribute + " from " + model.name() + " e where "
        + among("e." + model.subject(), SUBJECTS, arrays) + tenantCondition() + " and e." + attribute
        + " is not null";
  }

  /**
   * Returns whether a set of values of {@code type} is bound as an array when the database and the JPA provider take
   * array parameters ({@code databaseArrays}).
   */
  public static boolean arrays(Class<?> type, boolean databaseArrays) {
    return databaseArrays && ARRAY_TYPES.contains(boxed(type));
  }

  /** Returns {@code [subject id, value]} of the subject's distinct non-null values of one attribute. */
  public String distinctValues(String attribute) {
    return "select distinct e." + model.subject() + ", e." + attribute + " from " + model.name() + " e where e."
        + model.subject() + " = :" + SUBJECT + tenantCondition() + " and e." + attribute + " is not null";
  }

  /** Returns the subject id of the record {@code :id}, to check that a record is the subject's before writing it. */
  public String subjectOf() {
    return "select e." + model.subject() + " from " + model.name() + " e where e." + model.id() + " = :id"
        + tenantCondition();
  }

  /**
   * Returns whether a subject id read from the database is exactly {@code value}: a case-insensitive or
   * space-padding collation (MariaDB's default) matches {@code contact-42} to {@code Contact-42 }, which are two
   * subjects to the kit.
   */
  public static boolean same(@Nullable Object stored, Object value) {
    return stored != null && stored.toString().equals(value.toString());
  }

  /** Returns the rectification of one attribute of one record: {@code :value}, {@code :index}, {@code :id}. */
  public String rectify(FieldModel field) {
    return "update " + model.name() + " e set e." + field.attribute() + " = :value"
        + (field.blindIndex() == null ? "" : ", e." + field.blindIndex() + " = :index")
        + (model.version() == null ? "" : ", e." + model.version() + " = e." + model.version() + " + 1")
        + " where e." + model.id() + " = :id" + tenantCondition();
  }

  /** Returns whether the entity keeps its tenant in a column; else all its records are in the provider's tenant. */
  public boolean hasTenant() {
    return model.tenant() != null;
  }

  /**
   * Returns the subject id as the entity stores it, or null when it cannot be one of its values: not a number for a
   * numeric id, or a form that does not read back the same ({@code 042}).
   */
  public @Nullable Object subjectValue(SubjectId subject) {
    return typed(subject.value(), model.subjectType());
  }

  /** Returns the subject a stored subject id names. */
  public SubjectId subject(Object stored, TenantId tenant) {
    return SubjectId.of(tenant, stored.toString());
  }

  /** Returns the record's id as the entity stores it, or null when {@code text} cannot be one. */
  public @Nullable Object idValue(String text) {
    return typed(text, model.idType());
  }

  /** Returns the parent's subject id as the relation's path stores it, or null when it cannot be one. */
  public @Nullable Object parentValue(EntityModel.Relation relation, SubjectId parent) {
    return typed(parent.value(), relation.parentType());
  }

  /** Returns {@code text} as a value of {@code type}, or null when it is not the text form of one. */
  static @Nullable Object typed(String text, Class<?> type) {
    Object value;
    try {
      if (type == String.class) {
        return text;
      } else if (type == Long.class || type == long.class) {
        value = Long.valueOf(text);
      } else if (type == Integer.class || type == int.class) {
        value = Integer.valueOf(text);
      } else if (type == Short.class || type == short.class) {
        value = Short.valueOf(text);
      } else if (type == BigInteger.class) {
        value = new BigInteger(text);
      } else if (type == UUID.class) {
        value = UUID.fromString(text);
      } else {
        return null;
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return value.toString().equals(text) ? value : null;
  }

  /** Returns the record date as an instant: a date at the start of its day in UTC, a local time read in UTC. */
  public static @Nullable Instant instant(@Nullable Object date) {
    if (date == null) {
      return null;
    }
    if (date instanceof Instant instant) {
      return instant;
    }
    if (date instanceof LocalDate day) {
      return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (date instanceof LocalDateTime time) {
      return time.toInstant(ZoneOffset.UTC);
    }
    if (date instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (date instanceof ZonedDateTime time) {
      return time.toInstant();
    }
    throw new IllegalStateException("unexpected record date type " + date.getClass().getName());
  }

  /** Returns a value as the export writes it: an enum by name, bytes in base64, anything else as it is. */
  public static @Nullable Object exported(@Nullable Object value) {
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Character c) {
      return c.toString();
    }
    return value;
  }

  private String tenantCondition() {
    return model.tenant() == null ? "" : " and e." + model.tenant() + " = :" + TENANT;
  }

  /** Returns the condition that {@code path} is one of the set parameter {@code parameter}, in the form asked. */
  private static String among(String path, String parameter, boolean arrays) {
    return arrays ? path + " = function('some', :" + parameter + ")" : path + " in :" + parameter;
  }

  private static Class<?> boxed(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return type == long.class ? Long.class : type == int.class ? Integer.class : type == short.class ? Short.class
        : type;
  }

  private String afterId() {
    return " and e." + model.id() + " > :" + AFTER;
  }

  private String orderById() {
    return " order by e." + model.id();
  }

  private String select(List<String> columns) {
    return "select " + String.join(", ", columns) + " from " + model.name() + " e";
  }
}

package io.gdprkit.jpa.provider.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.RelationType;
import io.gdprkit.internal.Messages;
import io.gdprkit.jpa.annotation.Encrypted;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import io.gdprkit.jpa.annotation.RecordDate;
import io.gdprkit.jpa.annotation.SourceTagged;
import io.gdprkit.jpa.annotation.SubjectRelation;
import io.gdprkit.jpa.provider.EncryptedStringConverter;
import io.gdprkit.jpa.provider.EncryptionListener;
import io.gdprkit.jpa.provider.PersonalDataMappingException;
import io.gdprkit.jpa.provider.PersonalDataMappingException.Problem;
import io.gdprkit.purpose.DataCategory;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.IdentifiableType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.SingularAttribute;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Reads the host's annotated entities from the metamodel once, checks every annotation against the mapping, and
 * orders the entity types for erasure.
 *
 * <p>Order: an entity type that references another (an invoice its order, an order its contact) comes before it,
 * so that a record is deleted before the record it references, and every erasure takes its locks in one order.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class ModelReader {

  /** The types a {@code KEEP_YEAR} strategy and a {@code @RecordDate} accept. */
  public static final Set<Class<?>> DATES = Set.of(LocalDate.class, LocalDateTime.class, OffsetDateTime.class,
      ZonedDateTime.class, Instant.class);

  /** The shortest column a keyed hash fits in: {@code pseud:} and a pseudonym with a long version id. */
  private static final int HASH_LENGTH = 84;

  private static final Set<Class<?>> LAST_FOUR = Set.of(String.class, Integer.class, int.class, Long.class,
      long.class, Short.class, short.class, BigInteger.class);
  private static final Set<Class<?>> NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class,
      Short.class, short.class);
  private static final Set<Class<?>> SUBJECT_IDS = Set.of(String.class, Long.class, long.class, Integer.class,
      int.class, UUID.class);

  private final Metamodel metamodel;
  private final Map<String, DataCategory> categories;

  private ModelReader(Metamodel metamodel, Map<String, DataCategory> categories) {
    this.metamodel = metamodel;
    this.categories = categories;
  }

  /**
   * Returns the annotated entity types, in erasure order.
   *
   * @param categories the data categories by id that {@code @PersonalData(category)} may name
   * @throws PersonalDataMappingException at the first annotation that cannot be honoured, entities and attributes
   *     taken in name order
   */
  public static List<EntityModel> read(Metamodel metamodel, Map<String, DataCategory> categories) {
    return new ModelReader(metamodel, Map.copyOf(categories)).read();
  }

  private List<EntityModel> read() {
    List<EntityType<?>> entities = new ArrayList<>(metamodel.getEntities());
    entities.sort(Comparator.comparing(EntityType::getName));
    Map<Class<?>, EntityModel> models = new LinkedHashMap<>();
    for (EntityType<?> entity : entities) {
      if (entity.getJavaType() == null || annotated(entity.getJavaType()) == null) {
        continue;
      }
      EntityType<?> root = annotatedRoot(entity);
      if (root != entity) {
        // Rows of a subclass entity are read and written through the root's polymorphic statements.
        Set<String> own = new HashSet<>(annotated(entity.getJavaType()));
        own.removeAll(annotated(root.getJavaType()));
        if (!own.isEmpty()) {
          throw PersonalDataMappingException.of(entity.getName(), own.iterator().next(), Problem.NOT_SUPPORTED,
              "personal data declared on a subclass entity is not supported; declare it on " + root.getName());
        }
        continue;
      }
      models.put(entity.getJavaType(), entity(entity));
    }
    return erasureOrder(models);
  }

  /** Returns the names of the annotated attributes, or null when the class carries none of the annotations. */
  private static @Nullable Set<String> annotated(Class<?> type) {
    Set<String> names = new HashSet<>();
    names.addAll(Annotated.attributesWith(type, PersonalData.class));
    names.addAll(Annotated.attributesWith(type, SubjectRelation.class));
    names.addAll(Annotated.attributesWith(type, SourceTagged.class));
    return names.isEmpty() ? null : names;
  }

  private EntityType<?> annotatedRoot(EntityType<?> entity) {
    EntityType<?> root = entity;
    for (IdentifiableType<?> up = entity.getSupertype(); up != null; up = up.getSupertype()) {
      if (up instanceof EntityType<?> parent && parent.getJavaType() != null
          && annotated(parent.getJavaType()) != null) {
        root = parent;
      }
    }
    return root;
  }

  private EntityModel entity(EntityType<?> entity) {
    String name = entity.getName();
    Class<?> type = entity.getJavaType();
    if (!entity.hasSingleIdAttribute()) {
      throw PersonalDataMappingException.of(name, null, Problem.NOT_SUPPORTED,
          "an entity with a composite id is not supported; give it a single id attribute");
    }
    SingularAttribute<?, ?> id = entity.getSingularAttributes().stream().filter(SingularAttribute::isId).findFirst()
        .orElseThrow(() -> PersonalDataMappingException.of(name, null, Problem.NOT_SUPPORTED,
            "the entity has no single id attribute"));
    if (id.getPersistentAttributeType() != Attribute.PersistentAttributeType.BASIC) {
      throw PersonalDataMappingException.of(name, id.getName(), Problem.NOT_SUPPORTED,
          "an embedded or derived id is not supported; give the entity a basic id attribute");
    }
    String subject = Annotated.subjectPath(type);
    if (subject == null) {
      throw PersonalDataMappingException.of(name, null, Problem.NO_SUBJECT_LINK,
          "an entity with personal data needs @DataSubject, on the class (the path to the subject's id) or on the"
              + " attribute that leads to the subject");
    }
    Class<?> subjectType = path(entity, subject, Problem.BAD_SUBJECT_PATH, "@DataSubject");
    if (!SUBJECT_IDS.contains(subjectType)) {
      throw PersonalDataMappingException.of(name, null, Problem.BAD_SUBJECT_PATH, "the @DataSubject path ends at a "
          + subjectType.getSimpleName() + "; a subject id is a String, Long, Integer or UUID");
    }
    String tenant = Annotated.tenantPath(type);
    if (tenant != null && path(entity, tenant, Problem.BAD_SUBJECT_PATH, "@DataSubject(tenant)") != String.class) {
      throw PersonalDataMappingException.of(name, null, Problem.BAD_SUBJECT_PATH,
          "the @DataSubject tenant path must end at a String attribute");
    }
    String date = date(entity);
    List<FieldModel> fields = new ArrayList<>();
    List<String> personal = new ArrayList<>(Annotated.attributesWith(type, PersonalData.class));
    personal.sort(Comparator.naturalOrder());
    for (String attribute : personal) {
      String first = subject.split("\\.")[0];
      if (attribute.equals(id.getName()) || attribute.equals(first)
          || (tenant != null && attribute.equals(tenant.split("\\.")[0]))) {
        throw PersonalDataMappingException.of(name, attribute, Problem.NOT_SUPPORTED, "the id and the link to the "
            + "subject identify the record and whose it is; they cannot be erased apart from it: mark another attribute"
            + " DELETE_RECORD to delete the record");
      }
      fields.add(field(entity, attribute, date, subject, id));
    }
    for (String attribute : Annotated.attributesWith(type, Encrypted.class)) {
      if (!personal.contains(attribute)) {
        throw PersonalDataMappingException.of(name, attribute, Problem.ENCRYPTION_NOT_WIRED,
            "@Encrypted marks personal data: add @PersonalData with its category and strategy");
      }
    }
    return new EntityModel(name, type, id.getName(), id.getJavaType(), subject, subjectType, tenant, date,
        version(entity), fields, relations(entity),
        sources(entity));
  }

  /**
   * Returns the entity's numeric version attribute, which bulk updates increment so that a host holding the entity
   * from before the erasure cannot write its old values back (its update fails on the version); null when it has none
   * or a version of another type, which bulk updates leave as it is.
   */
  private static @Nullable String version(EntityType<?> entity) {
    return entity.getSingularAttributes().stream().filter(SingularAttribute::isVersion)
        .filter(v -> NUMBERS.contains(v.getJavaType())).map(Attribute::getName).findFirst().orElse(null);
  }

  private @Nullable String date(EntityType<?> entity) {
    List<String> dates = Annotated.attributesWith(entity.getJavaType(), RecordDate.class);
    if (dates.isEmpty()) {
      return null;
    }
    if (dates.size() > 1) {
      throw PersonalDataMappingException.of(entity.getName(), dates.get(1), Problem.NOT_SUPPORTED,
          "@RecordDate is declared on more than one attribute");
    }
    Class<?> type = basic(entity, dates.get(0), Problem.NOT_SUPPORTED).getJavaType();
    if (!DATES.contains(type)) {
      throw PersonalDataMappingException.of(entity.getName(), dates.get(0), Problem.NOT_SUPPORTED,
          "@RecordDate needs an Instant, LocalDate, LocalDateTime, OffsetDateTime or ZonedDateTime, not a "
              + type.getSimpleName());
    }
    return dates.get(0);
  }

  private FieldModel field(EntityType<?> entity, String attribute, @Nullable String date, String subject,
      SingularAttribute<?, ?> id) {
    String name = entity.getName();
    Class<?> owner = entity.getJavaType();
    PersonalData data = Annotated.onAttribute(owner, attribute, PersonalData.class);
    SingularAttribute<?, ?> basic = basic(entity, attribute, Problem.NOT_SUPPORTED);
    Class<?> type = basic.getJavaType();
    DataCategory category = categories.get(data.category());
    if (category == null) {
      throw PersonalDataMappingException.of(name, attribute, Problem.UNKNOWN_CATEGORY, "category "
          + Messages.quote(data.category())
          + " is neither one of the kit's categories nor registered with the provider builder's category(..)");
    }
    ErasureStrategy strategy = strategy(entity, attribute, data, type, date);
    boolean readsValue = !(strategy == ErasureStrategy.deleteRecord() || strategy == ErasureStrategy.setNull()
        || strategy instanceof ErasureStrategy.Retain);
    Encrypted encrypted = Annotated.onAttribute(owner, attribute, Encrypted.class);
    String blindIndex = null;
    if (encrypted != null) {
      checkEncrypted(entity, attribute, type, readsValue, subject, id);
      if (!encrypted.blindIndex().isBlank()) {
        blindIndex = encrypted.blindIndex().strip();
        Attribute<?, ?> index = entity.getAttributes().stream().filter(a -> a.getName().equals(encrypted.blindIndex()
            .strip())).findFirst().orElse(null);
        if (index == null || index.getPersistentAttributeType() != Attribute.PersistentAttributeType.BASIC
            || index.getJavaType() != String.class
            || Annotated.onAttribute(owner, blindIndex, PersonalData.class) != null) {
          throw PersonalDataMappingException.of(name, attribute, Problem.ENCRYPTION_NOT_WIRED, "the blind index "
              + "attribute must be a String attribute of its own, without @PersonalData: erasure clears it with the"
              + " encrypted one");
        }
      }
    } else if (converted(owner, attribute)) {
      throw PersonalDataMappingException.of(name, attribute, Problem.ENCRYPTION_NOT_WIRED,
          "the attribute is converted by EncryptedStringConverter but not marked @Encrypted, so erasure would treat"
              + " its ciphertext as the value; add @Encrypted");
    }
    Set<ContactPoint.Kind> contactPoints = Set.of(data.contactPoint());
    if (!contactPoints.isEmpty() && type != String.class) {
      throw PersonalDataMappingException.of(name, attribute, Problem.STRATEGY_DOES_NOT_FIT,
          "a contact point is an e-mail address or a phone number held in a String attribute, not a "
              + type.getSimpleName());
    }
    FieldDescriptor descriptor = new FieldDescriptor(name + "." + attribute, category, strategy,
        data.providedBySubject());
    return new FieldModel(attribute, descriptor, type, readsValue, encrypted != null, blindIndex, contactPoints);
  }

  private ErasureStrategy strategy(EntityType<?> entity, String attribute, PersonalData data, Class<?> type,
      @Nullable String date) {
    String name = entity.getName();
    Class<?> owner = entity.getJavaType();
    Strategy strategy = data.strategy();
    if (!data.retention().isBlank()) {
      if (strategy != Strategy.NONE && strategy != Strategy.NULL) {
        throw PersonalDataMappingException.of(name, attribute, Problem.STRATEGY_DOES_NOT_FIT, "a field with a "
            + "retention is cleared once the retention has run out; its strategy is NONE or NULL, not " + strategy);
      }
      if (date == null) {
        throw PersonalDataMappingException.of(name, attribute, Problem.BAD_RETENTION, "a retention runs from the"
            + " record's date: mark the attribute that dates the record with @RecordDate");
      }
      requireNullable(entity, attribute, type, "a field is cleared once its retention has run out");
      Period period;
      try {
        period = Period.parse(data.retention().strip());
        return ErasureStrategy.retain(data.obligation().strip(), period);
      } catch (DateTimeParseException e) {
        throw PersonalDataMappingException.of(name, attribute, Problem.BAD_RETENTION,
            "the retention is not an ISO-8601 period such as P10Y or P6M");
      } catch (InvalidInputException e) {
        throw PersonalDataMappingException.of(name, attribute, Problem.BAD_RETENTION, "the retention needs an "
            + "obligation naming the law, and a positive period of at most 100 years (" + e.getMessage() + ")");
      }
    }
    switch (strategy) {
      case NONE:
        throw PersonalDataMappingException.of(name, attribute, Problem.NO_STRATEGY, "a personal-data attribute "
            + "needs an erasure strategy (@PersonalData(strategy = ...)) or a retention after which it is cleared");
      case DELETE_RECORD:
        requireNullable(entity, attribute, type, "strategy DELETE_RECORD clears the attribute instead when the record"
            + " must stay (another attribute is retained, or the erasure only anonymises)");
        return ErasureStrategy.deleteRecord();
      case NULL:
        requireNullable(entity, attribute, type, "strategy NULL clears it");
        return ErasureStrategy.setNull();
      case REPLACE:
        return ErasureStrategy.replace(replacement(name, attribute, data.replacement(), type));
      case HASH:
        requireType(name, attribute, type == String.class, strategy, type, "a String");
        Column column = Annotated.onAttribute(owner, attribute, Column.class);
        if (column != null && column.length() < HASH_LENGTH) {
          throw PersonalDataMappingException.of(name, attribute, Problem.STRATEGY_DOES_NOT_FIT,
              "a keyed hash needs a column of at least " + HASH_LENGTH + " characters; @Column(length) is "
                  + column.length());
        }
        return ErasureStrategy.keyedHash();
      case MASK_IP:
        requireType(name, attribute, type == String.class, strategy, type, "a String");
        requireNullable(entity, attribute, type, "strategy MASK_IP clears a value that is no IP address");
        return ErasureStrategy.maskIp();
      case KEEP_YEAR:
        requireType(name, attribute, DATES.contains(type), strategy, type,
            "a LocalDate, LocalDateTime, OffsetDateTime, ZonedDateTime or Instant");
        return ErasureStrategy.keepYear();
      case KEEP_LAST_FOUR:
        requireType(name, attribute, LAST_FOUR.contains(type), strategy, type,
            "a String or an Integer, Long, Short or BigInteger");
        return ErasureStrategy.keepLastFour();
      default:
        throw new IllegalStateException("unknown strategy " + strategy);
    }
  }

  private static void requireType(String entity, String attribute, boolean fits, Strategy strategy, Class<?> type,
      String expected) {
    if (!fits) {
      throw PersonalDataMappingException.of(entity, attribute, Problem.STRATEGY_DOES_NOT_FIT, "strategy " + strategy
          + " needs " + expected + " attribute, not a " + type.getSimpleName());
    }
  }

  private static void requireNullable(EntityType<?> entity, String attribute, Class<?> type, String why) {
    Column column = Annotated.onAttribute(entity.getJavaType(), attribute, Column.class);
    Basic basic = Annotated.onAttribute(entity.getJavaType(), attribute, Basic.class);
    if (type.isPrimitive() || (column != null && !column.nullable()) || (basic != null && !basic.optional())) {
      throw PersonalDataMappingException.of(entity.getName(), attribute, Problem.STRATEGY_DOES_NOT_FIT, why
          + ", but the attribute cannot be null; make it nullable or choose a strategy that writes a value");
    }
  }

  /** Parses the replacement in the attribute's type, so that a typo fails when the provider is built. */
  private static Object replacement(String entity, String attribute, String text, Class<?> type) {
    if (text.isEmpty()) {
      throw PersonalDataMappingException.of(entity, attribute, Problem.STRATEGY_DOES_NOT_FIT,
          "strategy REPLACE needs @PersonalData(replacement = ...), the value written instead");
    }
    try {
      Object value = parse(text, type);
      if (value != null) {
        return value;
      }
    } catch (RuntimeException e) {
      // reported below, without the exception's message, which may quote the text
    }
    throw PersonalDataMappingException.of(entity, attribute, Problem.STRATEGY_DOES_NOT_FIT,
        "the replacement does not parse as a " + type.getSimpleName());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static @Nullable Object parse(String text, Class<?> type) {
    if (type == String.class) {
      return text;
    }
    if (type == Integer.class || type == int.class) {
      return Integer.valueOf(text);
    }
    if (type == Long.class || type == long.class) {
      return Long.valueOf(text);
    }
    if (type == Short.class || type == short.class) {
      return Short.valueOf(text);
    }
    if (type == Double.class || type == double.class) {
      return Double.valueOf(text);
    }
    if (type == BigDecimal.class) {
      return new BigDecimal(text);
    }
    if (type == BigInteger.class) {
      return new BigInteger(text);
    }
    if (type == Boolean.class || type == boolean.class) {
      return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
    }
    if (type == LocalDate.class) {
      return LocalDate.parse(text);
    }
    if (type == Instant.class) {
      return Instant.parse(text);
    }
    if (type.isEnum()) {
      return Enum.valueOf((Class) type, text);
    }
    return null;
  }

  private void checkEncrypted(EntityType<?> entity, String attribute, Class<?> type, boolean readsValue,
      String subject, SingularAttribute<?, ?> id) {
    String name = entity.getName();
    Class<?> owner = entity.getJavaType();
    if (type != String.class) {
      throw PersonalDataMappingException.of(name, attribute, Problem.STRATEGY_DOES_NOT_FIT,
          "@Encrypted needs a String attribute, not a " + type.getSimpleName());
    }
    if (readsValue) {
      throw PersonalDataMappingException.of(name, attribute, Problem.STRATEGY_DOES_NOT_FIT, "an @Encrypted "
          + "attribute can be cleared, deleted with its record or kept for a retention; a replacement, hash or kept"
          + " part would need its plain value in the database");
    }
    if (!converted(owner, attribute)) {
      throw PersonalDataMappingException.of(name, attribute, Problem.ENCRYPTION_NOT_WIRED, "an @Encrypted attribute"
          + " needs @Convert(converter = EncryptedStringConverter.class), or its values are stored in plain text");
    }
    EntityListeners listeners = Annotated.onType(owner, EntityListeners.class);
    if (listeners == null || Arrays.stream(listeners.value()).noneMatch(EncryptionListener.class::isAssignableFrom)) {
      throw PersonalDataMappingException.of(name, attribute, Problem.ENCRYPTION_NOT_WIRED, "an entity with @Encrypted"
          + " attributes needs @EntityListeners(EncryptionListener.class), which tells the converter whose key to use");
    }
    GeneratedValue generated = Annotated.onAttribute(owner, id.getName(), GeneratedValue.class);
    if (subject.equals(id.getName()) && generated != null && generated.strategy() == GenerationType.IDENTITY) {
      throw PersonalDataMappingException.of(name, attribute, Problem.ENCRYPTION_NOT_WIRED, "the subject of a new "
          + "record is its own IDENTITY id, which the database makes only when the encrypted row is inserted; assign"
          + " the id before persisting (a UUID, a sequence)");
    }
  }

  private static boolean converted(Class<?> owner, String attribute) {
    Convert convert = Annotated.onAttribute(owner, attribute, Convert.class);
    return convert != null && EncryptedStringConverter.class.isAssignableFrom(convert.converter());
  }

  private List<EntityModel.Relation> relations(EntityType<?> entity) {
    List<EntityModel.Relation> relations = new ArrayList<>();
    for (String attribute : Annotated.attributesWith(entity.getJavaType(), SubjectRelation.class)) {
      SubjectRelation relation = Annotated.onAttribute(entity.getJavaType(), attribute, SubjectRelation.class);
      Attribute<?, ?> association = attribute(entity, attribute, Problem.BAD_RELATION);
      if (!(association instanceof SingularAttribute<?, ?> singular) || !association.isAssociation()) {
        throw PersonalDataMappingException.of(entity.getName(), attribute, Problem.BAD_RELATION,
            "@SubjectRelation marks a to-one association to the parent's entity");
      }
      String parent = Annotated.subjectPath(singular.getJavaType());
      if (parent == null) {
        throw PersonalDataMappingException.of(entity.getName(), attribute, Problem.BAD_RELATION,
            "the associated entity is linked to no subject; add @DataSubject to it");
      }
      RelationType type;
      try {
        type = RelationType.of(relation.value());
      } catch (InvalidInputException e) {
        throw PersonalDataMappingException.of(entity.getName(), attribute, Problem.BAD_RELATION,
            "the relation type is not an identifier such as parent-child");
      }
      String path = attribute + "." + parent;
      Class<?> parentType = path(entity, path, Problem.BAD_RELATION, "@SubjectRelation");
      relations.add(new EntityModel.Relation(attribute, path, parentType, type));
    }
    return relations;
  }

  private List<EntityModel.Source> sources(EntityType<?> entity) {
    List<EntityModel.Source> sources = new ArrayList<>();
    for (String attribute : Annotated.attributesWith(entity.getJavaType(), SourceTagged.class)) {
      SourceTagged tagged = Annotated.onAttribute(entity.getJavaType(), attribute, SourceTagged.class);
      if (basic(entity, attribute, Problem.NOT_SUPPORTED).getJavaType() != String.class) {
        throw PersonalDataMappingException.of(entity.getName(), attribute, Problem.NOT_SUPPORTED,
            "@SourceTagged names an origin in a String attribute");
      }
      sources.add(new EntityModel.Source(attribute, tagged.value()));
    }
    return sources;
  }

  private static Attribute<?, ?> attribute(ManagedType<?> type, String name, Problem problem) {
    try {
      return type.getAttribute(name);
    } catch (IllegalArgumentException e) {
      throw PersonalDataMappingException.of(type instanceof EntityType<?> entity ? entity.getName()
          : type.getJavaType().getSimpleName(), name, problem, "no persistent attribute of that name");
    }
  }

  private static SingularAttribute<?, ?> basic(EntityType<?> entity, String attribute, Problem problem) {
    Attribute<?, ?> found = attribute(entity, attribute, problem);
    if (!(found instanceof SingularAttribute<?, ?> singular)
        || found.getPersistentAttributeType() != Attribute.PersistentAttributeType.BASIC) {
      throw PersonalDataMappingException.of(entity.getName(), attribute, problem,
          "only basic attributes (a column of their own) are supported here, not " + found.getPersistentAttributeType());
    }
    return singular;
  }

  /** Follows a dotted path through to-one associations and embeddables; returns the type of the basic at its end. */
  private Class<?> path(EntityType<?> entity, String path, Problem problem, String annotation) {
    ManagedType<?> current = entity;
    String[] steps = path.split("\\.", -1);
    for (int i = 0; i < steps.length; i++) {
      Attribute<?, ?> step;
      try {
        step = current.getAttribute(steps[i]);
      } catch (IllegalArgumentException e) {
        throw PersonalDataMappingException.of(entity.getName(), null, problem, "the " + annotation + " path "
            + Messages.quote(path) + " names no attribute " + Messages.quote(
                steps[i]));
      }
      if (!(step instanceof SingularAttribute<?, ?> singular)) {
        throw PersonalDataMappingException.of(entity.getName(), null, problem, "the " + annotation + " path "
            + Messages.quote(path) + " passes the collection " + steps[i]
            + "; follow to-one associations only");
      }
      boolean last = i == steps.length - 1;
      Attribute.PersistentAttributeType kind = step.getPersistentAttributeType();
      if (last) {
        if (kind != Attribute.PersistentAttributeType.BASIC) {
          throw PersonalDataMappingException.of(entity.getName(), null, problem, "the " + annotation + " path "
              + Messages.quote(path) + " ends at an association; end it at the id attribute");
        }
        return singular.getJavaType();
      }
      if (kind != Attribute.PersistentAttributeType.MANY_TO_ONE && kind != Attribute.PersistentAttributeType.ONE_TO_ONE
          && kind != Attribute.PersistentAttributeType.EMBEDDED) {
        throw PersonalDataMappingException.of(entity.getName(), null, problem, "the " + annotation + " path "
            + Messages.quote(path) + " passes " + steps[i] + ", which is no to-one association");
      }
      current = metamodel.managedType(singular.getJavaType());
    }
    throw new IllegalStateException("empty path");
  }

  /**
   * Orders the entity types so that each comes before every type it references through a to-one association: Kahn's
   * algorithm over those references, ties and cycles broken by name.
   */
  private List<EntityModel> erasureOrder(Map<Class<?>, EntityModel> models) {
    Map<EntityModel, Set<EntityModel>> references = new HashMap<>();
    Map<EntityModel, Integer> referencedBy = new HashMap<>();
    models.values().forEach(model -> referencedBy.put(model, 0));
    for (EntityModel model : models.values()) {
      Set<EntityModel> targets = new HashSet<>();
      for (SingularAttribute<?, ?> attribute : metamodel.entity(model.javaType()).getSingularAttributes()) {
        if (!attribute.isAssociation()) {
          continue;
        }
        for (EntityModel target : models.values()) {
          if (target != model && target.javaType().isAssignableFrom(attribute.getJavaType()) && targets.add(target)) {
            referencedBy.merge(target, 1, Integer::sum);
          }
        }
      }
      references.put(model, targets);
    }
    List<EntityModel> order = new ArrayList<>();
    List<EntityModel> left = new ArrayList<>(models.values());
    left.sort(Comparator.comparing(EntityModel::name));
    while (!left.isEmpty()) {
      EntityModel next = left.stream().filter(m -> referencedBy.get(m) == 0).findFirst().orElse(left.get(0));
      left.remove(next);
      order.add(next);
      for (EntityModel target : references.get(next)) {
        referencedBy.merge(target, -1, Integer::sum);
      }
    }
    return order;
  }
}

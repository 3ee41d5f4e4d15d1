package io.gdprkit.jpa.interceptor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.jpa.interceptor.internal.AnnotatedEntities;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Tells the persistence interceptor which entity classes hold personal data and whose: the one question it asks of
 * the host's model.
 *
 * <p>Why an interface: the interceptor must not care how the host marks its entities. The default,
 * {@link #annotated()}, reads the annotations the generic provider reads, so the entities that are exported and
 * erased are the ones that are audited and restricted: an entity with a
 * {@link io.gdprkit.jpa.annotation.PersonalData @PersonalData} attribute holds personal data, and its subject is at
 * the end of its {@link io.gdprkit.jpa.annotation.DataSubject @DataSubject} path. Implementations are called from
 * entity callbacks, for every entity loaded or written: they must be thread-safe, fast and free of database access.
 *
 * <p>Usage example: <pre>{@code PersistenceInterceptor.install(gdpr, transactions, PersonalDataEntities.annotated())}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface PersonalDataEntities {

  /**
   * Returns the entities with {@link io.gdprkit.jpa.annotation.PersonalData @PersonalData} attributes, whose subject
   * is named by their {@link io.gdprkit.jpa.annotation.DataSubject @DataSubject} path, read once a class.
   *
   * <p>Its {@link #isPersonalData} throws {@link io.gdprkit.jpa.provider.PersonalDataMappingException} for a class
   * with personal data but no subject link, or whose path names no attribute: such an entity could be neither
   * audited as its subject's nor refused while the subject is restricted.
   */
  static PersonalDataEntities annotated() {
    return AnnotatedEntities.INSTANCE;
  }

  /** Returns whether rows of {@code entityClass} (or a subclass of a class that is) hold personal data. */
  boolean isPersonalData(Class<?> entityClass);

  /**
   * Returns the subject an instance of a personal-data class is about, or {@code null} while it has none, such as a
   * new contact whose generated id is its subject id before it is persisted.
   *
   * @throws io.gdprkit.InvalidInputException if the value found is not a valid subject id
   */
  @Nullable SubjectId subjectOf(Object entity);

  /**
   * Returns what a query binds to match rows of {@code subject} on the attribute that names the subject, such as a
   * {@code Long} for a numeric key: what {@link AuditedBulk} binds to {@code :subjects}.
   *
   * @throws io.gdprkit.InvalidInputException if the subject's id cannot be a key of that attribute
   */
  Object subjectKey(Class<?> entityClass, SubjectId subject);

  /** Returns the entity's name in audit entries: its JPA entity name. */
  String name(Class<?> entityClass);
}

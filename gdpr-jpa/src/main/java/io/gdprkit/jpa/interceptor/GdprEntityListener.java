package io.gdprkit.jpa.interceptor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.jpa.interceptor.SubjectRestrictedException.Change;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The JPA entity listener that hands the host's entity callbacks to the {@link PersistenceInterceptor} whose unit of
 * work runs on the thread: checks before a write (restriction, Art. 18), counts after it, and checks and counts each
 * load (purpose, Art. 5(1)(b), Art. 6).
 *
 * <p>Registered as a default entity listener of the host's persistence unit by the mapping file
 * {@value #MAPPING_FILE} in this jar, so no entity needs changing; an entity can name it with
 * {@code @EntityListeners(GdprEntityListener.class)} instead. Entities that are not personal data pass at the cost of
 * a class lookup.
 *
 * <p>Usage example: <pre>{@code
 * new PersistenceConfiguration("crm").mappingFile(GdprEntityListener.MAPPING_FILE).managedClass(Contact.class)
 * }</pre>
 * or in {@code persistence.xml}: {@code <mapping-file>META-INF/gdpr-kit-orm.xml</mapping-file>}.
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class GdprEntityListener {

  /** The mapping file that makes this listener a default entity listener of the persistence unit listing it. */
  public static final String MAPPING_FILE = "META-INF/gdpr-kit-orm.xml";

  /** For the persistence provider, which makes one per persistence unit or entity class. */
  public GdprEntityListener() {}

  /** Refuses a read for a denied purpose, and counts the read. */
  @PostLoad
  public void postLoad(Object entity) {
    PersistenceInterceptor interceptor = interceptor(entity);
    if (interceptor != null) {
      interceptor.loaded(entity);
    }
  }

  /** Refuses a new entity of a restricted subject. */
  @PrePersist
  public void prePersist(Object entity) {
    PersistenceInterceptor interceptor = interceptor(entity);
    if (interceptor != null) {
      interceptor.changing(entity, Change.CREATE);
    }
  }

  /** Counts a creation. */
  @PostPersist
  public void postPersist(Object entity) {
    PersistenceInterceptor interceptor = interceptor(entity);
    if (interceptor != null) {
      interceptor.changed(entity, AuditKind.CREATED);
    }
  }

  /** Refuses a change of a restricted subject's entity. */
  @PreUpdate
  public void preUpdate(Object entity) {
    PersistenceInterceptor interceptor = interceptor(entity);
    if (interceptor != null) {
      interceptor.changing(entity, Change.UPDATE);
    }
  }

  /** Counts a change. */
  @PostUpdate
  public void postUpdate(Object entity) {
    PersistenceInterceptor interceptor = interceptor(entity);
    if (interceptor != null) {
      interceptor.changed(entity, AuditKind.UPDATED);
    }
  }

  /** Refuses the removal of a restricted subject's entity. */
  @PreRemove
  public void preRemove(Object entity) {
    PersistenceInterceptor interceptor = interceptor(entity);
    if (interceptor != null) {
      interceptor.changing(entity, Change.DELETE);
    }
  }

  /** Counts a removal. */
  @PostRemove
  public void postRemove(Object entity) {
    PersistenceInterceptor interceptor = interceptor(entity);
    if (interceptor != null) {
      interceptor.changed(entity, AuditKind.DELETED);
    }
  }

  /**
   * Returns the interceptor for a personal-data entity, or {@code null} when the entity holds none.
   *
   * @throws IllegalStateException for a personal-data entity used outside any interceptor's unit of work
   */
  private static @Nullable PersistenceInterceptor interceptor(Object entity) {
    PersistenceInterceptor interceptor = PersistenceInterceptor.forThread();
    Class<?> type = entity.getClass();
    if (interceptor != null) {
      return interceptor.isPersonalData(type) ? interceptor : null;
    }
    if (PersistenceInterceptor.anyCountsAsPersonal(type)) {
      throw new IllegalStateException("a " + type.getSimpleName() + " holds personal data but is used outside a unit"
          + " of work of the persistence interceptor's transactions, where it could be neither audited nor checked:"
          + " run the work in transactions.inTransaction, or between HostTransactions.begin() and commit(), and"
          + " install a PersistenceInterceptor on those transactions");
    }
    return null;
  }
}

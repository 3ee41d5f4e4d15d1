package io.gdprkit.jpa.interceptor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.interceptor.SubjectRestrictedException.Change;
import io.gdprkit.subject.SubjectId;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Bulk JPQL updates and deletes of personal-data entities, audited and restricted as the entity callbacks are:
 * a bulk statement changes rows without loading them, so no callback (and no Envers revision) sees it.
 *
 * <p>The statement names the subjects it may touch: its condition must use the parameter {@code :subjects}, which is
 * bound to the keys of the subjects given, so the rows it changes are rows of those subjects and the audit names each
 * of them (Art. 5(2), Art. 30). Before it runs, a subject that is restricted (Art. 18) refuses the whole statement,
 * unless it runs in an erasure or rectification {@link PurposeScope}. It runs in the unit of work on the thread, or
 * in one of its own; each subject gets one {@code UPDATED} or {@code DELETED} entry, written before commit with the
 * transaction's other entries, whose details say {@code bulk}, the rows the statement changed and how many subjects
 * it named. A statement that changes no row is not audited.
 *
 * <p><b>Warning:</b> the rows of the subjects only: for an entity with a tenant, add the tenant's condition to the
 * statement yourself. A bulk statement bypasses the persistence context, as JPQL bulk statements do.
 *
 * <p>Usage example: <pre>{@code
 * interceptor.bulk().update(Contact.class,
 *     "update Contact c set c.newsletter = false where c.id in :subjects", List.of(alice, bob));
 * }</pre>
 * Thread-safe.
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class AuditedBulk {

  /** The most subjects one statement may name: bounded, as the databases bound a list of bind values. */
  public static final int MAX_SUBJECTS = 1_000;

  private static final Pattern SUBJECTS = Pattern.compile(":subjects\\b");

  private final PersistenceInterceptor interceptor;

  AuditedBulk(PersistenceInterceptor interceptor) {
    this.interceptor = interceptor;
  }

  /** Runs a bulk update, as {@link #update(Class, String, Collection, Map)} with no other parameters. */
  public int update(Class<?> entityClass, String jpql, Collection<SubjectId> subjects) {
    return update(entityClass, jpql, subjects, Map.of());
  }

  /**
   * Runs a JPQL {@code update} of rows of {@code subjects}, binding {@code :subjects} to their keys and
   * {@code parameters} by name, and records an {@code UPDATED} entry per subject if it changed a row.
   *
   * @param entityClass the entity the statement updates; personal data to the interceptor's
   *     {@link PersonalDataEntities}
   * @return the number of rows changed
   * @throws SubjectRestrictedException if a subject is restricted, outside an erasure or rectification scope
   * @throws io.gdprkit.InvalidInputException if the statement is not an update using {@code :subjects}, there are no
   *     subjects or more than {@value #MAX_SUBJECTS}, or {@code parameters} names {@code subjects}
   */
  public int update(Class<?> entityClass, String jpql, Collection<SubjectId> subjects, Map<String, ?> parameters) {
    return execute(entityClass, jpql, subjects, parameters, Change.UPDATE);
  }

  /** Runs a bulk delete, as {@link #delete(Class, String, Collection, Map)} with no other parameters. */
  public int delete(Class<?> entityClass, String jpql, Collection<SubjectId> subjects) {
    return delete(entityClass, jpql, subjects, Map.of());
  }

  /**
   * Runs a JPQL {@code delete} of rows of {@code subjects}, as {@link #update(Class, String, Collection, Map)} does,
   * recording a {@code DELETED} entry per subject if it removed a row.
   *
   * @return the number of rows removed
   * @throws SubjectRestrictedException if a subject is restricted, outside an erasure or rectification scope
   * @throws io.gdprkit.InvalidInputException as {@link #update(Class, String, Collection, Map)} does, for a delete
   */
  public int delete(Class<?> entityClass, String jpql, Collection<SubjectId> subjects, Map<String, ?> parameters) {
    return execute(entityClass, jpql, subjects, parameters, Change.DELETE);
  }

  private int execute(Class<?> entityClass, String jpql, Collection<SubjectId> subjects, Map<String, ?> parameters,
      Change change) {
    Preconditions.notNull(entityClass, "entity class");
    Preconditions.notBlank(jpql, "jpql");
    Preconditions.notNull(subjects, "subjects");
    Preconditions.notNull(parameters, "parameters");
    String verb = change.name().toLowerCase(Locale.ROOT);
    Preconditions.check(jpql.strip().toLowerCase(Locale.ROOT).startsWith(verb + " "), "jpql",
        "must be a JPQL " + verb + " statement");
    Preconditions.check(SUBJECTS.matcher(jpql).find(), "jpql",
        "must limit the rows to the subjects' with the parameter :subjects");
    Preconditions.check(!parameters.containsKey("subjects"), "parameters", "must not bind :subjects, which the kit binds");
    Preconditions.check(interceptor.entities().isPersonalData(entityClass), "entity class",
        "must be an entity with personal data");
    List<SubjectId> distinct = List.copyOf(new LinkedHashSet<>(subjects));
    Preconditions.check(!distinct.isEmpty(), "subjects", "must not be empty");
    Preconditions.check(distinct.size() <= MAX_SUBJECTS, "subjects", "must be at most " + MAX_SUBJECTS);
    List<Object> keys = new ArrayList<>(distinct.size());
    for (SubjectId subject : distinct) {
      keys.add(interceptor.entities().subjectKey(entityClass, subject));
    }
    JpaTransactions transactions = interceptor.transactions();
    return transactions.inTransaction(() -> {
      interceptor.bulkChanging(entityClass, distinct, change);
      Query query = transactions.entityManager().createQuery(jpql).setParameter("subjects", keys);
      parameters.forEach(query::setParameter);
      int rows = query.executeUpdate();
      if (rows > 0) {
        interceptor.bulkChanged(entityClass, distinct, change == Change.UPDATE ? AuditKind.UPDATED : AuditKind.DELETED,
            rows);
      }
      return rows;
    });
  }
}

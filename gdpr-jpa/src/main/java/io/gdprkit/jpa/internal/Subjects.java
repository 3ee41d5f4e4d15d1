package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Paging by subject, which every store orders as {@link SubjectId#compareTo} does: by tenant, then by id, both
 * compared byte by byte (the scripts give these columns a binary collation).
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class Subjects {

  /**
   * The JPQL condition "after the subject {@code :afterTenant}/{@code :afterSubject}" on an alias given to
   * {@code formatted}; an empty tenant starts at the first page, since no tenant id is empty.
   */
  public static final String AFTER =
      "(%1$s.tenant > :afterTenant or (%1$s.tenant = :afterTenant and %1$s.subject > :afterSubject))";

  private Subjects() {}

  /** Binds the page start to a query of {@code (tenant, subject)} pairs and returns its subjects. */
  public static List<SubjectId> page(TypedQuery<Object[]> query, @Nullable SubjectId after, int limit) {
    return query.setParameter("afterTenant", after == null ? "" : after.tenant().value())
        .setParameter("afterSubject", after == null ? "" : after.value())
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(row -> new SubjectId(TenantId.of((String) row[0]), (String) row[1]))
        .toList();
  }
}

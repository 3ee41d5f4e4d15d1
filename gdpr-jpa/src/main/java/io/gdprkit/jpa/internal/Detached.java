package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Reads entities detached from the persistence context: the stores change rows with bulk updates, which bypass that
 * context, so a row kept managed by one read would hide the change from the next read in the same unit of work.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class Detached {

  private Detached() {}

  /** Returns the rows of {@code query}, each detached. */
  public static <T> List<T> rows(EntityManager em, TypedQuery<T> query) {
    List<T> rows = query.getResultList();
    rows.forEach(em::detach);
    return rows;
  }

  /** Returns the first row of {@code query}, detached, if any. */
  public static <T> Optional<T> first(EntityManager em, TypedQuery<T> query) {
    return rows(em, query.setMaxResults(1)).stream().findFirst();
  }
}

package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import jakarta.persistence.EntityManager;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The database of one store, read from the JDBC metadata on first use only: every unit of a store's transactions
 * runs on the same database.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class LazyVendor {

  private volatile @Nullable SqlVendor vendor;

  /** Returns the vendor of the database behind {@code entityManager}, the same for every call. */
  public SqlVendor of(EntityManager entityManager) {
    SqlVendor known = vendor;
    if (known == null) {
      known = SqlVendor.of(entityManager);
      vendor = known;
    }
    return known;
  }
}

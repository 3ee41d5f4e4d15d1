package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Collections;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Locks the row of a key, creating it first when there is none, so that a store serialises every writer of that key
 * on one row, also the writers that race to create it.
 *
 * <p>On MariaDB the row is created or locked by {@code INSERT … ON DUPLICATE KEY UPDATE}, which takes the exclusive
 * lock of an existing row at once. Neither of the obvious alternatives works there: a refused {@code INSERT IGNORE}
 * leaves a shared lock, two transactions holding one both wait for the other's to upgrade, and one is killed as a
 * deadlock; and {@code SELECT … FOR UPDATE} of a missing row locks the gap where it would go, which two creators can
 * both hold while each waits for the other's to insert. PostgreSQL and H2 take no such gap locks, so they read with a
 * lock first, which is all a write to an existing row needs, and insert only when there is none; on H2 an insert of a
 * key whose row other transactions keep updating retries until it times out, so it is best not tried at all then.
 *
 * <p>The inserted row is a placeholder that no committed row equals (such as version 0): the caller sees from the
 * locked row whether it created it, and deletes the placeholder again if it then refuses its write.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class RowLocks {

  /** How often the row is looked for again after a racing transaction deleted it between creation and lock. */
  public static final int ATTEMPTS = 3;

  private RowLocks() {}

  /**
   * Returns the row of a key as {@code lockedRead} reads it with an exclusive lock, creating it first from
   * {@code placeholder} when there is none.
   *
   * @param lockedRead reads the row with {@code LockModeType.PESSIMISTIC_WRITE}, empty when there is none
   * @param columns every column of the placeholder; the first one is part of the key
   * @param placeholder a value per column, in order
   * @return the locked row; empty only when racing transactions deleted it each time it was created
   */
  public static <T> Optional<T> lockOrCreate(EntityManager entityManager, SqlVendor vendor,
      Supplier<Optional<T>> lockedRead, String table, String[] columns, Object... placeholder) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (vendor != SqlVendor.MARIADB) {
        Optional<T> row = lockedRead.get();
        if (row.isPresent()) {
          return row;
        }
      }
      insertUnlessPresent(entityManager, vendor, table, columns, placeholder);
      Optional<T> row = lockedRead.get();
      if (row.isPresent()) {
        return row;
      }
    }
    return Optional.empty();
  }

  private static void insertUnlessPresent(EntityManager entityManager, SqlVendor vendor, String table,
      String[] columns, Object... values) {
    if (vendor != SqlVendor.MARIADB) {
      vendor.insertIgnoringDuplicate(entityManager, table, columns, values);
      return;
    }
    String marks = String.join(", ", Collections.nCopies(columns.length, "?"));
    Query insert = entityManager.createNativeQuery("insert into " + table + " (" + String.join(", ", columns)
        + ") values (" + marks + ") on duplicate key update " + columns[0] + " = " + columns[0]);
    for (int i = 0; i < values.length; i++) {
      insert.setParameter(i + 1, values[i]);
    }
    insert.executeUpdate();
  }
}

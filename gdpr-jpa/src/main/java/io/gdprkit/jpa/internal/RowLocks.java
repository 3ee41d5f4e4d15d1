package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Collections;
import org.apiguardian.api.API;

/**
 * Makes sure a row with a given key exists, so that a store can then lock it with {@code SELECT … FOR UPDATE} and
 * serialise every writer of that key on it, also the writers that race to create it.
 *
 * <p>PostgreSQL and H2 insert the row unless its key is taken ({@link SqlVendor#insertIgnoringDuplicate}), waiting for
 * a racing creator to commit, and take no lock on a row that was there. MariaDB must not use {@code INSERT IGNORE}
 * here: a refused insert leaves a shared lock on the row, two transactions holding one both wait for the other's to
 * upgrade it, and one of them is killed as a deadlock. {@code INSERT … ON DUPLICATE KEY UPDATE} takes the exclusive
 * lock at once instead, so the racers queue on it.
 *
 * <p>The caller inserts a placeholder that no committed row ever equals (such as version 0), reads the row with a
 * lock, and deletes the placeholder again if its unit fails; a read that finds no row means a racing transaction
 * deleted it meanwhile, and the caller tries again.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class RowLocks {

  private RowLocks() {}

  /**
   * Inserts a row unless one with its key exists.
   *
   * @param columns every column to write; the first one is part of the key
   * @param values a value per column, in order
   */
  public static void insertUnlessPresent(EntityManager entityManager, SqlVendor vendor, String table,
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

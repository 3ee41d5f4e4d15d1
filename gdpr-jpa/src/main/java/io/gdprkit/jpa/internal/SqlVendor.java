package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The databases whose SQL the stores speak where JPQL has no word for it: an insert that ignores a duplicate key,
 * and claiming rows with {@code FOR UPDATE SKIP LOCKED}.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public enum SqlVendor {
  POSTGRESQL,
  MARIADB,
  H2;

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
  /** The SQL state of a unique-key violation. */
  private static final String DUPLICATE_KEY = "23505";

  /** Returns the vendor of the database behind {@code entityManager}, from its JDBC metadata. */
  public static SqlVendor of(EntityManager entityManager) {
    String product = entityManager.callWithConnection(
        connection -> ((java.sql.Connection) connection).getMetaData().getDatabaseProductName());
    String name = product.toLowerCase(Locale.ROOT);
    if (name.contains("postgres")) {
      return POSTGRESQL;
    }
    if (name.contains("mariadb") || name.contains("mysql")) {
      return MARIADB;
    }
    if (name.equals("h2")) {
      return H2;
    }
    throw new IllegalStateException("gdpr-jpa speaks PostgreSQL, MariaDB and H2, not " + product);
  }

  /**
   * Inserts one row that is skipped when a row with the same key exists: it answers 0 then instead of failing the
   * transaction. PostgreSQL says {@code on conflict do nothing} and MariaDB {@code insert ignore}, which wait for a
   * racing transaction that holds the key and then skip; H2 has neither outside its compatibility modes, so there the
   * insert runs under a JDBC savepoint that a duplicate key rolls back to.
   *
   * @param table the table
   * @param columns every column to write
   * @param values a value per column, in order
   * @return the number of rows inserted: 1, or 0 when the key was taken
   */
  public int insertIgnoringDuplicate(EntityManager entityManager, String table, String[] columns, Object... values) {
    String names = String.join(", ", columns);
    String marks = String.join(", ", java.util.Collections.nCopies(columns.length, "?"));
    if (this == H2) {
      String sql = "insert into " + table + " (" + names + ") values (" + marks + ")";
      return entityManager.callWithConnection(connection -> insertUnderSavepoint((Connection) connection, sql, values));
    }
    String sql = this == POSTGRESQL
        ? "insert into " + table + " (" + names + ") values (" + marks + ") on conflict do nothing"
        : "insert ignore into " + table + " (" + names + ") values (" + marks + ")";
    Query insert = entityManager.createNativeQuery(sql);
    for (int i = 0; i < values.length; i++) {
      insert.setParameter(i + 1, values[i]);
    }
    return insert.executeUpdate();
  }

  /**
   * Inserts one row given as column to value, as {@link #insertIgnoringDuplicate(EntityManager, String, String[],
   * Object...)} does; a column whose value is {@code null} is left out of the statement and takes its default, null,
   * so that no statement binds an untyped null.
   */
  public int insertIgnoringDuplicate(EntityManager entityManager, String table, Map<String, @Nullable Object> row) {
    List<String> columns = new ArrayList<>(row.size());
    List<Object> values = new ArrayList<>(row.size());
    row.forEach((column, value) -> {
      if (value != null) {
        columns.add(column);
        values.add(value);
      }
    });
    return insertIgnoringDuplicate(entityManager, table, columns.toArray(String[]::new), values.toArray());
  }

  /**
   * Inserts one row, or, when a row with its key is there, takes that row's write lock instead, so that the caller
   * can read it with {@code FOR UPDATE} and change it without a deadlock. Null values are left out of the insert (their
   * columns must default to null), since a null of unknown type is not bound alike by every driver.
   *
   * <p>An {@code INSERT IGNORE} that meets a duplicate leaves MariaDB's repeatable read holding a shared lock on the
   * row; two transactions that both hold one and then both update deadlock. So MariaDB says
   * {@code on duplicate key update}, which takes the exclusive lock, and bumps {@code counter} so that the answer
   * tells an insert (1 row) from a duplicate (2 rows) whatever the driver's found-rows setting. PostgreSQL's
   * {@code on conflict do nothing} takes no lock on the row it skips, and H2 rolls back to a savepoint, so on both the
   * caller's locking read is the first lock taken.
   *
   * @param table the table
   * @param counter an integer column that MariaDB increments on a duplicate; the other databases leave it alone
   * @param columns every column to write
   * @param values a value per column, in order
   * @return 1 when the row was inserted, 0 when a row with the key was there
   */
  public int insertOrLockExisting(EntityManager entityManager, String table, String counter, String[] columns,
      Object... values) {
    List<String> names = new ArrayList<>(columns.length);
    List<Object> given = new ArrayList<>(values.length);
    for (int i = 0; i < columns.length; i++) {
      if (values[i] != null) {
        names.add(columns[i]);
        given.add(values[i]);
      }
    }
    if (this != MARIADB) {
      return insertIgnoringDuplicate(entityManager, table, names.toArray(String[]::new), given.toArray());
    }
    String marks = String.join(", ", Collections.nCopies(names.size(), "?"));
    Query insert = entityManager.createNativeQuery("insert into " + table + " (" + String.join(", ", names)
        + ") values (" + marks + ") on duplicate key update " + counter + " = " + counter + " + 1");
    for (int i = 0; i < given.size(); i++) {
      insert.setParameter(i + 1, given.get(i));
    }
    return insert.executeUpdate() == 1 ? 1 : 0;
  }

  /**
   * Binds an instant to a statement's parameter as Hibernate binds the kit's {@code Instant} attributes: an offset
   * date-time in UTC on PostgreSQL and H2 ({@code timestamp with time zone}), a timestamp read in UTC on MariaDB
   * ({@code datetime}), so that rows written past the entity manager read back alike through it.
   */
  public void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    if (this == MARIADB) {
      statement.setTimestamp(index, Timestamp.from(instant), Calendar.getInstance(UTC, Locale.ROOT));
    } else {
      statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
    }
  }

  private static int insertUnderSavepoint(Connection connection, String sql, Object... values) throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        insert.setObject(i + 1, values[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : values[i]);
      }
      int inserted = insert.executeUpdate();
      connection.releaseSavepoint(savepoint);
      return inserted;
    } catch (SQLException e) {
      if (!DUPLICATE_KEY.equals(e.getSQLState())) {
        throw e;
      }
      connection.rollback(savepoint);
      return 0;
    }
  }
}

package io.gdprkit.jpa.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.spi.AuditOutbox;
import io.gdprkit.audit.spi.PendingAuditRecord;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.audit.internal.AuditTables;
import io.gdprkit.jpa.internal.LazyVendor;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The audit outbox in {@code gdpr_audit_outbox}: a service writes its audit records in its own transaction, and the
 * drainer of any instance takes the oldest rows with {@code SELECT … FOR UPDATE SKIP LOCKED} and deletes them in the
 * transaction that chains them, so two instances never chain one record twice and a drainer that dies leaves its
 * rows to the next.
 *
 * <p>Records added together ({@link #addAll}, such as one transaction's from the persistence interceptor) are one row
 * per tenant, in {@link PendingAuditRecord#encodeAll the batch encoding}, up to {@value #ROW_RECORDS} records a row:
 * a host's transaction pays one insert for its audit trail, not one per record. A take hands such a row out whole.
 * Sequences are the row's id shifted left by {@value #ROW_BITS} bits plus the record's index in the row.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().auditOutbox(new JpaAuditOutbox(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaAuditOutbox implements AuditOutbox {

  /** How many bits of a sequence number the index of a record in its row takes. */
  static final int ROW_BITS = 12;
  /** The most records one row holds. */
  static final int ROW_RECORDS = 1 << ROW_BITS;

  private static final String INSERT = "insert into gdpr_audit_outbox (tenant, record, record_count) values (?, ?, ?)";

  private final JpaTransactions transactions;
  private final LazyVendor vendor = new LazyVendor();

  /** Creates the outbox on the kit's unit of work. */
  public JpaAuditOutbox(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here one row, inserted with a prepared statement on the unit's connection, past the persistence context (no
   * entity to manage, no flush that would check every entity the host's transaction holds); outside a unit, the
   * insert is its own transaction ({@link JpaTransactions#inStoreWrite}): one round trip, committed when it returns.
   */
  @Override
  public long add(AuditRecord record) {
    Preconditions.notNull(record, "record");
    Object[] row = {record.tenant().value(), PendingAuditRecord.encodeAll(List.of(record)), 1};
    return transactions.inStoreWrite(connection -> insertOne(connection, row)) << ROW_BITS;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here one row per tenant and {@value #ROW_RECORDS} records, written with one JDBC batch on the unit's
   * connection, past the persistence context: no entity to manage, and no flush that would check every entity the
   * host's transaction holds.
   */
  @Override
  public void addAll(List<AuditRecord> records) {
    Preconditions.notNull(records, "records");
    if (records.isEmpty()) {
      return;
    }
    Map<TenantId, List<AuditRecord>> byTenant = new LinkedHashMap<>();
    for (AuditRecord record : records) {
      Preconditions.notNull(record, "record");
      byTenant.computeIfAbsent(record.tenant(), t -> new ArrayList<>()).add(record);
    }
    List<Object[]> rows = new ArrayList<>();
    byTenant.forEach((tenant, ofTenant) -> {
      for (int from = 0; from < ofTenant.size(); from += ROW_RECORDS) {
        rows(tenant, ofTenant.subList(from, Math.min(ofTenant.size(), from + ROW_RECORDS)), rows);
      }
    });
    if (rows.size() == 1) {
      // one statement: outside a unit it commits by itself, as add's does
      transactions.inStoreWrite(connection -> insertEach(connection, rows));
      return;
    }
    transactions.useStoreTransaction(() ->
        transactions.entityManager().runWithConnection(connection -> insertEach((Connection) connection, rows)));
  }

  /** Adds the rows of one tenant's records, halving a row whose encoding would not fit the column. */
  private static void rows(TenantId tenant, List<AuditRecord> records, List<Object[]> rows) {
    byte[] bytes = PendingAuditRecord.encodeAll(records);
    if (bytes.length > AuditTables.MAX_ENTRY_BYTES && records.size() > 1) {
      int half = records.size() / 2;
      rows(tenant, records.subList(0, half), rows);
      rows(tenant, records.subList(half, records.size()), rows);
      return;
    }
    rows.add(new Object[] {tenant.value(), bytes, records.size()});
  }

  /** Inserts one row and returns the id the database gave it, in the same round trip. */
  private static long insertOne(Connection connection, Object[] row) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"})) {
      bind(insert, row);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new IllegalStateException("the database gave no id to an audit outbox row");
        }
        return keys.getLong(1);
      }
    }
  }

  /** Inserts the rows, one statement for one row, and returns how many. */
  private static int insertEach(Connection connection, List<Object[]> rows) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      if (rows.size() == 1) {
        bind(insert, rows.get(0));
        return insert.executeUpdate();
      }
      for (Object[] row : rows) {
        bind(insert, row);
        insert.addBatch();
      }
      insert.executeBatch();
      return rows.size();
    }
  }

  private static void bind(PreparedStatement insert, Object[] row) throws SQLException {
    insert.setString(1, (String) row[0]);
    insert.setBytes(2, (byte[]) row[1]);
    insert.setInt(3, (Integer) row[2]);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here rows are taken in id order while their records fit {@code limit}, and the first row always, whole. The
   * rows are claimed by their counts first, and only the claimed ones' records read, with a locking read that sees
   * them as committed whatever the transaction's snapshot: a batch row is large, and a take must not read rows it
   * leaves. On PostgreSQL the delete of the claimed rows returns their records ({@code delete … returning}), so a take
   * costs two statements whatever the number of rows.
   */
  @Override
  public List<PendingAuditRecord> take(TenantId tenant, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      boolean postgres = vendor.of(em) == SqlVendor.POSTGRESQL;
      return em.callWithConnection(connection -> take((Connection) connection, tenant, limit, postgres));
    });
  }

  /** Claims the tenant's oldest rows whose records fit {@code limit}, the first always, and takes their records. */
  private static List<PendingAuditRecord> take(Connection connection, TenantId tenant, int limit, boolean postgres)
      throws SQLException {
    // a row holds at least one record, so limit rows are always enough; the ones not taken stay as they were
    List<long[]> rows = new ArrayList<>();
    try (PreparedStatement claim = connection.prepareStatement("select id, record_count from gdpr_audit_outbox"
        + " where tenant = ? order by id limit ? for update skip locked")) {
      claim.setString(1, tenant.value());
      claim.setInt(2, Math.min(limit, 1_000));
      try (ResultSet result = claim.executeQuery()) {
        while (result.next()) {
          rows.add(new long[] {result.getLong(1), result.getInt(2)});
        }
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    // H2 may return the rows of a SKIP LOCKED query out of the asked order; a take hands them on in the outbox's
    rows.sort(Comparator.comparingLong(row -> row[0]));
    List<Long> ids = new ArrayList<>(rows.size());
    int records = 0;
    for (long[] row : rows) {
      int count = (int) row[1];
      if (!ids.isEmpty() && records + count > limit) {
        break;
      }
      ids.add(row[0]);
      records += count;
    }
    List<PendingAuditRecord> taken = new ArrayList<>(records);
    if (postgres) {
      deleteReturning(connection, ids, taken);
      return taken;
    }
    readEach(connection, ids, taken);
    // One delete per key, batched: an equality on the primary key locks that row only, where an IN list may make
    // MariaDB's repeatable read lock the gaps between the ids too, and deadlock with a racing taker.
    deleteEach(connection, ids);
    return taken;
  }

  /**
   * Deletes the claimed rows and reads their records from what the delete returns, in id order, in one round trip:
   * PostgreSQL's {@code delete … returning}, which locks no gaps, on rows this transaction has locked already.
   */
  private static void deleteReturning(Connection connection, List<Long> ids, List<PendingAuditRecord> taken)
      throws SQLException {
    Map<Long, byte[]> rows = new HashMap<>(ids.size() * 2);
    try (PreparedStatement delete = connection.prepareStatement(
        "delete from gdpr_audit_outbox where id = any(?) returning id, record")) {
      delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
      try (ResultSet result = delete.executeQuery()) {
        while (result.next()) {
          rows.put(result.getLong(1), result.getBytes(2));
        }
      }
    }
    for (long id : ids) {
      byte[] bytes = rows.get(id);
      if (bytes == null) {
        throw new IllegalStateException("a claimed audit outbox row is gone");
      }
      add(id, bytes, taken);
    }
  }

  /** Adds the records of one row, with their sequences. */
  private static void add(long id, byte[] bytes, List<PendingAuditRecord> taken) {
    List<AuditRecord> records = PendingAuditRecord.decodeAll(bytes);
    for (int i = 0; i < records.size(); i++) {
      taken.add(new PendingAuditRecord((id << ROW_BITS) + i, records.get(i)));
    }
  }

  /** Reads the claimed rows' records, in id order, by primary key; the rows are locked by this transaction already. */
  private static void readEach(Connection connection, List<Long> ids, List<PendingAuditRecord> taken)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "select record from gdpr_audit_outbox where id = ? for update")) {
      for (long id : ids) {
        select.setLong(1, id);
        try (ResultSet result = select.executeQuery()) {
          if (!result.next()) {
            throw new IllegalStateException("a claimed audit outbox row is gone");
          }
          add(id, result.getBytes(1), taken);
        }
      }
    }
  }

  private static void deleteEach(Connection connection, List<Long> ids) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("delete from gdpr_audit_outbox where id = ?")) {
      for (long id : ids) {
        delete.setLong(1, id);
        delete.addBatch();
      }
      delete.executeBatch();
    }
  }

  @Override
  public List<TenantId> tenantsWaiting(int limit) {
    Preconditions.positive(limit, "limit");
    return transactions.inStoreRead(() -> transactions.entityManager()
        .createQuery("select distinct o.tenant from GdprAuditOutbox o order by o.tenant", String.class)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(TenantId::of)
        .toList());
  }

  @Override
  public long waiting(TenantId tenant) {
    Preconditions.notNull(tenant, "tenant");
    return transactions.inStoreRead(() -> transactions.entityManager().callWithConnection(connection -> {
      try (PreparedStatement count = ((Connection) connection).prepareStatement(
          "select coalesce(sum(record_count), 0) from gdpr_audit_outbox where tenant = ?")) {
        count.setString(1, tenant.value());
        try (ResultSet result = count.executeQuery()) {
          result.next();
          return result.getLong(1);
        }
      }
    }));
  }
}

package io.gdprkit.jpa.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.spi.AuditOutbox;
import io.gdprkit.audit.spi.PendingAuditRecord;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.audit.internal.OutboxRow;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The audit outbox in {@code gdpr_audit_outbox}: a service writes its audit record in its own transaction, and the
 * drainer of any instance takes the oldest rows with {@code SELECT … FOR UPDATE SKIP LOCKED} and deletes them in the
 * transaction that chains them, so two instances never chain one record twice and a drainer that dies leaves its
 * rows to the next.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().auditOutbox(new JpaAuditOutbox(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaAuditOutbox implements AuditOutbox {

  private final JpaTransactions transactions;

  /** Creates the outbox on the kit's unit of work. */
  public JpaAuditOutbox(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  @Override
  public long add(AuditRecord record) {
    Preconditions.notNull(record, "record");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      OutboxRow row = OutboxRow.of(record.tenant().value(), PendingAuditRecord.encode(record));
      em.persist(row);
      em.flush();
      em.detach(row);
      return row.id();
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here one JDBC batch of inserts on the unit's connection, past the persistence context: no entity to manage, and
   * no flush that would check every entity the host's transaction holds once per record.
   */
  @Override
  public void addAll(List<AuditRecord> records) {
    Preconditions.notNull(records, "records");
    if (records.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(records.size());
    for (AuditRecord record : records) {
      Preconditions.notNull(record, "record");
      rows.add(new Object[] {record.tenant().value(), PendingAuditRecord.encode(record)});
    }
    transactions.useStoreTransaction(() ->
        transactions.entityManager().runWithConnection(connection -> insertEach((Connection) connection, rows)));
  }

  private static void insertEach(Connection connection, List<Object[]> rows) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into gdpr_audit_outbox (tenant, record) values (?, ?)")) {
      for (Object[] row : rows) {
        insert.setString(1, (String) row[0]);
        insert.setBytes(2, (byte[]) row[1]);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @Override
  public List<PendingAuditRecord> take(TenantId tenant, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      @SuppressWarnings("unchecked")
      List<Object[]> rows = em.createNativeQuery("select id, record from gdpr_audit_outbox where tenant = ?"
              + " order by id limit ? for update skip locked")
          .setParameter(1, tenant.value())
          .setParameter(2, limit)
          .getResultList();
      if (rows.isEmpty()) {
        return List.of();
      }
      List<PendingAuditRecord> taken = new ArrayList<>(rows.size());
      List<Long> ids = new ArrayList<>(rows.size());
      for (Object[] row : rows) {
        long id = ((Number) row[0]).longValue();
        ids.add(id);
        taken.add(new PendingAuditRecord(id, PendingAuditRecord.decode((byte[]) row[1])));
      }
      // H2 may return the rows of a SKIP LOCKED query out of the asked order; a take hands them on in the outbox's
      taken.sort(java.util.Comparator.comparingLong(PendingAuditRecord::sequence));
      // One delete per key, batched: an equality on the primary key locks that row only, where an IN list may make
      // MariaDB's repeatable read lock the gaps between the ids too, and deadlock with a racing taker.
      em.runWithConnection(connection -> deleteEach((Connection) connection, ids));
      return taken;
    });
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
    return transactions.inStoreTransaction(() -> transactions.entityManager()
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
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select count(o) from GdprAuditOutbox o where o.tenant = :tenant", Long.class)
        .setParameter("tenant", tenant.value())
        .getSingleResult());
  }
}

package io.gdprkit.jpa.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.ChainHead;
import io.gdprkit.audit.Checkpoint;
import io.gdprkit.audit.spi.CheckpointStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.internal.LazyVendor;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Signed checkpoints of the audit chains in {@code gdpr_audit_checkpoint}, and each chain's authenticated head in
 * {@code gdpr_audit_head}; the head moves only forward, by a compare-and-set on its size.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().checkpointStore(new JpaCheckpointStore(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaCheckpointStore implements CheckpointStore {

  private static final String[] CHECKPOINT_COLUMNS = {"tenant", "tree_size", "bytes"};
  private static final String[] HEAD_COLUMNS = {"tenant", "size", "last_entry_hash", "head_at", "tag"};

  private final JpaTransactions transactions;
  private final LazyVendor vendor = new LazyVendor();

  /** Creates the store on the kit's unit of work. */
  public JpaCheckpointStore(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  @Override
  public boolean add(Checkpoint checkpoint) {
    Preconditions.notNull(checkpoint, "checkpoint");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      return vendor.of(em).insertIgnoringDuplicate(em, "gdpr_audit_checkpoint", CHECKPOINT_COLUMNS,
          checkpoint.tenant().value(), checkpoint.treeSize(), checkpoint.toBytes()) == 1;
    });
  }

  @Override
  public Optional<Checkpoint> latest(TenantId tenant) {
    Preconditions.notNull(tenant, "tenant");
    return first("select c.bytes from GdprAuditCheckpoint c where c.tenant = :tenant and c.treeSize <= :size"
        + " order by c.treeSize desc", tenant, Long.MAX_VALUE);
  }

  @Override
  public Optional<Checkpoint> atOrBefore(TenantId tenant, long treeSize) {
    Preconditions.notNull(tenant, "tenant");
    return first("select c.bytes from GdprAuditCheckpoint c where c.tenant = :tenant and c.treeSize <= :size"
        + " order by c.treeSize desc", tenant, treeSize);
  }

  @Override
  public List<Checkpoint> after(TenantId tenant, long afterSize, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select c.bytes from GdprAuditCheckpoint c where c.tenant = :tenant and c.treeSize > :size"
            + " order by c.treeSize", byte[].class)
        .setParameter("tenant", tenant.value())
        .setParameter("size", afterSize)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(Checkpoint::parse)
        .toList());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here the update comes first, a prepared statement on the unit's connection: a chain has its head row from its
   * first group commit on, so a group commit pays one statement for it. Only when the update finds no row smaller
   * than the head is the row inserted (skipped if another writer inserted it first), and then updated once more, for
   * a head inserted by that writer meanwhile.
   */
  @Override
  public boolean putHead(ChainHead head) {
    Preconditions.notNull(head, "head");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      SqlVendor sql = vendor.of(em);
      if (moveHead(em, sql, head)) {
        return true;
      }
      return sql.insertIgnoringDuplicate(em, "gdpr_audit_head", HEAD_COLUMNS, head.tenant().value(), head.size(),
          head.lastEntryHash().toByteArray(), head.at(), head.tag()) == 1 || moveHead(em, sql, head);
    });
  }

  /** Moves the stored head to {@code head} if it is smaller; returns whether it did. */
  private static boolean moveHead(EntityManager em, SqlVendor sql, ChainHead head) {
    return em.callWithConnection(connection -> {
      try (PreparedStatement update = ((Connection) connection).prepareStatement("update gdpr_audit_head"
          + " set size = ?, last_entry_hash = ?, head_at = ?, tag = ? where tenant = ? and size < ?")) {
        update.setLong(1, head.size());
        update.setBytes(2, head.lastEntryHash().toByteArray());
        sql.setInstant(update, 3, head.at());
        update.setString(4, head.tag());
        update.setString(5, head.tenant().value());
        update.setLong(6, head.size());
        return update.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Optional<ChainHead> head(TenantId tenant) {
    Preconditions.notNull(tenant, "tenant");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select h.size, h.lastEntryHash, h.at, h.tag from GdprAuditHead h where h.tenant = :tenant",
            Object[].class)
        .setParameter("tenant", tenant.value())
        .getResultStream()
        .findFirst()
        .map(row -> new ChainHead(tenant, (Long) row[0], AuditHash.of((byte[]) row[1]), (Instant) row[2],
            (String) row[3])));
  }

  private Optional<Checkpoint> first(String query, TenantId tenant, long size) {
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery(query, byte[].class)
        .setParameter("tenant", tenant.value())
        .setParameter("size", size)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(Checkpoint::parse));
  }
}

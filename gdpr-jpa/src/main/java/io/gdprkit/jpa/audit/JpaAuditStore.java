package io.gdprkit.jpa.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.audit.spi.EncodedEntry;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.internal.LazyVendor;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The audit hash chains (Art. 5(2), Art. 30) in table {@code gdpr_audit_entry}, one row per entry holding its
 * canonical bytes and stored hash, so verification reads and hashes bytes without decoding them.
 *
 * <p>An append takes the next position only: the primary key (tenant, position) refuses a second writer of the same
 * position, and a position beyond the last committed one is refused before it is written, so no instance can fork or
 * gap a chain. Refused appends return {@code false}; the kit's drainer retries them after reading the new last entry.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().auditStore(new JpaAuditStore(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaAuditStore implements AuditStore {

  private static final String TABLE = "gdpr_audit_entry";
  private static final String[] COLUMNS = {"tenant", "position", "entry_at", "hash", "bytes"};

  private final JpaTransactions transactions;
  private final LazyVendor vendor = new LazyVendor();

  /** Creates the store on the kit's unit of work. */
  public JpaAuditStore(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  @Override
  public boolean append(TenantId tenant, AuditEntry entry) {
    Preconditions.notNull(entry, "entry");
    return appendAll(tenant, List.of(entry)) == 1;
  }

  /**
   * Appends the entries that continue the stored chain, in one statement batch on PostgreSQL and MariaDB (one round
   * trip for the whole group commit instead of one per entry), each insert skipping a position another writer holds.
   * The entries stored are the ones before the first skipped insert; a batch goes on past a skipped one, so whatever
   * it wrote after it is deleted again before this returns, and the chain never gets an entry that follows a position
   * this call did not write. H2, which has no insert that skips a duplicate key, inserts one entry at a time under a
   * savepoint.
   */
  @Override
  public int appendAll(TenantId tenant, List<AuditEntry> entries) {
    Preconditions.notNull(tenant, "tenant");
    List<AuditEntry> batch = List.copyOf(Preconditions.notNull(entries, "entries"));
    if (batch.isEmpty()) {
      return 0;
    }
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      long next = size(em, tenant);
      int due = 0;
      while (due < batch.size() && batch.get(due).position() == next + due) {
        due++;
      }
      if (due == 0) {
        return 0;
      }
      List<AuditEntry> continuing = batch.subList(0, due);
      SqlVendor sql = vendor.of(em);
      if (sql == SqlVendor.H2) {
        return appendEach(em, sql, tenant, continuing);
      }
      return em.callWithConnection(connection -> appendBatch((Connection) connection, sql, tenant, continuing));
    });
  }

  private static int appendEach(EntityManager em, SqlVendor vendor, TenantId tenant, List<AuditEntry> entries) {
    int stored = 0;
    for (AuditEntry entry : entries) {
      EncodedEntry encoded = EncodedEntry.of(entry);
      if (vendor.insertIgnoringDuplicate(em, TABLE, COLUMNS, tenant.value(), entry.position(), entry.at(),
          encoded.hash().toByteArray(), encoded.bytes()) == 0) {
        break;
      }
      stored++;
    }
    return stored;
  }

  private static int appendBatch(Connection connection, SqlVendor vendor, TenantId tenant, List<AuditEntry> entries)
      throws SQLException {
    String columns = String.join(", ", COLUMNS);
    String sql = vendor == SqlVendor.POSTGRESQL
        ? "insert into " + TABLE + " (" + columns + ") values (?, ?, ?, ?, ?) on conflict do nothing"
        : "insert ignore into " + TABLE + " (" + columns + ") values (?, ?, ?, ?, ?)";
    byte[][] hashes = new byte[entries.size()][];
    int[] counts;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (int i = 0; i < entries.size(); i++) {
        AuditEntry entry = entries.get(i);
        EncodedEntry encoded = EncodedEntry.of(entry);
        hashes[i] = encoded.hash().toByteArray();
        insert.setString(1, tenant.value());
        insert.setLong(2, entry.position());
        vendor.setInstant(insert, 3, entry.at());
        insert.setBytes(4, hashes[i]);
        insert.setBytes(5, encoded.bytes());
        insert.addBatch();
      }
      counts = insert.executeBatch();
    }
    boolean[] ours = new boolean[entries.size()];
    boolean known = true;
    for (int i = 0; i < counts.length; i++) {
      known &= counts[i] >= 0;
      ours[i] = counts[i] > 0;
    }
    if (!known) {
      // the driver did not say which inserts it skipped: the rows holding this call's hashes are its own
      ours = ownRows(connection, tenant, entries.get(0).position(), hashes);
    }
    int stored = 0;
    while (stored < ours.length && ours[stored]) {
      stored++;
    }
    if (stored < ours.length) {
      deleteAfterGap(connection, tenant, entries, ours, stored);
    }
    return stored;
  }

  /** Returns, per entry, whether the stored row at its position holds its hash. */
  private static boolean[] ownRows(Connection connection, TenantId tenant, long first, byte[][] hashes)
      throws SQLException {
    boolean[] ours = new boolean[hashes.length];
    try (PreparedStatement select = connection.prepareStatement("select position, hash from " + TABLE
        + " where tenant = ? and position >= ? and position < ?")) {
      select.setString(1, tenant.value());
      select.setLong(2, first);
      select.setLong(3, first + hashes.length);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          int i = Math.toIntExact(rows.getLong(1) - first);
          ours[i] = Arrays.equals(rows.getBytes(2), hashes[i]);
        }
      }
    }
    return ours;
  }

  /** Deletes, by whole primary key, the rows this call wrote after the first position it could not write. */
  private static void deleteAfterGap(Connection connection, TenantId tenant, List<AuditEntry> entries,
      boolean[] ours, int gap) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("delete from " + TABLE
        + " where tenant = ? and position = ?")) {
      for (int i = gap + 1; i < ours.length; i++) {
        if (ours[i]) {
          delete.setString(1, tenant.value());
          delete.setLong(2, entries.get(i).position());
          delete.addBatch();
        }
      }
      delete.executeBatch();
    }
  }

  @Override
  public Optional<AuditEntry> last(TenantId tenant) {
    Preconditions.notNull(tenant, "tenant");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select e.bytes, e.hash from GdprAuditEntry e where e.tenant = :tenant order by e.position desc",
            Object[].class)
        .setParameter("tenant", tenant.value())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(JpaAuditStore::encoded)
        .map(EncodedEntry::toEntry));
  }

  @Override
  public List<AuditEntry> entries(TenantId tenant, long from, int limit) {
    List<EncodedEntry> encoded = encodedEntries(tenant, from, limit);
    List<AuditEntry> entries = new ArrayList<>(encoded.size());
    for (EncodedEntry entry : encoded) {
      entries.add(entry.toEntry());
    }
    return entries;
  }

  @Override
  public List<EncodedEntry> encodedEntries(TenantId tenant, long from, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.check(from >= 0, "from", "must not be negative");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select e.bytes, e.hash from GdprAuditEntry e where e.tenant = :tenant and e.position >= :from"
            + " order by e.position", Object[].class)
        .setParameter("tenant", tenant.value())
        .setParameter("from", from)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(JpaAuditStore::encoded)
        .toList());
  }

  @Override
  public long size(TenantId tenant) {
    Preconditions.notNull(tenant, "tenant");
    return transactions.inStoreTransaction(() -> size(transactions.entityManager(), tenant));
  }

  private static long size(EntityManager em, TenantId tenant) {
    Long last = em.createQuery("select max(e.position) from GdprAuditEntry e where e.tenant = :tenant", Long.class)
        .setParameter("tenant", tenant.value())
        .getSingleResult();
    return last == null ? 0 : last + 1;
  }

  private static EncodedEntry encoded(Object[] row) {
    return new EncodedEntry((byte[]) row[0], AuditHash.of((byte[]) row[1]));
  }
}

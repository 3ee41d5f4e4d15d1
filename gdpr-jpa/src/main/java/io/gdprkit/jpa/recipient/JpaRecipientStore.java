package io.gdprkit.jpa.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.jpa.recipient.internal.RecipientRow;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.spi.RecipientStore;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The register of recipients (Art. 30(1)(d)–(e), Art. 15(1)(c), Art. 19) in table {@code gdpr_recipient}, keyed by
 * tenant and recipient id.
 *
 * <p>A save that replaces an entry first locks its row for update, so of racing saves each sees the entry the one
 * before it left, a retirement racing a save is never undone, and exactly one of the saves racing for a new id
 * inserts it. Rows are never deleted: a retired entry stays, as the register's history needs it.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().recipientStore(new JpaRecipientStore(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaRecipientStore implements RecipientStore {

  private static final String TABLE = "gdpr_recipient";
  private static final String[] COLUMNS = {"tenant", "id", "kind", "name", "contact", "country", "safeguard",
      "safeguard_reference", "retired_at", "retirement_reason", "revision"};

  private final JpaTransactions transactions;

  /** Creates the store on the kit's unit of work. */
  public JpaRecipientStore(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  /**
   * Saves in the order that keeps MariaDB's repeatable read free of deadlocks: a row seen by a plain read is locked
   * for update before anything else; only where none was seen is an insert tried, and that insert takes the write lock
   * of a row a racing save committed meanwhile (see {@link SqlVendor#insertOrLockExisting}).
   */
  @Override
  public Optional<Recipient> save(TenantId tenant, Recipient recipient) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(recipient, "recipient");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      if (row(em, tenant, recipient.id(), LockModeType.NONE).isEmpty()
          && SqlVendor.of(em).insertOrLockExisting(em, TABLE, "revision", COLUMNS, tenant.value(), recipient.id(),
              recipient.kind().name(), recipient.name(), recipient.contact(), recipient.country().value(),
              recipient.safeguard().name(), recipient.safeguardReference(), recipient.retiredAt(),
              recipient.retirementReason(), 1L) == 1) {
        return Optional.empty();
      }
      Recipient previous = row(em, tenant, recipient.id(), LockModeType.PESSIMISTIC_WRITE).orElseThrow(
          () -> new IllegalStateException("a recipient row vanished, though rows are never deleted"));
      if (!previous.isRetired()) {
        em.createQuery("update GdprRecipient r set r.kind = :kind, r.name = :name, r.contact = :contact,"
                + " r.country = :country, r.safeguard = :safeguard, r.safeguardReference = :reference,"
                + " r.retiredAt = :retiredAt, r.retirementReason = :reason, r.revision = r.revision + 1"
                + " where r.tenant = :tenant and r.recipientId = :id")
            .setParameter("kind", recipient.kind())
            .setParameter("name", recipient.name())
            .setParameter("contact", recipient.contact())
            .setParameter("country", recipient.country().value())
            .setParameter("safeguard", recipient.safeguard())
            .setParameter("reference", recipient.safeguardReference())
            .setParameter("retiredAt", recipient.retiredAt())
            .setParameter("reason", recipient.retirementReason())
            .setParameter("tenant", tenant.value())
            .setParameter("id", recipient.id())
            .executeUpdate();
      }
      return Optional.of(previous);
    });
  }

  @Override
  public boolean retire(TenantId tenant, String id, Instant at, String reason) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(id, "id");
    Preconditions.notNull(at, "at");
    Preconditions.text(reason, "retirement reason", 500);
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("update GdprRecipient r set r.retiredAt = :at, r.retirementReason = :reason,"
            + " r.revision = r.revision + 1 where r.tenant = :tenant and r.recipientId = :id and r.retiredAt is null")
        .setParameter("at", at)
        .setParameter("reason", reason)
        .setParameter("tenant", tenant.value())
        .setParameter("id", id)
        .executeUpdate() == 1);
  }

  @Override
  public Optional<Recipient> find(TenantId tenant, String id) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(id, "id");
    return transactions.inStoreTransaction(() -> row(transactions.entityManager(), tenant, id, LockModeType.NONE));
  }

  @Override
  public List<Recipient> all(TenantId tenant) {
    Preconditions.notNull(tenant, "tenant");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      List<RecipientRow> rows = em.createQuery(
              "select r from GdprRecipient r where r.tenant = :tenant order by r.recipientId", RecipientRow.class)
          .setParameter("tenant", tenant.value())
          .getResultList();
      rows.forEach(em::detach);
      return rows.stream().map(RecipientRow::toRecipient).toList();
    });
  }

  /** Reads the row with {@code lock}, detached so that a later read in the unit sees the database, not a cache. */
  private static Optional<Recipient> row(EntityManager em, TenantId tenant, String id, LockModeType lock) {
    List<RecipientRow> rows = em.createQuery(
            "select r from GdprRecipient r where r.tenant = :tenant and r.recipientId = :id", RecipientRow.class)
        .setParameter("tenant", tenant.value())
        .setParameter("id", id)
        .setLockMode(lock)
        .getResultList();
    rows.forEach(em::detach);
    return rows.stream().findFirst().map(RecipientRow::toRecipient);
  }
}

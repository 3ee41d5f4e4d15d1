package io.gdprkit.jpa.authorisation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.authorisation.Authorisation;
import io.gdprkit.authorisation.StaffUser;
import io.gdprkit.authorisation.spi.AuthorisationStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.authorisation.internal.AuthorisationRow;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The register of authorised persons (Art. 29, Art. 32(4): staff act on personal data only as instructed, and the
 * controller can show who could) in {@code gdpr_authorisation}. Revocation stamps a row; nothing is deleted.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().authorisationStore(new JpaAuthorisationStore(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaAuthorisationStore implements AuthorisationStore {

  private static final String[] COLUMNS = {"id", "tenant", "staff", "category", "valid_from", "valid_until",
      "granted_by_type", "granted_by", "granted_at"};

  private final JpaTransactions transactions;

  /** Creates the store on the kit's unit of work. */
  public JpaAuthorisationStore(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  @Override
  public void add(Authorisation authorisation) {
    Preconditions.notNull(authorisation, "authorisation");
    Preconditions.check(authorisation.revokedAt() == null, "authorisation", "must not be revoked when added");
    int added = transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      return SqlVendor.of(em).insertIgnoringDuplicate(em, "gdpr_authorisation", COLUMNS,
          authorisation.id().toString(), authorisation.staff().tenant().value(), authorisation.staff().id(),
          authorisation.category(), authorisation.validFrom(), authorisation.validUntil(),
          authorisation.grantedBy().type().name(), authorisation.grantedBy().id(), authorisation.grantedAt());
    });
    if (added == 0) {
      throw InvalidInputException.of("authorisation id", "is in the register already");
    }
  }

  @Override
  public Optional<Authorisation> find(UUID id) {
    Preconditions.notNull(id, "id");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select a from GdprAuthorisation a where a.id = :id", AuthorisationRow.class)
        .setParameter("id", id.toString())
        .getResultStream()
        .findFirst()
        .map(AuthorisationRow::toAuthorisation));
  }

  @Override
  public boolean revoke(UUID id, Instant at, Actor revokedBy) {
    Preconditions.notNull(id, "id");
    Preconditions.notNull(at, "at");
    Preconditions.notNull(revokedBy, "revokedBy");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("update GdprAuthorisation a set a.revokedAt = :at, a.revokedByType = :type, a.revokedBy = :by"
            + " where a.id = :id and a.revokedAt is null")
        .setParameter("at", at)
        .setParameter("type", revokedBy.type())
        .setParameter("by", revokedBy.id())
        .setParameter("id", id.toString())
        .executeUpdate() == 1);
  }

  @Override
  public List<Authorisation> forStaff(StaffUser staff) {
    Preconditions.notNull(staff, "staff");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select a from GdprAuthorisation a where a.tenant = :tenant and a.staff = :staff order by a.seq",
            AuthorisationRow.class)
        .setParameter("tenant", staff.tenant().value())
        .setParameter("staff", staff.id())
        .getResultList()
        .stream()
        .map(AuthorisationRow::toAuthorisation)
        .toList());
  }

  @Override
  public List<Authorisation> forCategory(TenantId tenant, String category) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(category, "category");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select a from GdprAuthorisation a where a.tenant = :tenant and a.category = :category"
            + " order by a.staff, a.seq", AuthorisationRow.class)
        .setParameter("tenant", tenant.value())
        .setParameter("category", category)
        .getResultList()
        .stream()
        .map(AuthorisationRow::toAuthorisation)
        .toList());
  }
}

package io.gdprkit.jpa.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.jpa.recipient.internal.DisclosureRow;
import io.gdprkit.jpa.recipient.internal.NotificationRow;
import io.gdprkit.jpa.recipient.internal.RecipientJson;
import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.Notification;
import io.gdprkit.recipient.spi.DisclosureStore;
import io.gdprkit.subject.SubjectId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The disclosure log (Art. 15(1)(c), Art. 30(1)(d)) in table {@code gdpr_disclosure} and the Art. 19 notices to
 * recipients in {@code gdpr_notification}, shared by every kit instance on the database.
 *
 * <p>The log is append-only, in append order; erasure clears the subject column of its entries and keeps the
 * pseudonym. The notices are an outbox that instances send under a lease: {@link #claimUndelivered} takes the oldest
 * undelivered rows no other transaction holds with {@code SELECT … FOR UPDATE SKIP LOCKED}, skips those whose lease
 * has not run out, and writes its owner and lease end on each by primary key, all in one transaction; so two
 * instances never send one notice at once, and a notice whose sender died is taken over when its lease ends. Lease
 * ends are compared with this store's clock, which every instance should keep in step (NTP), as it also sets them.
 * H2 locks every row such a query matches, not only those its limit returns, so there a claim finds nothing while
 * another is uncommitted: H2 suits one instance, or tests.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().disclosureStore(new JpaDisclosureStore(transactions, clock))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaDisclosureStore implements DisclosureStore {

  private static final String NOTIFICATIONS = "gdpr_notification";
  private static final int MAX_OWNER = 200;

  /** Sets a notification's data columns from the parameters; a condition on the row follows. */
  private static final String SET_NOTIFICATION = "update GdprNotification n set n.tenant = :tenant,"
      + " n.subject = :subject, n.subjectPseudonym = :pseudonym, n.recipient = :recipient, n.reason = :reason,"
      + " n.details = :details, n.status = :status, n.undelivered = :undelivered, n.attempts = :attempts,"
      + " n.lastError = :lastError, n.createdAt = :createdAt, n.deliveredAt = :deliveredAt,"
      + " n.revision = n.revision + 1";

  private final JpaTransactions transactions;
  private final Clock clock;

  /** Creates the store on the kit's unit of work, comparing lease ends with the system clock. */
  public JpaDisclosureStore(JpaTransactions transactions) {
    this(transactions, Clock.systemUTC());
  }

  /** Creates the store on the kit's unit of work, comparing lease ends with {@code clock}. */
  public JpaDisclosureStore(JpaTransactions transactions, Clock clock) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
    this.clock = Preconditions.notNull(clock, "clock");
  }

  @Override
  public void append(Disclosure disclosure) {
    Preconditions.notNull(disclosure, "disclosure");
    Preconditions.check(disclosure.subject() != null, "disclosure subject", "must be present when appended");
    DisclosureRow row = DisclosureRow.of(disclosure);
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      em.persist(row);
      em.flush();
      em.detach(row);
    });
  }

  @Override
  public List<Disclosure> bySubject(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return transactions.inStoreTransaction(() -> disclosures(bySubject(transactions.entityManager(), subject)));
  }

  @Override
  public List<Disclosure> bySubject(SubjectId subject, int offset, int limit) {
    Preconditions.notNull(subject, "subject");
    Preconditions.check(offset >= 0, "offset", "must not be negative");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> disclosures(bySubject(transactions.entityManager(), subject)
        .setFirstResult(offset)
        .setMaxResults(limit)));
  }

  private static TypedQuery<DisclosureRow> bySubject(EntityManager em, SubjectId subject) {
    return em.createQuery("select d from GdprDisclosure d where d.tenant = :tenant and d.subject = :subject"
            + " order by d.seq", DisclosureRow.class)
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value());
  }

  @Override
  public List<Disclosure> byPseudonym(String subjectPseudonym) {
    Preconditions.notNull(subjectPseudonym, "subjectPseudonym");
    return transactions.inStoreTransaction(() -> disclosures(transactions.entityManager()
        .createQuery("select d from GdprDisclosure d where d.subjectPseudonym = :pseudonym order by d.seq",
            DisclosureRow.class)
        .setParameter("pseudonym", subjectPseudonym)));
  }

  private List<Disclosure> disclosures(TypedQuery<DisclosureRow> query) {
    List<DisclosureRow> rows = query.getResultList();
    rows.forEach(transactions.entityManager()::detach);
    return rows.stream().map(DisclosureRow::toDisclosure).toList();
  }

  @Override
  public int pseudonymise(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("update GdprDisclosure d set d.subject = null where d.tenant = :tenant and d.subject = :subject")
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value())
        .executeUpdate());
  }

  /**
   * Updates a notification seen by a plain read; inserts one not seen, and if a racing save inserted it meanwhile,
   * takes that row's write lock and updates it (see {@link SqlVendor#insertOrLockExisting}). The lease, if any, stays.
   */
  @Override
  public void saveNotification(Notification notification) {
    Preconditions.notNull(notification, "notification");
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      boolean seen = !em.createQuery("select n.id from GdprNotification n where n.id = :id", String.class)
          .setParameter("id", notification.id().toString())
          .getResultList()
          .isEmpty();
      if (seen || SqlVendor.of(em).insertOrLockExisting(em, NOTIFICATIONS, "revision", NotificationRow.COLUMNS,
          NotificationRow.values(notification)) == 0) {
        setNotification(em, notification, " where n.id = :id").executeUpdate();
      }
    });
  }

  /** Returns the update of every data column of {@code notification}, with {@code where} and its parameters. */
  private static Query setNotification(EntityManager em, Notification notification, String where) {
    return em.createQuery(SET_NOTIFICATION + where)
        .setParameter("tenant", notification.tenant().value())
        .setParameter("subject", notification.subject() == null ? null : notification.subject().value())
        .setParameter("pseudonym", notification.subjectPseudonym())
        .setParameter("recipient", notification.recipient())
        .setParameter("reason", notification.reason())
        .setParameter("details", RecipientJson.details(notification.details()))
        .setParameter("status", notification.status())
        .setParameter("undelivered", notification.undelivered())
        .setParameter("attempts", notification.attempts())
        .setParameter("lastError", notification.lastError())
        .setParameter("createdAt", notification.createdAt())
        .setParameter("deliveredAt", notification.deliveredAt())
        .setParameter("id", notification.id().toString());
  }

  @Override
  public Optional<Notification> notification(UUID id) {
    Preconditions.notNull(id, "id");
    return transactions.inStoreTransaction(() -> stored(id));
  }

  private Optional<Notification> stored(UUID id) {
    return notifications(notificationsWhere("n.id = :id").setParameter("id", id.toString())).stream().findFirst();
  }

  @Override
  public List<Notification> notifications(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return transactions.inStoreTransaction(() -> notifications(
        notificationsWhere("n.tenant = :tenant and n.subject = :subject order by n.seq")
            .setParameter("tenant", subject.tenant().value())
            .setParameter("subject", subject.value())));
  }

  @Override
  public List<Notification> notificationsByPseudonym(String subjectPseudonym) {
    Preconditions.notNull(subjectPseudonym, "subjectPseudonym");
    return transactions.inStoreTransaction(() -> notifications(
        notificationsWhere("n.subjectPseudonym = :pseudonym order by n.seq")
            .setParameter("pseudonym", subjectPseudonym)));
  }

  @Override
  public List<Notification> undelivered(int limit) {
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> notifications(
        notificationsWhere("n.undelivered = true order by n.seq").setMaxResults(limit)));
  }

  private TypedQuery<NotificationRow> notificationsWhere(String condition) {
    return transactions.entityManager()
        .createQuery("select n from GdprNotification n where " + condition, NotificationRow.class);
  }

  /** Runs the query and detaches its rows, so that a later read in the unit sees the database, not a cache. */
  private List<Notification> notifications(TypedQuery<NotificationRow> query) {
    List<NotificationRow> rows = query.getResultList();
    rows.forEach(transactions.entityManager()::detach);
    return rows.stream().map(NotificationRow::toNotification).toList();
  }

  /**
   * Locks the oldest undelivered rows that no other transaction holds ({@code SKIP LOCKED}) and whose lease is free
   * or ran out, then leases each by its primary key: an equality that locks that row only, where a range or an
   * {@code IN} list may make MariaDB's repeatable read lock the gaps between rows and deadlock with a racing claimer.
   */
  @Override
  public List<Notification> claimUndelivered(String owner, Instant leaseUntil, int limit) {
    Preconditions.text(owner, "owner", MAX_OWNER);
    Preconditions.notNull(leaseUntil, "leaseUntil");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      @SuppressWarnings("unchecked")
      List<NotificationRow> rows = em.createNativeQuery("select * from " + NOTIFICATIONS + " where undelivered = true"
              + " and (lease_until is null or lease_until <= ?) order by seq limit ? for update skip locked",
              NotificationRow.class)
          .setParameter(1, clock.instant())
          .setParameter(2, limit)
          .getResultList();
      rows.forEach(em::detach);
      List<Notification> claimed = rows.stream().map(NotificationRow::toNotification).toList();
      for (Notification notification : claimed) {
        em.createQuery("update GdprNotification n set n.leaseOwner = :owner, n.leaseUntil = :until where n.id = :id")
            .setParameter("owner", owner)
            .setParameter("until", leaseUntil)
            .setParameter("id", notification.id().toString())
            .executeUpdate();
      }
      return claimed;
    });
  }

  @Override
  public Optional<Notification> claimNotification(UUID id, String owner, Instant leaseUntil) {
    Preconditions.notNull(id, "id");
    Preconditions.text(owner, "owner", MAX_OWNER);
    Preconditions.notNull(leaseUntil, "leaseUntil");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      int claimed = em.createQuery("update GdprNotification n set n.leaseOwner = :owner, n.leaseUntil = :until"
              + " where n.id = :id and (n.leaseUntil is null or n.leaseUntil <= :now or n.leaseOwner = :owner)")
          .setParameter("owner", owner)
          .setParameter("until", leaseUntil)
          .setParameter("id", id.toString())
          .setParameter("now", clock.instant())
          .executeUpdate();
      return claimed == 1 ? stored(id) : Optional.<Notification>empty();
    });
  }

  @Override
  public boolean completeNotification(Notification outcome, String owner) {
    Preconditions.notNull(outcome, "outcome");
    Preconditions.notBlank(owner, "owner");
    return transactions.inStoreTransaction(() -> setNotification(transactions.entityManager(), outcome,
            ", n.leaseOwner = null, n.leaseUntil = null where n.id = :id and n.leaseOwner = :owner")
        .setParameter("owner", owner)
        .executeUpdate() == 1);
  }

  @Override
  public boolean releaseNotification(UUID id, String owner) {
    Preconditions.notNull(id, "id");
    Preconditions.notBlank(owner, "owner");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("update GdprNotification n set n.leaseOwner = null, n.leaseUntil = null"
            + " where n.id = :id and n.leaseOwner = :owner")
        .setParameter("id", id.toString())
        .setParameter("owner", owner)
        .executeUpdate() == 1);
  }
}

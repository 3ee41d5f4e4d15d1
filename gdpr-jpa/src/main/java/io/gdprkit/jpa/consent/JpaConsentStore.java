package io.gdprkit.jpa.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.ConsentConflictException;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.consent.RightToObjectPresentation;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.SwitchChange;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.consent.internal.ConsentCodec;
import io.gdprkit.jpa.consent.internal.ConsentEventRow;
import io.gdprkit.jpa.consent.internal.ConsentSnapshotRow;
import io.gdprkit.jpa.consent.internal.ObjectionChangeRow;
import io.gdprkit.jpa.consent.internal.PresentationRow;
import io.gdprkit.jpa.consent.internal.RestrictionChangeRow;
import io.gdprkit.jpa.consent.internal.SwitchChangeRow;
import io.gdprkit.jpa.internal.LazyVendor;
import io.gdprkit.jpa.internal.Micros;
import io.gdprkit.jpa.internal.RowLocks;
import io.gdprkit.jpa.internal.Subjects;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The consent ledger (Art. 7(1): the controller must be able to demonstrate consent) and each subject's current
 * consents, switches, restriction (Art. 18) and objections (Art. 21), in the tables of {@code V1_10__gdpr_consent.sql}.
 *
 * <p>Events and changes are rows that are only ever inserted (until the subject is erased). Next to them,
 * {@code gdpr_consent_snapshot} holds one row per subject with what {@link #current} returns, so a decision is one
 * lookup by primary key and never a fold. Every write locks the subject's snapshot row first, checks that each
 * event's sequence is the next one of its purpose (and each change's the next one of its history) against it, then
 * inserts the rows and updates the snapshot in the same transaction; a write that is not next is refused with
 * {@link ConsentConflictException} before anything is written, as in memory. The unique keys (tenant, subject,
 * purpose, sequence) of the ledger and (tenant, subject, sequence) of the histories refuse a second row at one place
 * whatever wrote it.
 *
 * <p>Times are kept to the microsecond, the precision of the tables: an event's instants are truncated to it before
 * they are written and folded, so the snapshot always equals the fold of the stored history.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().consentStore(new JpaConsentStore(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaConsentStore implements ConsentStore {

  private static final String SNAPSHOT_TABLE = "gdpr_consent_snapshot";
  private static final String[] SNAPSHOT_COLUMNS =
      {"tenant", "subject", "version", "events", "switches", "restrictions", "objections", "presentations", "body"};

  private final JpaTransactions transactions;
  private final LazyVendor vendor = new LazyVendor();

  /** Creates the store on the kit's unit of work. */
  public JpaConsentStore(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  @Override
  public void append(ConsentEvent event) {
    Preconditions.notNull(event, "event");
    appendAll(List.of(event));
  }

  @Override
  public void appendAll(List<ConsentEvent> events) {
    List<ConsentEvent> batch = Preconditions.notNull(events, "events").stream().map(JpaConsentStore::truncated).toList();
    if (batch.isEmpty()) {
      return;
    }
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      Map<SubjectId, Ledger> ledgers = lock(em, batch.stream().map(ConsentEvent::subject).toList());
      List<ConsentEventRow> rows = new ArrayList<>(batch.size());
      try {
        // the whole batch is checked against the locked snapshots before anything is written
        for (ConsentEvent event : batch) {
          Ledger ledger = ledgers.get(event.subject());
          ledger.consents = ledger.consents.with(next(ledger.consents, event));
          ledger.events++;
          rows.add(ConsentEventRow.of(event, ledger.events));
        }
      } catch (RuntimeException refused) {
        dropPlaceholders(em, ledgers.values());
        throw refused;
      }
      insert(em, rows);
      ledgers.values().forEach(ledger -> save(em, ledger));
    });
  }

  /** Returns the state after {@code event}, refusing it as {@code InMemoryConsentStore} does. */
  private static ConsentState next(SubjectConsents current, ConsentEvent event) {
    ConsentState before = current.state(event.purpose());
    long expected = before == null ? 1 : before.sequence() + 1;
    if (event.sequence() != expected) {
      throw ConsentConflictException.of(event.subject(), event.purpose(), expected, event.sequence());
    }
    ConsentState after = ConsentState.apply(before, event);
    if (after == null) {
      throw InvalidInputException.of("event", "takes no effect as the first event of its subject and purpose");
    }
    return after;
  }

  /**
   * Returns the subject's current consents: one read of its snapshot row by primary key. Outside a unit of work the
   * read is a prepared statement on the entity manager's connection, not a JPQL query: there is no persistence
   * context that could hold an unflushed change of the row, and a decision then costs the database round trip and
   * little else (measured in {@code JpaDecideBenchmark} against a bare JDBC select of the row). Inside a unit the
   * query goes through the entity manager, so that it flushes and sees the unit's own writes.
   */
  @Override
  public SubjectConsents current(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return versioned(subject).consents();
  }

  /**
   * Returns the subject's current consents with the version of its snapshot row, read in one statement: what
   * {@link CachingConsentStore} keeps, so that a change the feed reports is compared with what it holds. Version 0
   * stands for no row.
   */
  Versioned versioned(SubjectId subject) {
    if (!transactions.inUnit()) {
      return transactions.inStoreRead(() -> transactions.entityManager()
          .callWithConnection(connection -> select((Connection) connection, subject)));
    }
    List<Object[]> rows = transactions.entityManager()
        .createQuery("select s.version, s.body from GdprConsentSnapshot s where s.tenant = :tenant"
            + " and s.subject = :subject", Object[].class)
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value())
        .getResultList();
    return rows.isEmpty() ? new Versioned(SubjectConsents.EMPTY, 0)
        : new Versioned(ConsentCodec.snapshot(subject, (String) rows.get(0)[1]), (Long) rows.get(0)[0]);
  }

  private static Versioned select(Connection connection, SubjectId subject) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "select version, body from gdpr_consent_snapshot where tenant = ? and subject = ?")) {
      select.setString(1, subject.tenant().value());
      select.setString(2, subject.value());
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? new Versioned(ConsentCodec.snapshot(subject, row.getString(2)), row.getLong(1))
            : new Versioned(SubjectConsents.EMPTY, 0);
      }
    }
  }

  /** Returns the unit of work the store writes through. */
  JpaTransactions transactions() {
    return transactions;
  }

  /** A subject's current consents and the version of the snapshot row they were read from. */
  record Versioned(SubjectConsents consents, long version) {}

  @Override
  public List<ConsentEvent> history(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return rows("select e from GdprConsentEvent e where e.tenant = :tenant and e.subject = :subject"
        + " order by e.position", ConsentEventRow.class, subject, null, ConsentEventRow::toEvent);
  }

  @Override
  public List<ConsentEvent> history(SubjectId subject, String purpose) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(purpose, "purpose");
    return rows("select e from GdprConsentEvent e where e.tenant = :tenant and e.subject = :subject"
        + " and e.purpose = :purpose order by e.sequence", ConsentEventRow.class, subject, purpose,
        ConsentEventRow::toEvent);
  }

  @Override
  public void recordSwitch(SwitchChange change) {
    Preconditions.notNull(change, "change");
    SwitchChange kept = new SwitchChange(change.subject(), change.processingSwitch(), change.on(),
        change.changedBy(), Micros.truncate(change.changedAt()), change.sequence());
    record(History.SWITCHES, kept.subject(), kept.sequence(), SwitchChangeRow.of(kept),
        consents -> consents.with(kept.processingSwitch(), kept.on()));
  }

  @Override
  public List<SwitchChange> switchHistory(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return rows("select c from GdprConsentSwitch c where c.tenant = :tenant and c.subject = :subject"
        + " order by c.sequence", SwitchChangeRow.class, subject, null, SwitchChangeRow::toChange);
  }

  @Override
  public void recordRestriction(RestrictionChange change) {
    Preconditions.notNull(change, "change");
    RestrictionChange kept = new RestrictionChange(change.subject(), change.restricted(), change.reason(),
        change.changedBy(), Micros.truncate(change.changedAt()), change.sequence());
    record(History.RESTRICTIONS, kept.subject(), kept.sequence(), RestrictionChangeRow.of(kept),
        consents -> consents.withRestriction(kept.restricted()));
  }

  @Override
  public List<RestrictionChange> restrictionHistory(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return rows("select c from GdprConsentRestriction c where c.tenant = :tenant and c.subject = :subject"
        + " order by c.sequence", RestrictionChangeRow.class, subject, null, RestrictionChangeRow::toChange);
  }

  @Override
  public void recordObjection(ObjectionChange change) {
    Preconditions.notNull(change, "change");
    ObjectionChange kept = new ObjectionChange(change.subject(), change.purpose(), change.status(), change.note(),
        change.changedBy(), Micros.truncate(change.changedAt()), change.sequence());
    record(History.OBJECTIONS, kept.subject(), kept.sequence(), ObjectionChangeRow.of(kept),
        consents -> consents.withObjection(kept.purpose(), kept.status()));
  }

  @Override
  public List<ObjectionChange> objectionHistory(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return rows("select c from GdprConsentObjection c where c.tenant = :tenant and c.subject = :subject"
        + " order by c.sequence", ObjectionChangeRow.class, subject, null, ObjectionChangeRow::toChange);
  }

  /**
   * Appends a presentation of the right to object (Art. 21(4)) at the next place of the subject's presentations. A
   * presentation is a fact, not a state change: it takes the next place under the snapshot row's lock instead of
   * carrying a sequence to compare, and the snapshot's consents stay as they are.
   */
  @Override
  public void recordRightToObjectPresented(RightToObjectPresentation presentation) {
    Preconditions.notNull(presentation, "presentation");
    RightToObjectPresentation kept = new RightToObjectPresentation(presentation.subject(),
        presentation.noticeVersion(), presentation.channel(), presentation.reference(),
        Micros.truncate(presentation.presentedAt()), presentation.recordedBy());
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      Ledger ledger = lock(em, kept.subject());
      long next = ++ledger.changes[History.PRESENTATIONS.ordinal()];
      insert(em, List.of(PresentationRow.of(kept, next)));
      save(em, ledger);
    });
  }

  @Override
  public List<RightToObjectPresentation> rightToObjectPresentations(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return rows("select c from GdprConsentPresentation c where c.tenant = :tenant and c.subject = :subject"
        + " order by c.sequence", PresentationRow.class, subject, null, PresentationRow::toPresentation);
  }

  /** Appends a change that must be next in its history and applies it to the snapshot, in one transaction. */
  private void record(History history, SubjectId subject, long sequence, Object row,
      java.util.function.UnaryOperator<SubjectConsents> change) {
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      Ledger ledger = lock(em, subject);
      long expected = ledger.changes[history.ordinal()] + 1;
      if (sequence != expected) {
        dropPlaceholders(em, List.of(ledger));
        throw ConsentConflictException.ofHistory(subject, history.label, expected, sequence);
      }
      ledger.changes[history.ordinal()] = sequence;
      ledger.consents = change.apply(ledger.consents);
      insert(em, List.of(row));
      save(em, ledger);
    });
  }

  @Override
  public List<SubjectId> subjects(@Nullable SubjectId after, int limit) {
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> Subjects.page(transactions.entityManager()
        .createQuery("select s.tenant, s.subject from GdprConsentSnapshot s where s.version > 0 and "
            + Subjects.AFTER.formatted("s") + " order by s.tenant, s.subject", Object[].class), after, limit));
  }

  /**
   * Removes the subject's rows. Each is deleted by its whole primary key, which the snapshot row's counters give:
   * deleting by subject would make MariaDB's repeatable read lock the gap after the subject's last row too, and
   * stall the first write of whichever subject sorts next.
   */
  @Override
  public int erase(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      Optional<ConsentSnapshotRow> locked = snapshot(em, subject);
      if (locked.isEmpty()) {
        return 0;
      }
      ConsentSnapshotRow row = locked.get();
      em.runWithConnection(connection -> {
        Connection jdbc = (Connection) connection;
        deleteEach(jdbc, "gdpr_consent_event", "position", subject, row.events());
        deleteEach(jdbc, "gdpr_consent_switch", "sequence_number", subject, row.switches());
        deleteEach(jdbc, "gdpr_consent_restriction", "sequence_number", subject, row.restrictions());
        deleteEach(jdbc, "gdpr_consent_objection", "sequence_number", subject, row.objections());
        deleteEach(jdbc, "gdpr_consent_presentation", "sequence_number", subject, row.presentations());
      });
      em.createQuery("delete from GdprConsentSnapshot s where s.tenant = :tenant and s.subject = :subject")
          .setParameter("tenant", subject.tenant().value())
          .setParameter("subject", subject.value())
          .executeUpdate();
      return Math.toIntExact(row.events());
    });
  }

  private static void deleteEach(Connection connection, String table, String column, SubjectId subject, long last)
      throws SQLException {
    if (last == 0) {
      return;
    }
    try (PreparedStatement delete = connection.prepareStatement(
        "delete from " + table + " where tenant = ? and subject = ? and " + column + " = ?")) {
      for (long place = 1; place <= last; place++) {
        delete.setString(1, subject.tenant().value());
        delete.setString(2, subject.value());
        delete.setLong(3, place);
        delete.addBatch();
      }
      delete.executeBatch();
    }
  }

  /**
   * Returns granted states expiring by {@code cutoff}: the index on {@code next_expiry} finds the snapshots holding
   * one, each at least one, so {@code limit} snapshots are enough.
   */
  @Override
  public List<ConsentState> grantedExpiringBy(Instant cutoff, int limit) {
    Preconditions.notNull(cutoff, "cutoff");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> {
      List<Object[]> rows = transactions.entityManager()
          .createQuery("select s.tenant, s.subject, s.body from GdprConsentSnapshot s where s.nextExpiry <= :cutoff"
              + " order by s.nextExpiry, s.tenant, s.subject", Object[].class)
          .setParameter("cutoff", cutoff)
          .setMaxResults(limit)
          .getResultList();
      List<ConsentState> due = new ArrayList<>();
      for (Object[] row : rows) {
        SubjectId subject = new SubjectId(TenantId.of((String) row[0]), (String) row[1]);
        for (ConsentState state : ConsentCodec.snapshot(subject, (String) row[2]).states().values()) {
          if (due.size() < limit && state.status() == ConsentStatus.GRANTED && state.expiresAt() != null
              && !state.expiresAt().isAfter(cutoff)) {
            due.add(state);
          }
        }
      }
      return due;
    });
  }

  /** Locks the snapshot rows of {@code subjects} in id order, so that two batches never wait for each other. */
  private Map<SubjectId, Ledger> lock(EntityManager em, Collection<SubjectId> subjects) {
    Map<SubjectId, Ledger> ledgers = new TreeMap<>();
    for (SubjectId subject : new TreeSet<>(subjects)) {
      ledgers.put(subject, lock(em, subject));
    }
    return ledgers;
  }

  /** Locks the subject's snapshot row, inserting a placeholder (version 0) for a subject with none. */
  private Ledger lock(EntityManager em, SubjectId subject) {
    return RowLocks.lockOrCreate(em, vendor.of(em), () -> snapshot(em, subject), SNAPSHOT_TABLE, SNAPSHOT_COLUMNS,
            subject.tenant().value(), subject.value(), 0L, 0L, 0L, 0L, 0L, 0L, ConsentSnapshotRow.EMPTY_BODY)
        .map(row -> new Ledger(subject, row))
        // an erasure deleted the row each time between its creation and the lock
        .orElseThrow(() -> ConsentConflictException.retriesExhausted(subject, "snapshot", RowLocks.ATTEMPTS));
  }

  /** Reads the subject's snapshot row with an exclusive lock; it reads the latest committed row, also in MariaDB. */
  private static Optional<ConsentSnapshotRow> snapshot(EntityManager em, SubjectId subject) {
    List<ConsentSnapshotRow> rows = em.createQuery(
            "select s from GdprConsentSnapshot s where s.tenant = :tenant and s.subject = :subject",
            ConsentSnapshotRow.class)
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
    rows.forEach(em::detach);
    return rows.stream().findFirst();
  }

  /**
   * Writes a ledger's snapshot and counters back to its locked row, stamped with the database's time for the change
   * feed of the decision caches ({@code V1_13__gdpr_consent_feed.sql}).
   */
  private static void save(EntityManager em, Ledger ledger) {
    em.createQuery("update GdprConsentSnapshot s set s.version = :version, s.events = :events,"
            + " s.switches = :switches, s.restrictions = :restrictions, s.objections = :objections,"
            + " s.presentations = :presentations, s.changedAt = instant,"
            + " s.nextExpiry = :nextExpiry, s.body = :body where s.tenant = :tenant and s.subject = :subject")
        .setParameter("version", ledger.version + 1)
        .setParameter("events", ledger.events)
        .setParameter("switches", ledger.changes[History.SWITCHES.ordinal()])
        .setParameter("restrictions", ledger.changes[History.RESTRICTIONS.ordinal()])
        .setParameter("objections", ledger.changes[History.OBJECTIONS.ordinal()])
        .setParameter("presentations", ledger.changes[History.PRESENTATIONS.ordinal()])
        .setParameter("nextExpiry", nextExpiry(ledger.consents))
        .setParameter("body", ConsentCodec.snapshot(ledger.consents))
        .setParameter("tenant", ledger.subject.tenant().value())
        .setParameter("subject", ledger.subject.value())
        .executeUpdate();
  }

  /** Deletes the placeholders this unit inserted for a write it refuses, so that a refused write leaves nothing. */
  private static void dropPlaceholders(EntityManager em, Collection<Ledger> ledgers) {
    for (Ledger ledger : ledgers) {
      if (ledger.version == 0) {
        em.createQuery("delete from GdprConsentSnapshot s where s.tenant = :tenant and s.subject = :subject")
            .setParameter("tenant", ledger.subject.tenant().value())
            .setParameter("subject", ledger.subject.value())
            .executeUpdate();
      }
    }
  }

  private static @Nullable Instant nextExpiry(SubjectConsents consents) {
    Instant next = null;
    for (ConsentState state : consents.states().values()) {
      Instant expiry = state.expiresAt();
      if (state.status() == ConsentStatus.GRANTED && expiry != null && (next == null || expiry.isBefore(next))) {
        next = expiry;
      }
    }
    return next;
  }

  /** Inserts rows and takes them out of the persistence context, so that a later unit's reads never meet them. */
  private static void insert(EntityManager em, List<?> rows) {
    rows.forEach(em::persist);
    em.flush();
    rows.forEach(em::detach);
  }

  private <R, T> List<T> rows(String query, Class<R> type, SubjectId subject, @Nullable String purpose,
      Function<R, T> value) {
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      var typed = em.createQuery(query, type)
          .setParameter("tenant", subject.tenant().value())
          .setParameter("subject", subject.value());
      if (purpose != null) {
        typed.setParameter("purpose", purpose);
      }
      List<R> rows = typed.getResultList();
      List<T> values = new ArrayList<>(rows.size());
      for (R row : rows) {
        em.detach(row);
        values.add(value.apply(row));
      }
      return values;
    });
  }



  /** Returns the event with its instants at the tables' precision. */
  private static ConsentEvent truncated(ConsentEvent event) {
    Instant expiresAt = event.expiresAt();
    return new ConsentEvent(event.id(), event.subject(), event.purpose(), event.type(), event.sequence(),
        Micros.truncate(event.occurredAt()), Micros.truncate(event.recordedAt()), event.proof(),
        expiresAt == null ? null : Micros.truncate(expiresAt), event.noticeVersion());
  }



  /** The histories of changes besides the ledger, each with its counter in the snapshot row. */
  private enum History {
    SWITCHES("switches"),
    RESTRICTIONS("restrictions"),
    OBJECTIONS("objections"),
    PRESENTATIONS("presentations of the right to object");

    final String label;

    History(String label) {
      this.label = label;
    }
  }

  /** A subject's locked snapshot row, as this unit changes it. */
  private static final class Ledger {
    final SubjectId subject;
    final long version;
    long events;
    final long[] changes;
    SubjectConsents consents;

    Ledger(SubjectId subject, ConsentSnapshotRow row) {
      this.subject = subject;
      this.version = row.version();
      this.events = row.events();
      this.changes = new long[] {row.switches(), row.restrictions(), row.objections(), row.presentations()};
      this.consents = ConsentCodec.snapshot(subject, row.body());
    }
  }
}

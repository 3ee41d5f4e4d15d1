package io.gdprkit.jpa.interceptor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditPseudonyms;
import io.gdprkit.decision.Decision;
import io.gdprkit.decision.ProcessingNotPermittedException;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.interceptor.SubjectRestrictedException.Change;
import io.gdprkit.jpa.interceptor.internal.AuditBatch;
import io.gdprkit.jpa.internal.Units;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Audits, and restricts, what the host's own code does with entities that hold personal data, inside its persistence
 * layer: every load, insert, update and removal of such an entity, through the host's {@code EntityManager}, passes
 * through {@link GdprEntityListener} to here.
 *
 * <p>Why: the controller must be able to show who processed whose data, when and for what (Art. 5(2), Art. 30(1)),
 * and a restricted subject's data may only be stored (Art. 18(2)); code that reaches the database past the kit's
 * services would escape both. So, for each personal-data entity, per transaction:
 * <ul>
 *   <li>reads, creations, changes and removals are counted per subject, kind, entity and {@link PurposeScope}, and
 *       recorded with {@link io.gdprkit.audit.AuditService#recordAll} in one batch just before the transaction commits,
 *       in that transaction (with {@link io.gdprkit.jpa.audit.JpaAuditOutbox}, one outbox row per tenant): a
 *       transaction that rolls back leaves no entry, one that commits cannot lose them. They join the hash chain after
 *       the commit, on the committing thread by default, or on the audit service's drain thread when the kit is built
 *       with {@code auditDrain(AuditDrain.BACKGROUND)}, which leaves the host's thread only the outbox insert. Subjects
 *       are named by their audit pseudonym ({@link AuditPseudonyms}), never by id or value; details hold the entity
 *       name, the count and the scope ({@code purpose}, {@code none}, {@code erasure}, {@code rectification},
 *       {@code subject-access});</li>
 *   <li>a read in a purpose scope is refused with {@link ProcessingNotPermittedException} when {@code decide} denies
 *       the purpose for the entity's subject; a read outside any scope passes, audited with scope {@code none}. A
 *       read is seen when the entity is loaded into the persistence context: one already there, loaded earlier in
 *       the transaction, is returned by JPA without a callback, so open the scope before the transaction's first
 *       read, as below;</li>
 *   <li>while the subject is restricted, a creation, change or removal is refused with
 *       {@link SubjectRestrictedException} before it is written, except inside {@link PurposeScope#erasure()} and
 *       {@link PurposeScope#rectification()};</li>
 *   <li>bulk JPQL updates and deletes, which no entity callback sees, are audited and restricted the same way when they
 *       run through {@link #bulk()}.</li>
 * </ul>
 * Restriction and decisions are asked once per subject (and purpose) per transaction, in that transaction and at its
 * isolation level: under READ COMMITTED (PostgreSQL's and H2's default) a restriction another transaction commits
 * meanwhile stops a change at its flush; under REPEATABLE READ (MariaDB's default) the transaction sees the restriction
 * as it stood at its first read, and the next transaction is stopped. A refusal marks the transaction
 * rollback-only: nothing of a transaction that met one commits, so catching the exception and going on gains nothing.
 *
 * <p>Set-up: the kit must be built on the same {@link JpaTransactions} as the interceptor, with its audit outbox on
 * them ({@code new JpaAuditOutbox(transactions)}), so that the entries join the host's transaction; the persistence
 * unit must name {@link GdprEntityListener} as a default entity listener, by listing the mapping file
 * {@value GdprEntityListener#MAPPING_FILE}, or on each entity with {@code @EntityListeners} (one or the other, or
 * every event counts twice); and the entity classes must be known to the {@link PersonalDataEntities} given.
 *
 * <p><b>Warning:</b> personal-data entities must be used inside a unit of work of those transactions:
 * {@code transactions.inTransaction(…)}, or between {@link io.gdprkit.jpa.HostTransactions#begin()} and
 * {@code commit()}. Elsewhere the interceptor cannot write its entries into the transaction that does the work, and
 * refuses the callback with an {@link IllegalStateException} rather than let it go unaudited.
 *
 * <p>Usage example: <pre>{@code
 * PersistenceInterceptor interceptor = PersistenceInterceptor.install(gdpr, transactions);
 * try (PurposeScope scope = PurposeScope.open("billing")) {
 *   transactions.useTransaction(() -> contacts.find(id)); // audited as ACCESSED for billing, refused if denied
 * }
 * }</pre>
 * Thread-safe; the state of each transaction is confined to its thread.
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class PersistenceInterceptor implements AutoCloseable {

  /** The actor audit entries name when the scope in force names none. */
  public static final Actor HOST = Actor.system("host-application");

  private static final List<PersistenceInterceptor> INSTALLED = new CopyOnWriteArrayList<>();
  private static final Map<String, String> NO_SCOPE = Map.of();
  private static final Map<String, String> KIT_STATEMENT = Map.of("bulk", "true");

  private final GdprKit kit;
  private final JpaTransactions transactions;
  private final PersonalDataEntities entities;
  private final AuditedBulk bulk;

  private PersistenceInterceptor(GdprKit kit, JpaTransactions transactions, PersonalDataEntities entities) {
    this.kit = kit;
    this.transactions = transactions;
    this.entities = entities;
    this.bulk = new AuditedBulk(this);
  }

  /**
   * Installs the interceptor for the entities with {@link io.gdprkit.jpa.annotation.PersonalData @PersonalData}
   * attributes and a {@link io.gdprkit.jpa.annotation.DataSubject @DataSubject} link, the ones the generic provider
   * exports and erases, as {@link #install(GdprKit, JpaTransactions, PersonalDataEntities)} with
   * {@link PersonalDataEntities#annotated()} does.
   *
   * @throws io.gdprkit.jpa.provider.PersonalDataMappingException if an entity class has personal data but no subject
   *     link, or a subject path that names no attribute
   * @throws IllegalStateException if an interceptor is installed on these transactions already
   */
  public static PersistenceInterceptor install(GdprKit kit, JpaTransactions transactions) {
    return install(kit, transactions, PersonalDataEntities.annotated());
  }

  /**
   * Installs the interceptor for the units of work of {@code transactions}, checking every entity class of their
   * persistence unit against {@code entities} at once.
   *
   * @throws IllegalStateException if an interceptor is installed on these transactions already, or an entity class
   *     is marked in a way {@code entities} cannot read (such as a subject path naming no attribute)
   */
  public static PersistenceInterceptor install(GdprKit kit, JpaTransactions transactions,
      PersonalDataEntities entities) {
    Preconditions.notNull(kit, "kit");
    Preconditions.notNull(transactions, "transactions");
    Preconditions.notNull(entities, "entities");
    for (EntityType<?> type : transactions.inTransaction(() ->
        transactions.entityManager().getMetamodel().getEntities())) {
      entities.isPersonalData(type.getJavaType());
    }
    PersistenceInterceptor interceptor = new PersistenceInterceptor(kit, transactions, entities);
    synchronized (INSTALLED) {
      for (PersistenceInterceptor installed : INSTALLED) {
        if (installed.transactions == transactions) {
          throw new IllegalStateException("a persistence interceptor is installed on these transactions already");
        }
      }
      INSTALLED.add(interceptor);
    }
    return interceptor;
  }

  /** Returns bulk JPQL updates and deletes that are audited and restricted as entity callbacks are. */
  public AuditedBulk bulk() {
    return bulk;
  }

  /** Uninstalls the interceptor: callbacks of its transactions find none any more. Closing twice does nothing. */
  @Override
  public void close() {
    INSTALLED.remove(this);
  }

  /**
   * Returns the interceptor whose transactions run a unit on this thread, or {@code null} if none does.
   *
   * @throws IllegalStateException if units of two interceptors' transactions run on this thread
   */
  static @Nullable PersistenceInterceptor forThread() {
    PersistenceInterceptor found = null;
    for (PersistenceInterceptor interceptor : INSTALLED) {
      if (interceptor.transactions.boundToThisThread()) {
        if (found != null) {
          throw new IllegalStateException("units of work of two persistence interceptors' transactions run on this"
              + " thread; an entity callback cannot tell which one it belongs to");
        }
        found = interceptor;
      }
    }
    return found;
  }

  /**
   * Flushes the entity manager of the unit running on this thread, if it is an interceptor's, so that the changes made
   * so far are checked and counted under the scope they were made in: a scope opens and closes with a flush, since
   * JPA calls {@code @PreUpdate} only when it flushes.
   */
  static void flushUnitOnThisThread() {
    PersistenceInterceptor interceptor = forThread();
    if (interceptor != null) {
      EntityManager entityManager = interceptor.transactions.entityManager();
      if (entityManager.isJoinedToTransaction()) {
        entityManager.flush();
      }
    }
  }

  /** Returns whether any installed interceptor counts this class as personal data. */
  static boolean anyCountsAsPersonal(Class<?> type) {
    if (INSTALLED.isEmpty()) {
      return PersonalDataEntities.annotated().isPersonalData(type);
    }
    for (PersistenceInterceptor interceptor : INSTALLED) {
      if (interceptor.entities.isPersonalData(type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Counts rows of a subject that the kit's own set-based statements read, changed or removed in the unit running on
   * this thread, which no entity callback sees: the export, erasure and rectification of
   * {@link io.gdprkit.jpa.provider.JpaPersonalDataProvider}. They are recorded with the unit's other entries before it
   * commits, one entry per subject, kind, entity and scope, whose details say {@code bulk} and whose count is the rows.
   * Nothing is refused: the kit's erasure (Art. 17) and rectification (Art. 16) pass a restriction, and its export is
   * the subject's own access (Art. 15). Does nothing when no interceptor's unit runs on this thread.
   *
   * <p><b>Warning:</b> for the kit's statements only; the host's bulk statements go through {@link #bulk()}, which
   * refuses them for a restricted subject.
   *
   * <p>Usage example: <pre>{@code
   * PersistenceInterceptor.countStatementRows(AuditKind.UPDATED, "Invoice", subject, rowsUpdated);
   * }</pre>
   *
   * @param kind {@code ACCESSED}, {@code UPDATED} or {@code DELETED}
   * @param entity the entity name, as the interceptor's entries name it
   * @param rows the subject's rows the statements read or wrote; nothing is counted for none
   */
  @API(status = INTERNAL, since = "0.2")
  public static void countStatementRows(AuditKind kind, String entity, SubjectId subject, long rows) {
    Preconditions.check(kind == AuditKind.ACCESSED || kind == AuditKind.UPDATED || kind == AuditKind.DELETED, "kind",
        "must be ACCESSED, UPDATED or DELETED");
    Preconditions.notBlank(entity, "entity");
    Preconditions.notNull(subject, "subject");
    PersistenceInterceptor interceptor = forThread();
    if (interceptor == null || rows <= 0) {
      return;
    }
    PurposeScope scope = PurposeScope.innermost();
    interceptor.batch().add(kind, subject, purposeOf(scope), actorOf(scope), details(entity, scope, KIT_STATEMENT),
        rows);
  }

  boolean isPersonalData(Class<?> type) {
    return entities.isPersonalData(type);
  }

  /** A personal-data entity was loaded: refuses it if the purpose in force is denied, else counts the read. */
  void loaded(Object entity) {
    Class<?> type = entity.getClass();
    AuditBatch batch = batch();
    SubjectId subject = entities.subjectOf(entity);
    PurposeScope scope = PurposeScope.innermost();
    if (subject != null && scope != null && scope.kind() == PurposeScope.Kind.PURPOSE) {
      String purpose = scope.purposeOrNull();
      Decision decision = batch.decide(subject, purpose, (s, p) -> withoutAutoFlush(() -> kit.decide(s, p)));
      if (!decision.allowed()) {
        throw refused(ProcessingNotPermittedException.of(subject, purpose, decision));
      }
    }
    batch.add(AuditKind.ACCESSED, subject, purposeOf(scope), actorOf(scope),
        details(entities.name(type), scope, NO_SCOPE));
  }

  /** A personal-data entity is about to be written: refuses it while its subject is restricted, unless exempt. */
  void changing(Object entity, Change change) {
    AuditBatch batch = batch();
    PurposeScope scope = PurposeScope.innermost();
    if (scope != null && scope.exemptsRestriction()) {
      return;
    }
    SubjectId subject = entities.subjectOf(entity);
    if (subject != null && batch.isRestricted(subject, this::isRestricted)) {
      throw refused(SubjectRestrictedException.of(subject, change, entities.name(entity.getClass())));
    }
  }

  /** A personal-data entity was written: counts the write. */
  void changed(Object entity, AuditKind kind) {
    PurposeScope scope = PurposeScope.innermost();
    batch().add(kind, entities.subjectOf(entity), purposeOf(scope), actorOf(scope),
        details(entities.name(entity.getClass()), scope, NO_SCOPE));
  }

  /** Checks and counts a bulk statement over {@code subjects}; runs inside the unit that executes it. */
  void bulkChanging(Class<?> entityClass, List<SubjectId> subjects, Change change) {
    AuditBatch batch = batch();
    PurposeScope scope = PurposeScope.innermost();
    if (scope != null && scope.exemptsRestriction()) {
      return;
    }
    for (SubjectId subject : subjects) {
      if (batch.isRestricted(subject, this::isRestricted)) {
        throw refused(SubjectRestrictedException.of(subject, change, entities.name(entityClass)));
      }
    }
  }

  void bulkChanged(Class<?> entityClass, List<SubjectId> subjects, AuditKind kind, int rows) {
    AuditBatch batch = batch();
    PurposeScope scope = PurposeScope.innermost();
    Map<String, String> details = details(entities.name(entityClass), scope, Map.of("bulk", "true",
        "statementRows", Integer.toString(rows), "statementSubjects", Integer.toString(subjects.size())));
    for (SubjectId subject : subjects) {
      batch.add(kind, subject, purposeOf(scope), actorOf(scope), details);
    }
  }

  JpaTransactions transactions() {
    return transactions;
  }

  PersonalDataEntities entities() {
    return entities;
  }

  /**
   * Marks the unit's transaction rollback-only and returns the refusal to throw: a refused read leaves the entity in
   * the persistence context, where a second {@code find} would return it unchecked, and a refusal in a flush leaves
   * it half done, so no work of a transaction that met a refusal may commit.
   */
  private <E extends RuntimeException> E refused(E refusal) {
    EntityManager entityManager = transactions.entityManager();
    if (entityManager.isJoinedToTransaction()) {
      entityManager.getTransaction().setRollbackOnly();
    }
    return refusal;
  }

  private boolean isRestricted(SubjectId subject) {
    return withoutAutoFlush(() -> kit.restrictions().isRestricted(subject));
  }

  /**
   * Asks the kit with the unit's automatic flush off: a callback may run inside a flush, and a store on the same
   * entity manager (the JPA consent store) whose query flushed first would call the callback again, without end.
   */
  private <T> T withoutAutoFlush(Supplier<T> question) {
    return Units.withoutAutoFlush(transactions.entityManager(), question);
  }

  private AuditBatch batch() {
    return transactions.beforeCommit(this, () -> new AuditBatch(kit.audit(),
        subject -> AuditPseudonyms.of(kit.pseudonymKey(), subject)));
  }

  private static @Nullable String purposeOf(@Nullable PurposeScope scope) {
    return scope == null ? null : scope.purposeOrNull();
  }

  private static Actor actorOf(@Nullable PurposeScope scope) {
    Actor actor = scope == null ? null : scope.actorOrNull();
    return actor != null ? actor : HOST;
  }

  private static Map<String, String> details(String entity, @Nullable PurposeScope scope, Map<String, String> more) {
    String label = scope == null ? "none" : scope.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    if (more.isEmpty()) {
      return Map.of("entity", entity, "scope", label);
    }
    Map<String, String> details = new java.util.HashMap<>(more);
    details.put("entity", entity);
    details.put("scope", label);
    return Map.copyOf(details);
  }
}

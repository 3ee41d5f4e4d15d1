package io.gdprkit.jpa.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.DataItem;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.Relation;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.interceptor.PersistenceInterceptor;
import io.gdprkit.jpa.interceptor.PurposeScope;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.jpa.provider.internal.EntityModel;
import io.gdprkit.jpa.provider.internal.EntityStatements;
import io.gdprkit.jpa.provider.internal.ErasurePage;
import io.gdprkit.jpa.provider.internal.FieldModel;
import io.gdprkit.jpa.provider.internal.ModelReader;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.metamodel.Metamodel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The personal-data provider of the host's own JPA entities, found by their annotations: one provider for every
 * entity with {@link io.gdprkit.jpa.annotation.PersonalData @PersonalData} attributes, with no code per entity.
 *
 * <p><b>Read once.</b> {@link Builder#build()} reads the metamodel and the annotations once, checks each against the
 * mapping, and fails with {@link PersonalDataMappingException} on the first that cannot be honoured (a personal-data
 * attribute without a strategy, an entity without a subject link, a strategy that does not fit the attribute's type,
 * an encrypted attribute without its converter). Its descriptor names each attribute {@code Entity.attribute}, and
 * each record {@code Entity#id}.
 *
 * <p><b>Erasure, set-based.</b> Per entity type, erasure reads the ids of the subjects' rows from the index on the
 * subject (up to {@value #IDS_PER_READ} at a time), then their rows by primary key in pages of {@value #PAGE} (never
 * loading an entity: ids, record dates and, per attribute, either whether it is null or, for a strategy that computes
 * from it, its value; encrypted columns are never decrypted), so a read costs what it returns whatever the table's
 * size (unless the plans need no values, {@link ErasureContext#plansWithoutValues}: when every attribute the erasure
 * covers deletes the record and no retention can keep one, the ids, read with their subject, are all it reads), has
 * the kit's {@link ErasureContext} plan each row, and writes
 * the plans with bulk JPQL by id: rows whose plans write the same fields share one {@code update} (a value that
 * differs per row, such as a keyed hash, as a {@code case} on the id), rows to delete one {@code delete}. The kit
 * plans each row because the decision is per record (Art. 17(3): a retention runs from each
 * record's date, purposes under a legal obligation keep what they need; values already erased are left alone, so a
 * resumed erasure changes and counts nothing twice); the plans of a kind of record are alike, so a page of hundreds of
 * rows costs one read and a write or two. Entity types are erased in an order where each comes before the types it
 * references, so a record is deleted before what it points to. The statements bypass the persistence context: an
 * entity the host holds in a joined entity manager is stale afterwards. They increment a numeric {@code @Version}, so
 * a host transaction that loaded an entity before the erasure fails on saving it instead of writing the erased values
 * back.
 *
 * <p><b>Many subjects at once.</b> {@link #eraseAll} erases many subjects with the same statements, each covering up to
 * {@value #SUBJECTS_PER_STATEMENT} subjects, each chunk of subjects in one unit of work. Statements name subjects and
 * ids as one array parameter on PostgreSQL and H2 through Hibernate ({@code where subject = any(?)}), which is one
 * statement whatever the number, translated once and cached by the JPA provider, and as {@code in (…)} lists elsewhere
 * (MariaDB, other providers).
 * Rows are written by primary key in ascending order, so InnoDB takes record locks, no gap locks, in one order: jobs
 * erasing disjoint subjects in parallel do not deadlock.
 *
 * <p><b>Export</b> reads each entity type in pages of {@value #PAGE} rows by id, each page in a unit of work of its
 * own, and hands the items to the sink after the unit ended, so no connection is held while the sink writes.
 *
 * <p><b>Cascade.</b> {@link #related} follows each {@link io.gdprkit.jpa.annotation.SubjectRelation}: the kit erases
 * the children it returns as far as its {@link io.gdprkit.erasure.CascadePolicy} allows (one level by default).
 *
 * <p><b>Audit and restriction.</b> The export runs in a {@link PurposeScope#subjectAccess()} scope, the erasure in a
 * {@link PurposeScope#erasure()} scope and the rectification in a {@link PurposeScope#rectification()} scope, so the
 * persistence interceptor lets them change a restricted subject's rows (Art. 18(2) excepts erasure and rectification,
 * Art. 16, 17). Their statements bypass entity callbacks, so where a {@link PersistenceInterceptor} is installed on
 * the same transactions, each subject's rows they read, changed or removed are counted into the interceptor's entries
 * of the unit, per entity, under that scope: the audit trail shows the kit's reads and writes as it shows the host's
 * (Art. 5(2), Art. 30).
 *
 * <p>Thread-safe. Usage example: <pre>{@code
 * JpaTransactions tx = JpaTransactions.resourceLocal(entityManagerFactory);
 * GdprKit gdpr = GdprKit.builder().transactions(tx)
 *     .personalData(JpaPersonalDataProvider.builder(tx).id("crm").build())
 *     .build();
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaPersonalDataProvider implements PersonalDataProvider {

  /** The most rows one read returns. */
  public static final int PAGE = 500;

  /** The most subjects one statement of {@link #eraseAll} covers. */
  public static final int SUBJECTS_PER_STATEMENT = 500;

  /** The most record ids one read of an erasure takes, before their rows are read {@value #PAGE} at a time. */
  public static final int IDS_PER_READ = 10_000;

  private static final Set<Origin.Type> NOT_FROM_SUBJECT = Set.of(Origin.Type.IMPORT_FILE, Origin.Type.THIRD_PARTY,
      Origin.Type.MANUAL_ENTRY);

  private final JpaTransactions transactions;
  private final ProviderDescriptor descriptor;
  private final TenantId tenant;
  private final List<EntityStatements> entities;
  private final Map<String, EntityStatements> byName = new HashMap<>();
  /** Whether the database and the JPA provider take array parameters; learnt at the first erasure. */
  private volatile @Nullable Boolean arrays;

  private JpaPersonalDataProvider(JpaTransactions transactions, String id, @Nullable String description,
      TenantId tenant, List<EntityModel> models) {
    this.transactions = transactions;
    this.tenant = tenant;
    this.entities = models.stream().map(EntityStatements::new).toList();
    entities.forEach(statements -> byName.put(statements.model().name(), statements));
    List<FieldDescriptor> fields = models.stream().flatMap(m -> m.fields().stream()).map(FieldModel::descriptor)
        .toList();
    String described = description != null ? description : "JPA entities " + String.join(", ",
        models.stream().map(EntityModel::name).sorted().toList());
    this.descriptor = ProviderDescriptor.of(id, described.length() > 500 ? described.substring(0, 497) + "..."
        : described, fields);
  }

  /** Returns a builder of the provider over the entities of {@code transactions}' persistence unit. */
  public static Builder builder(JpaTransactions transactions) {
    return new Builder(transactions);
  }

  @Override
  public ProviderDescriptor describe() {
    return descriptor;
  }

  /**
   * Returns the entities the provider exports and erases, as it read them from their annotations, ordered by name:
   * what the records of processing and the minimisation report derive from (Art. 30(1)(c), Art. 5(1)(c)).
   *
   * <p>Usage example: <pre>{@code provider.entities().stream().map(PersonalDataEntity::categories)}</pre>
   */
  public List<PersonalDataEntity> entities() {
    return entities.stream().map(EntityStatements::model).sorted(Comparator.comparing(EntityModel::name))
        .map(model -> new PersonalDataEntity(model.name(), model.javaType(), model.subject(),
            model.fields().stream().map(FieldModel::descriptor).toList(),
            model.fields().stream().filter(FieldModel::encrypted).map(FieldModel::name)
                .collect(Collectors.toSet()),
            model.date()))
        .toList();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Each entity type is read in pages of {@value #PAGE} records by id; items come in entity, record and attribute
   * order. Null attributes are not exported: the subject's data is what is held. A record whose
   * {@link io.gdprkit.jpa.annotation.SourceTagged} origin is an import, a third party or a staff user's entry holds no
   * data the subject provided.
   */
  @Override
  public void export(SubjectId subject, DataSink sink) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(sink, "sink");
    try (PurposeScope scope = PurposeScope.subjectAccess()) {
      for (EntityStatements statements : entities) {
        exportEntity(statements, subject, sink);
      }
    }
  }

  private void exportEntity(EntityStatements statements, SubjectId subject, DataSink sink) {
    EntityModel model = statements.model();
    Object value = applicable(statements, subject);
    if (value == null || model.fields().isEmpty()) {
      return;
    }
    Object after = null;
    List<Object[]> rows;
    do {
      Object start = after;
      rows = transactions.inTransaction(() -> {
        List<Object[]> read = page(statements.exportRead(start == null), statements, subject, value, start);
        PersistenceInterceptor.countStatementRows(AuditKind.ACCESSED, model.name(), subject,
            read.stream().filter(row -> EntityStatements.same(row[1], value)).count());
        return read;
      });
      for (Object[] row : rows) {
        if (EntityStatements.same(row[1], value)) {
          emit(subject, statements, row, sink);
        }
      }
      after = rows.isEmpty() ? null : rows.get(rows.size() - 1)[0];
    } while (rows.size() == PAGE);
  }

  private void emit(SubjectId subject, EntityStatements statements, Object[] row, DataSink sink) {
    EntityModel model = statements.model();
    String record = model.record(row[0]);
    Instant date = statements.date(row);
    int at = statements.exportFieldsAt();
    boolean fromElsewhere = false;
    for (int i = 0; i < model.sources().size(); i++) {
      fromElsewhere |= row[at - model.sources().size() + i] != null
          && NOT_FROM_SUBJECT.contains(model.sources().get(i).type());
    }
    for (int i = 0; i < model.fields().size(); i++) {
      Object value = row[at + i];
      if (value != null) {
        FieldDescriptor field = model.fields().get(i).descriptor();
        sink.accept(new DataItem(subject, descriptor.id(), record, field.name(), field.category(),
            EntityStatements.exported(value), field.subjectProvided() && !fromElsewhere, date));
      }
    }
  }

  private List<Object[]> page(String jpql, EntityStatements statements, SubjectId subject, Object value,
      @Nullable Object after) {
    TypedQuery<Object[]> query = transactions.entityManager().createQuery(jpql, Object[].class)
        .setParameter(EntityStatements.SUBJECT, value).setMaxResults(PAGE);
    bindTenant(query, statements, subject.tenant());
    if (after != null) {
      query.setParameter(EntityStatements.AFTER, after);
    }
    return query.getResultList();
  }

  /**
   * {@inheritDoc}
   *
   * <p>All in one unit of work; see the class description for the statements it runs.
   */
  @Override
  public void erase(SubjectId subject, ErasureContext context) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(context, "context");
    Preconditions.check(subject.equals(context.subject()), "context", "must be the erasure of the same subject");
    eraseAll(List.of(context));
  }

  /**
   * Erases many subjects with the same set-based statements: for each chunk of up to
   * {@value #SUBJECTS_PER_STATEMENT} subjects, in subject order, one unit of work runs the reads and writes of every
   * entity type for all of them ({@code where subject in (…)}). Each context plans its subject's rows and is told what
   * was applied, as {@link #erase} does for one.
   *
   * <p>A chunk that fails rolls back alone, unless the caller runs the whole call in one unit; running it again is
   * harmless, as each erasure is idempotent. This is what the kit calls when it runs many erasure jobs together
   * ({@code erasure().eraseAll}, {@code resumePending}, the retention sweep), and what benchmarks compare with removing
   * entities one by one.
   *
   * <p>Usage example: <pre>{@code provider.eraseAll(subjects.stream().map(s -> contextFor(s)).toList());}</pre>
   *
   * @param contexts one erasure context per subject, no subject twice
   * @throws InvalidInputException if two contexts erase the same subject
   */
  @Override
  public void eraseAll(List<? extends ErasureContext> contexts) {
    Preconditions.notNull(contexts, "contexts");
    Map<SubjectId, ErasureContext> bySubject = new TreeMap<>();
    for (ErasureContext context : contexts) {
      SubjectId subject = Preconditions.notNull(context, "context").subject();
      Preconditions.check(bySubject.put(subject, context) == null, "contexts", "must erase each subject once");
    }
    List<ErasureContext> ordered = List.copyOf(bySubject.values());
    try (PurposeScope scope = PurposeScope.erasure()) {
      for (int from = 0; from < ordered.size(); from += SUBJECTS_PER_STATEMENT) {
        List<ErasureContext> chunk = ordered.subList(from, Math.min(ordered.size(), from + SUBJECTS_PER_STATEMENT));
        transactions.inTransaction(() -> {
          EntityManager entityManager = transactions.entityManager();
          for (EntityStatements statements : entities) {
            eraseEntity(entityManager, statements, chunk);
          }
          return null;
        });
      }
    }
  }

  /**
   * Returns whether the statements may bind sets as array parameters: on PostgreSQL and H2, which compare with
   * {@code = any(?)}, through Hibernate, which binds a Java array as one SQL array (JPA leaves array parameters to the
   * provider). MariaDB has no arrays, and other providers get the portable {@code in} lists.
   */
  private boolean arrays(EntityManager entityManager) {
    Boolean known = arrays;
    if (known == null) {
      SqlVendor vendor = SqlVendor.of(entityManager);
      known = vendor != SqlVendor.MARIADB
          && entityManager.getDelegate().getClass().getName().startsWith("org.hibernate.");
      arrays = known;
    }
    return known;
  }

  /** Erases one entity type's rows of a chunk of subjects, tenant by tenant, page by page. */
  private void eraseEntity(EntityManager entityManager, EntityStatements statements, List<ErasureContext> chunk) {
    if (statements.model().fields().isEmpty()) {
      return;
    }
    boolean arrays = statements.arrays(arrays(entityManager));
    Map<TenantId, Map<String, ErasureContext>> byTenant = new LinkedHashMap<>();
    for (ErasureContext context : chunk) {
      Object value = applicable(statements, context.subject());
      if (value != null) {
        byTenant.computeIfAbsent(context.subject().tenant(), t -> new LinkedHashMap<>()).put(value.toString(),
            context);
      }
    }
    for (Map.Entry<TenantId, Map<String, ErasureContext>> tenantContexts : byTenant.entrySet()) {
      Map<String, ErasureContext> contexts = tenantContexts.getValue();
      TenantId tenantId = tenantContexts.getKey();
      List<Object> values = contexts.values().stream().map(c -> applicable(statements, c.subject())).toList();
      boolean unread = contexts.values().stream().allMatch(c -> c.plansWithoutValues(statements.fieldNames()));
      Object after = null;
      boolean more;
      do {
        TypedQuery<Object[]> read = entityManager.createQuery(statements.eraseIds(after == null, arrays),
            Object[].class).setParameter(EntityStatements.SUBJECTS, statements.subjects(values, arrays))
            .setMaxResults(IDS_PER_READ + 1);
        bindTenant(read, statements, tenantId);
        if (after != null) {
          read.setParameter(EntityStatements.AFTER, after);
        }
        List<Object[]> ids = read.getResultList();
        more = ids.size() > IDS_PER_READ;
        ids = more ? ids.subList(0, IDS_PER_READ) : ids;
        if (unread) {
          ErasurePage page = new ErasurePage(statements, arrays);
          ids.forEach(row -> ifExactly(contexts, row[1], context -> page.planUnread(context, row[0])));
          page.apply(entityManager);
        } else {
          for (int from = 0; from < ids.size(); from += PAGE) {
            eraseRows(entityManager, statements, arrays, tenantId, contexts,
                ids.subList(from, Math.min(ids.size(), from + PAGE)).stream().map(row -> row[0]).toList());
          }
        }
        after = ids.isEmpty() ? null : ids.get(ids.size() - 1)[0];
      } while (more);
    }
  }

  /** Reads the rows {@code ids} of the subjects of {@code contexts}, has the contexts plan them, applies the plans. */
  private static void eraseRows(EntityManager entityManager, EntityStatements statements, boolean arrays,
      TenantId tenant, Map<String, ErasureContext> contexts, List<Object> ids) {
    TypedQuery<Object[]> rows = entityManager.createQuery(statements.eraseRows(arrays), Object[].class)
        .setParameter(EntityStatements.IDS, statements.ids(ids, arrays));
    bindTenant(rows, statements, tenant);
    ErasurePage page = new ErasurePage(statements, arrays);
    rows.getResultList().forEach(row -> ifExactly(contexts, row[1], context -> page.plan(context, row)));
    page.apply(entityManager);
  }

  /**
   * Hands {@code action} the context of the subject whose id was read as {@code stored}, unless none is exactly it: a
   * case-insensitive or space-padding collation matches another subject's id, such as one in another case.
   */
  private static void ifExactly(Map<String, ErasureContext> contexts, Object stored,
      Consumer<ErasureContext> action) {
    ErasureContext context = contexts.get(stored.toString());
    if (context != null) {
      action.accept(context);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>One query per {@link io.gdprkit.jpa.annotation.SubjectRelation}: the distinct subjects of the records whose
   * association leads to this subject.
   */
  @Override
  public List<Relation> related(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return transactions.inTransaction(() -> {
      Set<Relation> relations = new LinkedHashSet<>();
      for (EntityStatements statements : entities) {
        for (EntityModel.Relation relation : statements.model().relations()) {
          Object parent = parentValue(statements, relation, subject);
          if (parent == null) {
            continue;
          }
          TypedQuery<Object[]> query = transactions.entityManager().createQuery(statements.children(relation),
              Object[].class).setParameter(EntityStatements.SUBJECT, parent);
          bindTenant(query, statements, subject.tenant());
          for (Object[] row : query.getResultList()) {
            SubjectId to = statements.subject(row[1], subject.tenant());
            if (EntityStatements.same(row[0], parent) && !to.equals(subject)) {
              relations.add(new Relation(subject, to, relation.type()));
            }
          }
        }
      }
      return List.copyOf(relations);
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Per {@link io.gdprkit.jpa.annotation.SubjectRelation}, one query for up to {@value #SUBJECTS_PER_STATEMENT}
   * subjects, each chunk in a unit of work: the distinct subjects of the records whose association leads to one of
   * them.
   */
  @Override
  public Map<SubjectId, List<Relation>> relatedAll(Collection<SubjectId> subjects) {
    List<SubjectId> distinct = distinct(subjects);
    Map<SubjectId, Set<Relation>> found = new LinkedHashMap<>();
    for (int from = 0; from < distinct.size(); from += SUBJECTS_PER_STATEMENT) {
      List<SubjectId> chunk = distinct.subList(from, Math.min(distinct.size(), from + SUBJECTS_PER_STATEMENT));
      transactions.inTransaction(() -> {
        EntityManager entityManager = transactions.entityManager();
        boolean databaseArrays = arrays(entityManager);
        for (EntityStatements statements : entities) {
          for (EntityModel.Relation relation : statements.model().relations()) {
            boolean arrays = EntityStatements.arrays(relation.parentType(), databaseArrays);
            forEachTenant(chunk, parent -> parentValue(statements, relation, parent), (tenant, parents) -> {
              TypedQuery<Object[]> query = entityManager.createQuery(statements.children(relation, arrays),
                  Object[].class).setParameter(EntityStatements.SUBJECTS, EntityStatements.set(
                      parents.values().stream().map(p -> parentValue(statements, relation, p)).toList(),
                      relation.parentType(), arrays));
              bindTenant(query, statements, tenant);
              for (Object[] row : query.getResultList()) {
                SubjectId parent = row[0] == null ? null : parents.get(row[0].toString());
                SubjectId to = statements.subject(row[1], tenant);
                if (parent != null && !to.equals(parent)) {
                  found.computeIfAbsent(parent, p -> new LinkedHashSet<>())
                      .add(new Relation(parent, to, relation.type()));
                }
              }
            });
          }
        }
        return null;
      });
    }
    Map<SubjectId, List<Relation>> all = new LinkedHashMap<>();
    distinct.stream().filter(found::containsKey).forEach(subject -> all.put(subject, List.copyOf(found.get(subject))));
    return all;
  }

  /**
   * Groups {@code subjects} by tenant and, per tenant, by the text of the value {@code value} gives each (subjects
   * that have none are left out), and hands each group to {@code action}: the subjects of one statement, looked up
   * afterwards by the value a row holds, exactly (a case-insensitive collation matches more).
   */
  private static void forEachTenant(List<SubjectId> subjects, Function<SubjectId, @Nullable Object> value,
      BiConsumer<TenantId, Map<String, SubjectId>> action) {
    Map<TenantId, Map<String, SubjectId>> byTenant = new LinkedHashMap<>();
    for (SubjectId subject : subjects) {
      Object stored = value.apply(subject);
      if (stored != null) {
        byTenant.computeIfAbsent(subject.tenant(), t -> new LinkedHashMap<>()).put(stored.toString(), subject);
      }
    }
    byTenant.forEach(action);
  }

  private static List<SubjectId> distinct(Collection<SubjectId> subjects) {
    Preconditions.notNull(subjects, "subjects");
    Set<SubjectId> distinct = new LinkedHashSet<>();
    for (SubjectId subject : subjects) {
      distinct.add(Preconditions.notNull(subject, "subject"));
    }
    return List.copyOf(distinct);
  }

  /** Returns the parent's id as the relation's path stores it, or null when the entity cannot hold it. */
  private @Nullable Object parentValue(EntityStatements statements, EntityModel.Relation relation,
      SubjectId subject) {
    if (!statements.hasTenant() && !subject.tenant().equals(tenant)) {
      return null;
    }
    return statements.parentValue(relation, subject);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The distinct values of the attributes marked as {@code @PersonalData(contactPoint = …)}, decrypted if they are
   * encrypted; blank values are skipped. Read in a {@link PurposeScope#erasure()} scope: the kit reads them to fill
   * the suppression list of an erasure.
   */
  @Override
  public List<ContactPoint> contactPoints(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    List<ContactPoint> points = new ArrayList<>();
    try (PurposeScope scope = PurposeScope.erasure()) {
      forEachText(subject, model -> model.fields().stream().filter(f -> !f.contactPoints().isEmpty())
          .map(FieldModel::attribute).toList(), (model, attribute, text) -> {
            for (ContactPoint.Kind kind : model.field(attribute).orElseThrow().contactPoints()) {
              points.add(kind == ContactPoint.Kind.EMAIL ? ContactPoint.email(text) : ContactPoint.phone(text));
            }
          });
    }
    return List.copyOf(points);
  }

  /**
   * {@inheritDoc}
   *
   * <p>As {@link #contactPoints} reads them, with one query per contact-point attribute for up to
   * {@value #SUBJECTS_PER_STATEMENT} subjects, each chunk in a unit of work; at most {@value #PAGE} values per subject
   * and attribute.
   */
  @Override
  public Map<SubjectId, List<ContactPoint>> contactPointsAll(Collection<SubjectId> subjects) {
    List<SubjectId> distinct = distinct(subjects);
    Map<SubjectId, List<ContactPoint>> found = new HashMap<>();
    try (PurposeScope scope = PurposeScope.erasure()) {
      for (int from = 0; from < distinct.size(); from += SUBJECTS_PER_STATEMENT) {
        List<SubjectId> chunk = distinct.subList(from, Math.min(distinct.size(), from + SUBJECTS_PER_STATEMENT));
        transactions.inTransaction(() -> {
          readContactPoints(transactions.entityManager(), chunk, found);
          return null;
        });
      }
    }
    Map<SubjectId, List<ContactPoint>> all = new LinkedHashMap<>();
    distinct.stream().filter(found::containsKey).forEach(subject -> all.put(subject, List.copyOf(found.get(subject))));
    return all;
  }

  /** Reads the contact points of one chunk of subjects into {@code found}, counting the reads for the audit. */
  private void readContactPoints(EntityManager entityManager, List<SubjectId> chunk,
      Map<SubjectId, List<ContactPoint>> found) {
    boolean databaseArrays = arrays(entityManager);
    for (EntityStatements statements : entities) {
      EntityModel model = statements.model();
      boolean arrays = EntityStatements.arrays(model.subjectType(), databaseArrays);
      for (FieldModel field : model.fields()) {
        if (field.contactPoints().isEmpty()) {
          continue;
        }
        forEachTenant(chunk, subject -> applicable(statements, subject), (tenant, bySubject) -> {
          TypedQuery<Object[]> query = entityManager.createQuery(statements.distinctValues(field.attribute(), arrays),
              Object[].class).setParameter(EntityStatements.SUBJECTS, statements.subjects(
                  bySubject.values().stream().map(subject -> applicable(statements, subject)).toList(), arrays));
          bindTenant(query, statements, tenant);
          Map<SubjectId, Integer> values = new LinkedHashMap<>();
          for (Object[] row : query.getResultList()) {
            SubjectId subject = row[0] == null ? null : bySubject.get(row[0].toString());
            if (subject == null || values.merge(subject, 1, Integer::sum) > PAGE) {
              continue;
            }
            String text = row[1].toString().strip();
            for (ContactPoint.Kind kind : text.isEmpty() ? Set.<ContactPoint.Kind>of() : field.contactPoints()) {
              found.computeIfAbsent(subject, s -> new ArrayList<>())
                  .add(kind == ContactPoint.Kind.EMAIL ? ContactPoint.email(text) : ContactPoint.phone(text));
            }
          }
          values.forEach((subject, count) -> PersistenceInterceptor.countStatementRows(AuditKind.ACCESSED,
              model.name(), subject, Math.min(count, PAGE)));
        });
      }
    }
  }

  /**
   * Returns where the subject's records came from: the distinct values of the entities'
   * {@link io.gdprkit.jpa.annotation.SourceTagged @SourceTagged} attributes, each with its kind of origin, for the host
   * to record with {@code gdpr.sources().tag(subject, origin)} (Art. 14(2)(f), 15(1)(g)). A value longer than an
   * origin's 200 characters is cut.
   *
   * <p>Usage example: <pre>{@code provider.origins(alice).forEach(o -> gdpr.sources().tag(alice, o));}</pre>
   */
  public List<Origin> origins(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    Set<Origin> origins = new LinkedHashSet<>();
    forEachText(subject, model -> model.sources().stream().map(EntityModel.Source::attribute).toList(),
        (model, attribute, text) -> origins.add(new Origin(model.sources().stream()
            .filter(source -> source.attribute().equals(attribute)).findFirst().orElseThrow().type(),
            text.length() > 200 ? text.substring(0, 200) : text)));
    return List.copyOf(origins);
  }

  /** What {@link #forEachText} does with each value. */
  @FunctionalInterface
  private interface TextAction {
    void accept(EntityModel model, String attribute, String text);
  }

  /**
   * Reads, in one unit of work, the subject's distinct values of the attributes {@code attributes} picks of each
   * entity type, and hands each that is not blank, stripped, to {@code action}.
   */
  private void forEachText(SubjectId subject, Function<EntityModel, List<String>> attributes, TextAction action) {
    transactions.inTransaction(() -> {
      for (EntityStatements statements : entities) {
        Object value = applicable(statements, subject);
        if (value == null) {
          continue;
        }
        for (String attribute : attributes.apply(statements.model())) {
          List<Object> values = distinct(statements, attribute, subject, value);
          PersistenceInterceptor.countStatementRows(AuditKind.ACCESSED, statements.model().name(), subject,
              values.size());
          for (Object found : values) {
            String text = found.toString().strip();
            if (!text.isEmpty()) {
              action.accept(statements.model(), attribute, text);
            }
          }
        }
      }
      return null;
    });
  }

  /** Returns the subject's distinct non-null values of an attribute, at most {@value #PAGE}. */
  private List<Object> distinct(EntityStatements statements, String attribute, SubjectId subject, Object value) {
    TypedQuery<Object[]> query = transactions.entityManager().createQuery(statements.distinctValues(attribute),
        Object[].class).setParameter(EntityStatements.SUBJECT, value).setMaxResults(PAGE);
    bindTenant(query, statements, subject.tenant());
    return query.getResultList().stream().filter(row -> EntityStatements.same(row[0], value)).map(row -> row[1])
        .toList();
  }

  /**
   * {@inheritDoc}
   *
   * <p>One bulk update of the record, which must be the subject's. An encrypted attribute is encrypted under the
   * subject's key, and its blind index recomputed.
   *
   * @param record the record's id as exported: {@code Entity#id}
   * @param field the attribute as described: {@code Entity.attribute}
   * @param value the new value, of the attribute's type
   * @throws InvalidInputException if the record, the field or the value's type is not the provider's, or the record is
   *     not the subject's
   */
  @Override
  public void rectify(SubjectId subject, String record, String field, Object value) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(record, "record");
    Preconditions.notNull(field, "field");
    Preconditions.notNull(value, "value");
    int hash = record.lastIndexOf('#');
    EntityStatements statements = hash < 0 ? null : byName.get(record.substring(0, hash));
    Preconditions.check(statements != null, "record", "must be a record id of this provider, Entity#id");
    EntityModel model = statements.model();
    Object id = statements.idValue(record.substring(hash + 1));
    Preconditions.check(id != null, "record", "must name an id of entity " + Messages.quote(model.name()));
    FieldModel target = field.startsWith(model.name() + ".")
        ? model.field(field.substring(model.name().length() + 1)).orElse(null) : null;
    Preconditions.check(target != null, "field", "must be a personal-data attribute of entity "
        + Messages.quote(model.name()));
    Preconditions.check(boxed(target.javaType()).isInstance(value), "value", "must be a "
        + target.javaType().getSimpleName());
    Object subjectValue = applicable(statements, subject);
    int updated = 0;
    if (subjectValue != null) {
      try (PurposeScope scope = PurposeScope.rectification()) {
        updated = rectify(statements, target, subject, subjectValue, id, value);
      }
    }
    Preconditions.check(updated == 1, "record", "does not exist for this subject");
  }

  /** Writes the rectification in a unit of its own; returns the rows written, 0 if the record is another's. */
  private int rectify(EntityStatements statements, FieldModel target, SubjectId subject, Object subjectValue,
      Object id, Object value) {
    EntityModel model = statements.model();
    return transactions.inTransaction(() -> {
      TypedQuery<Object> owner = transactions.entityManager().createQuery(statements.subjectOf(), Object.class)
          .setParameter("id", id);
      bindTenant(owner, statements, subject.tenant());
      if (owner.getResultList().stream().noneMatch(stored -> EntityStatements.same(stored, subjectValue))) {
        return 0;
      }
      Query update = transactions.entityManager().createQuery(statements.rectify(target))
          .setParameter("value", value).setParameter("id", id);
      bindTenant(update, statements, subject.tenant());
      int rows;
      if (!target.encrypted()) {
        rows = update.executeUpdate();
      } else {
        JpaEncryption encryption = JpaEncryption.installed();
        if (target.blindIndex() != null) {
          ListenerModel.EncryptedAttribute attribute = ListenerModel.of(model.javaType()).attributes().stream()
              .filter(a -> a.name().equals(target.attribute())).findFirst().orElseThrow();
          update.setParameter("index", encryption.blindIndexOf(attribute, (String) value));
        }
        rows = encryption.withSubject(subject, update::executeUpdate);
      }
      PersistenceInterceptor.countStatementRows(AuditKind.UPDATED, model.name(), subject, rows);
      return rows;
    });
  }

  private static Class<?> boxed(Class<?> type) {
    if (type == int.class) {
      return Integer.class;
    } else if (type == long.class) {
      return Long.class;
    } else if (type == short.class) {
      return Short.class;
    } else if (type == double.class) {
      return Double.class;
    } else if (type == boolean.class) {
      return Boolean.class;
    }
    return type;
  }

  /**
   * Returns the subject's id as the entity stores it, or null when the entity cannot hold the subject's records: the
   * id is not one of the entity's values, or the entity keeps no tenant and the subject is of another tenant.
   */
  private @Nullable Object applicable(EntityStatements statements, SubjectId subject) {
    if (!statements.hasTenant() && !subject.tenant().equals(tenant)) {
      return null;
    }
    return statements.subjectValue(subject);
  }

  private static void bindTenant(Query query, EntityStatements statements, TenantId tenant) {
    if (statements.hasTenant()) {
      query.setParameter(EntityStatements.TENANT, tenant.value());
    }
  }

  /**
   * Builds a {@link JpaPersonalDataProvider}; each property is set at most once.
   *
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public static final class Builder {

    private final JpaTransactions transactions;
    private final Map<String, DataCategory> categories = new HashMap<>();
    private final Set<String> registered = new HashSet<>();
    private @Nullable String id;
    private @Nullable String description;
    private @Nullable TenantId tenant;
    private @Nullable Metamodel metamodel;

    private Builder(JpaTransactions transactions) {
      this.transactions = Preconditions.notNull(transactions, "transactions");
      for (DataCategory category : List.of(DataCategory.CONTACT_DETAILS, DataCategory.ONLINE_IDENTIFIERS,
          DataCategory.BEHAVIOURAL, DataCategory.FINANCIAL, DataCategory.LOCATION, DataCategory.HEALTH)) {
        categories.put(category.id(), category);
      }
    }

    /** Sets the provider's id in descriptors and erasure reports; {@code jpa} by default. */
    public Builder id(String value) {
      requireUnset(id, "id");
      this.id = Preconditions.identifier(value, "provider id", 64);
      return this;
    }

    /** Sets the description of the provider's store; by default it lists the entities. */
    public Builder description(String value) {
      requireUnset(description, "description");
      this.description = Preconditions.text(value, "provider description", 500);
      return this;
    }

    /**
     * Sets the tenant of every record of an entity whose {@code @DataSubject} names no tenant attribute; the
     * {@linkplain TenantId#DEFAULT default tenant} by default. Subjects of other tenants have no data in such entities.
     */
    public Builder tenant(TenantId value) {
      requireUnset(tenant, "tenant");
      this.tenant = Preconditions.notNull(value, "tenant");
      return this;
    }

    /**
     * Registers a data category that {@code @PersonalData(category)} may name besides the kit's constants; the same
     * instance as the purposes declare, so that erasure scopes and holds match it.
     */
    public Builder category(DataCategory value) {
      Preconditions.notNull(value, "category");
      Preconditions.check(registered.add(value.id()), "category", Messages.quote(value.id()) + " is registered twice");
      categories.put(value.id(), value);
      return this;
    }

    /** Sets the metamodel to read; by default the one of the transactions' entity manager, read in a unit of work. */
    public Builder metamodel(Metamodel value) {
      requireUnset(metamodel, "metamodel");
      this.metamodel = Preconditions.notNull(value, "metamodel");
      return this;
    }

    /**
     * Reads the metamodel and the annotations, and returns the provider.
     *
     * @throws PersonalDataMappingException at the first annotation that cannot be honoured
     */
    public JpaPersonalDataProvider build() {
      Metamodel model = metamodel != null ? metamodel
          : transactions.inTransaction(() -> transactions.entityManager().getMetamodel());
      List<EntityModel> models = ModelReader.read(model, categories);
      return new JpaPersonalDataProvider(transactions, id == null ? "jpa" : id, description,
          tenant == null ? TenantId.DEFAULT : tenant, models);
    }

    private static void requireUnset(@Nullable Object current, String name) {
      if (current != null) {
        throw new IllegalStateException(name + " was already set");
      }
    }
  }
}

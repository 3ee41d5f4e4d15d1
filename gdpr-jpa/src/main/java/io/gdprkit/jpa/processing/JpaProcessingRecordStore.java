package io.gdprkit.jpa.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprStoreException;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.internal.LazyVendor;
import io.gdprkit.jpa.internal.RowLocks;
import io.gdprkit.jpa.processing.internal.ProcessingActivityRow;
import io.gdprkit.jpa.processing.internal.ProcessingActivityRow.Kind;
import io.gdprkit.jpa.processing.internal.ProcessingCodec;
import io.gdprkit.processing.ControllerDetails;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.ProcessorActivity;
import io.gdprkit.processing.spi.ProcessingRecordStore;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The records of processing activities (Art. 30(1) for the controller, Art. 30(2) for a processor) and the
 * controller's details, one register per tenant, in the tables of {@code V1_12__gdpr_processing.sql}; each record is
 * one row of JSON, since the register is read whole or by id and no query looks inside it.
 *
 * <p>A save or removal locks the row of its id first (a save inserts a placeholder when there is none), so it returns
 * exactly what it replaced: of racing saves of one id, one finds nothing and each other one the activity saved
 * before it.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().processingRecordStore(new JpaProcessingRecordStore(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaProcessingRecordStore implements ProcessingRecordStore {

  private static final String TABLE = "gdpr_processing_activity";
  private static final String[] COLUMNS = {"tenant", "kind", "id", "version", "body"};

  private final JpaTransactions transactions;
  private final LazyVendor vendor = new LazyVendor();

  /** Creates the store on the kit's unit of work. */
  public JpaProcessingRecordStore(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  @Override
  public Optional<ControllerDetails> controller(TenantId tenant) {
    Preconditions.notNull(tenant, "tenant");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select c.body from GdprProcessingController c where c.tenant = :tenant", String.class)
        .setParameter("tenant", tenant.value())
        .getResultStream()
        .findFirst()
        .map(ProcessingCodec::controller));
  }

  @Override
  public void controller(TenantId tenant, ControllerDetails details) {
    Preconditions.notNull(tenant, "tenant");
    String body = ProcessingCodec.controller(Preconditions.notNull(details, "details"));
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      RowLocks.lockOrCreate(em, vendor.of(em), () -> lockedController(em, tenant), "gdpr_processing_controller",
          new String[] {"tenant", "body"}, tenant.value(), body);
      em.createQuery("update GdprProcessingController c set c.body = :body where c.tenant = :tenant")
          .setParameter("body", body)
          .setParameter("tenant", tenant.value())
          .executeUpdate();
    });
  }

  @Override
  public Optional<ProcessingActivity> save(TenantId tenant, ProcessingActivity activity) {
    Preconditions.notNull(activity, "activity");
    return save(tenant, Kind.CONTROLLER, activity.id(), ProcessingCodec.activity(activity))
        .map(row -> ProcessingCodec.activity(row.id(), row.body()));
  }

  @Override
  public Optional<ProcessingActivity> remove(TenantId tenant, String id) {
    return remove(tenant, Kind.CONTROLLER, id).map(row -> ProcessingCodec.activity(row.id(), row.body()));
  }

  @Override
  public Optional<ProcessingActivity> find(TenantId tenant, String id) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(id, "id");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select a.body from GdprProcessingActivity a where a.tenant = :tenant and a.kind = :kind"
            + " and a.id = :id", String.class)
        .setParameter("tenant", tenant.value())
        .setParameter("kind", Kind.CONTROLLER)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .map(body -> ProcessingCodec.activity(id, body)));
  }

  @Override
  public List<ProcessingActivity> page(TenantId tenant, @Nullable String after, int limit) {
    return page(tenant, Kind.CONTROLLER, after, limit, ProcessingCodec::activity);
  }

  @Override
  public Optional<ProcessorActivity> saveProcessorActivity(TenantId tenant, ProcessorActivity activity) {
    Preconditions.notNull(activity, "activity");
    return save(tenant, Kind.PROCESSOR, activity.id(), ProcessingCodec.processorActivity(activity))
        .map(row -> ProcessingCodec.processorActivity(row.id(), row.body()));
  }

  @Override
  public Optional<ProcessorActivity> removeProcessorActivity(TenantId tenant, String id) {
    return remove(tenant, Kind.PROCESSOR, id).map(row -> ProcessingCodec.processorActivity(row.id(), row.body()));
  }

  @Override
  public List<ProcessorActivity> processorPage(TenantId tenant, @Nullable String after, int limit) {
    return page(tenant, Kind.PROCESSOR, after, limit, ProcessingCodec::processorActivity);
  }

  /** Stores {@code body} under the id and returns the row it replaced, none when the id was new. */
  private Optional<ProcessingActivityRow> save(TenantId tenant, Kind kind, String id, String body) {
    Preconditions.notNull(tenant, "tenant");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      ProcessingActivityRow locked = RowLocks.lockOrCreate(em, vendor.of(em), () -> locked(em, tenant, kind, id), TABLE,
              COLUMNS, tenant.value(), kind.name(), id, 0L, "")
          .orElseThrow(() -> GdprStoreException.of("save a processing record",
              new IllegalStateException("racing removals deleted its row each time it was created")));
      em.createQuery("update GdprProcessingActivity a set a.version = :version, a.body = :body"
              + " where a.tenant = :tenant and a.kind = :kind and a.id = :id")
          .setParameter("version", locked.version() + 1)
          .setParameter("body", body)
          .setParameter("tenant", tenant.value())
          .setParameter("kind", kind)
          .setParameter("id", id)
          .executeUpdate();
      return Optional.of(locked).filter(row -> row.version() > 0);
    });
  }

  /** Deletes the row of the id and returns it, none when there was none. */
  private Optional<ProcessingActivityRow> remove(TenantId tenant, Kind kind, String id) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(id, "id");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      Optional<ProcessingActivityRow> locked = locked(em, tenant, kind, id);
      if (locked.isPresent()) {
        em.createQuery("delete from GdprProcessingActivity a where a.tenant = :tenant and a.kind = :kind"
                + " and a.id = :id")
            .setParameter("tenant", tenant.value())
            .setParameter("kind", kind)
            .setParameter("id", id)
            .executeUpdate();
      }
      return locked;
    });
  }

  private static Optional<String> lockedController(EntityManager em, TenantId tenant) {
    return em.createQuery("select c.tenant from GdprProcessingController c where c.tenant = :tenant", String.class)
        .setParameter("tenant", tenant.value())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /** Reads the row with an exclusive lock: a locking read, which sees the latest committed row in MariaDB too. */
  private static Optional<ProcessingActivityRow> locked(EntityManager em, TenantId tenant, Kind kind, String id) {
    List<ProcessingActivityRow> rows = em.createQuery("select a from GdprProcessingActivity a where a.tenant = :tenant"
            + " and a.kind = :kind and a.id = :id", ProcessingActivityRow.class)
        .setParameter("tenant", tenant.value())
        .setParameter("kind", kind)
        .setParameter("id", id)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
    rows.forEach(em::detach);
    return rows.stream().findFirst();
  }

  private <T> List<T> page(TenantId tenant, Kind kind, @Nullable String after, int limit,
      BiFunction<String, String, T> decode) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select a.id, a.body from GdprProcessingActivity a where a.tenant = :tenant and a.kind = :kind"
            + " and a.version > 0 and a.id > :after order by a.id", Object[].class)
        .setParameter("tenant", tenant.value())
        .setParameter("kind", kind)
        .setParameter("after", after == null ? "" : after)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(row -> decode.apply((String) row[0], (String) row[1]))
        .toList());
  }


}

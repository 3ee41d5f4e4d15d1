package io.gdprkit.breach.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.breach.Breach;
import io.gdprkit.breach.BreachConflictException;
import io.gdprkit.breach.BreachId;
import io.gdprkit.breach.UnknownBreachException;
import io.gdprkit.breach.internal.InMemoryBreachStore;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the breach register, each breach as the latest of its versions, one register per tenant.
 *
 * <p>Every method takes the {@link TenantId} whose register it reads or writes, because each tenant of a multi-tenant
 * host is its own controller with its own breaches and deadlines; single-tenant hosts pass {@link TenantId#DEFAULT}.
 *
 * <p>Contract, checked by {@code BreachStoreCompatibilityKit} in {@code gdpr-test}:
 * <ul>
 *   <li>tenants are apart: the same breach id in two tenants names two breaches, and no read, update or due query
 *       sees another tenant's breaches;</li>
 *   <li>a breach is stored and returned with every field unchanged;</li>
 *   <li>{@link #update} replaces a breach only if the store holds the version just before the new one, else it
 *       throws {@link BreachConflictException} and writes nothing: of two writers that read the same version, one
 *       wins;</li>
 *   <li>{@link #pendingDueBy} returns breaches whose authority notification is pending by deadline; an adapter
 *       answers it from an index on (pending, deadline, id);</li>
 *   <li>{@link #subjectCommunicationDue} and {@link #unassessed} return the breaches whose subjects are due to be
 *       told (Art. 34) and those not yet assessed, by deadline; an adapter keeps each as a flag computed from the
 *       breach on every write ({@link Breach#subjectStatus()} {@code DUE}, {@link Breach#assessments()} empty) and
 *       answers from an index on (flag, deadline, id);</li>
 *   <li>implementations are thread-safe.</li>
 * </ul>
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().breachStore(BreachStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface BreachStore {

  /** Returns a new store that keeps breaches in this JVM's memory. */
  static BreachStore inMemory() {
    return new InMemoryBreachStore();
  }

  /**
   * Stores a new breach.
   *
   * @param breach a breach at version 1
   * @throws io.gdprkit.InvalidInputException if its version is not 1
   * @throws BreachConflictException if a breach with its id is already stored
   */
  void insert(TenantId tenant, Breach breach);

  /**
   * Replaces a stored breach with its next version.
   *
   * @param breach the new version; the store must hold version {@code breach.version() - 1}
   * @throws BreachConflictException if the store holds another version
   * @throws UnknownBreachException if no breach of the tenant has its id
   */
  void update(TenantId tenant, Breach breach);

  /** Returns the latest version of the breach with this id, if stored. */
  Optional<Breach> find(TenantId tenant, BreachId id);

  /**
   * Returns up to {@code limit} breaches ordered by id.
   *
   * @param after the id of the last breach of the previous page, or {@code null} for the first page
   * @param limit at least 1
   * @throws io.gdprkit.InvalidInputException if {@code limit} is below 1
   */
  List<Breach> page(TenantId tenant, @Nullable BreachId after, int limit);

  /**
   * Returns up to {@code limit} breaches whose {@linkplain Breach#authorityStatus() authority status} is
   * {@code PENDING} and whose {@linkplain Breach#deadline() deadline} is at or before {@code cutoff}, ordered by
   * deadline, then id.
   *
   * @param after the last breach of the previous page, whose deadline and id the page starts after, or
   *     {@code null} for the first page
   * @param limit at least 1
   * @throws io.gdprkit.InvalidInputException if {@code limit} is below 1
   */
  List<Breach> pendingDueBy(TenantId tenant, Instant cutoff, @Nullable Breach after, int limit);

  /**
   * Returns up to {@code limit} breaches whose {@linkplain Breach#subjectStatus() subject status} is {@code DUE}: the
   * subjects are to be told (Art. 34(1) and (4)) and neither were nor are exempted; ordered by deadline, then id.
   *
   * @param after the last breach of the previous page, or {@code null} for the first page
   * @param limit at least 1
   * @throws io.gdprkit.InvalidInputException if {@code limit} is below 1
   * @since 0.1
   */
  List<Breach> subjectCommunicationDue(TenantId tenant, @Nullable Breach after, int limit);

  /**
   * Returns up to {@code limit} breaches with no {@linkplain Breach#assessments() risk assessment} yet, ordered by
   * deadline, then id.
   *
   * @param after the last breach of the previous page, or {@code null} for the first page
   * @param limit at least 1
   * @throws io.gdprkit.InvalidInputException if {@code limit} is below 1
   * @since 0.1
   */
  List<Breach> unassessed(TenantId tenant, @Nullable Breach after, int limit);
}

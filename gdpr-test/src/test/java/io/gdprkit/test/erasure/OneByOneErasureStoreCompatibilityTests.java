package io.gdprkit.test.erasure;

import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.Publication;
import io.gdprkit.erasure.spi.ErasureHold;
import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.erasure.spi.Tombstone;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;

/**
 * A host's erasure store written before the batch methods: it implements each job, report and tombstone one at a
 * time, so {@code insertAll}, {@code saveAll}, {@code completeAll} and {@code saveTombstones} are the interface's
 * defaults, which must keep the contract too.
 */
@DisplayName("erasure store with the default batch methods")
class OneByOneErasureStoreCompatibilityTests extends ErasureStoreCompatibilityKit {

  @Override
  protected ErasureStore createStore() {
    return new OneByOne(ErasureStore.inMemory());
  }

  /** Forwards every method a store must implement, and no other. */
  private record OneByOne(ErasureStore store) implements ErasureStore {

    @Override
    public Optional<ErasureJob> insert(ErasureJob job) {
      return store.insert(job);
    }

    @Override
    public ErasureJob save(ErasureJob job) {
      return store.save(job);
    }

    @Override
    public Optional<ErasureJob> find(UUID id) {
      return store.find(id);
    }

    @Override
    public Optional<ErasureJob> active(SubjectId subject) {
      return store.active(subject);
    }

    @Override
    public List<ErasureJob> pending(@Nullable UUID after, int limit) {
      return store.pending(after, limit);
    }

    @Override
    public List<ErasureJob> claimNext(String owner, Instant leaseUntil, int limit) {
      return store.claimNext(owner, leaseUntil, limit);
    }

    @Override
    public Optional<ErasureJob> claim(UUID id, String owner, Instant leaseUntil) {
      return store.claim(id, owner, leaseUntil);
    }

    @Override
    public Optional<ErasureJob> renew(UUID id, String owner, Instant leaseUntil) {
      return store.renew(id, owner, leaseUntil);
    }

    @Override
    public boolean release(UUID id, String owner) {
      return store.release(id, owner);
    }

    @Override
    public void complete(ErasureJob job, ErasureReport report) {
      store.complete(job, report);
    }

    @Override
    public Optional<ErasureReport> report(UUID job) {
      return store.report(job);
    }

    @Override
    public List<ErasureReport> reports(TenantId tenant, @Nullable UUID after, int limit) {
      return store.reports(tenant, after, limit);
    }

    @Override
    public void saveTombstone(Tombstone tombstone) {
      store.saveTombstone(tombstone);
    }

    @Override
    public Optional<Tombstone> tombstone(TenantId tenant, String subjectPseudonym) {
      return store.tombstone(tenant, subjectPseudonym);
    }

    @Override
    public List<Tombstone> tombstones(TenantId tenant, @Nullable String after, int limit) {
      return store.tombstones(tenant, after, limit);
    }

    @Override
    public boolean replaceTombstone(TenantId tenant, String oldPseudonym, Tombstone replacement) {
      return store.replaceTombstone(tenant, oldPseudonym, replacement);
    }

    @Override
    public void saveHold(ErasureHold hold) {
      store.saveHold(hold);
    }

    @Override
    public List<ErasureHold> holds(SubjectId subject) {
      return store.holds(subject);
    }

    @Override
    public List<ErasureHold> claimDueHolds(String owner, Instant leaseUntil, int limit) {
      return store.claimDueHolds(owner, leaseUntil, limit);
    }

    @Override
    public boolean releaseHold(UUID id, String owner) {
      return store.releaseHold(id, owner);
    }

    @Override
    public boolean deleteHold(UUID id) {
      return store.deleteHold(id);
    }

    @Override
    public void savePublication(Publication publication) {
      store.savePublication(publication);
    }

    @Override
    public List<Publication> publications(SubjectId subject) {
      return store.publications(subject);
    }

    @Override
    public boolean deletePublication(UUID id) {
      return store.deletePublication(id);
    }
  }
}

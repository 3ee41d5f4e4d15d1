package io.gdprkit.audit;

import io.gdprkit.TestClock;
import io.gdprkit.audit.internal.DefaultAuditService;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.audit.spi.CheckpointStore;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A chain of {@code size} entries with a signed checkpoint at every size from 1, for proof tests. */
final class AuditLogFixture {

  static final TenantId TENANT = TenantId.of("acme");
  static final SigningKey KEY = SigningKey.of("audit-test", new byte[32]);

  final AuditStore store = AuditStore.inMemory();
  final CheckpointStore checkpoints = CheckpointStore.inMemory();
  final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  final AuditService audit;
  final List<AuditEntry> entries;

  AuditLogFixture(int size) {
    audit = new DefaultAuditService(store, checkpoints, KEY, CheckpointPolicy.of(1, Duration.ofDays(1)), clock);
    for (int i = 0; i < size; i++) {
      audit.append(record(i));
      clock.advance(Duration.ofMillis(1));
    }
    entries = audit.entries(TENANT, 0, size + 1);
  }

  static AuditRecord record(int n) {
    return new AuditRecord(AuditKind.values()[n % AuditKind.values().length], TENANT, "k1:p" + n,
        Actor.staff("dpo"), null, Map.of("n", Integer.toString(n)));
  }

  Checkpoint checkpoint(long size) {
    return checkpoints.atOrBefore(TENANT, size).filter(c -> c.treeSize() == size).orElseThrow();
  }

  InclusionProof inclusion(long index, long size) {
    return audit.inclusionProof(TENANT, index, checkpoint(size));
  }

  ConsistencyProof consistency(long first, long second) {
    return audit.consistencyProof(TENANT, checkpoint(first), checkpoint(second));
  }
}

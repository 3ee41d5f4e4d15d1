package io.gdprkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.TestClock;
import io.gdprkit.audit.internal.DefaultAuditService;
import io.gdprkit.audit.internal.EntryHashing;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Every single-entry tamper of a 10,000-entry chain is found, at the position it was made. */
class AuditTamperProperties {

  private static final int SIZE = 10_000;
  private static final TenantId TENANT = TenantId.DEFAULT;
  private static final List<AuditEntry> CHAIN = build();

  enum Tamper { EDIT_DETAIL, EDIT_KIND, EDIT_TIME, EDIT_AND_REHASH, DELETE, INSERT, SWAP_WITH_NEXT }

  private static List<AuditEntry> build() {
    TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
    ListAuditStore store = new ListAuditStore();
    AuditService audit = new DefaultAuditService(store, clock);
    for (int i = 0; i < SIZE; i++) {
      audit.append(new AuditRecord(AuditKind.values()[i % AuditKind.values().length], TENANT, "k1:p" + i,
          Actor.system("job"), null, Map.of("n", Integer.toString(i))));
      clock.advance(Duration.ofMillis(1));
    }
    return List.copyOf(store.entries);
  }

  @Property(tries = 150)
  void findsEverySingleEntryTamperAtItsPosition(@ForAll @IntRange(min = 0, max = SIZE - 2) int position,
      @ForAll Tamper tamper) {
    List<AuditEntry> entries = new ArrayList<>(CHAIN);
    AuditEntry target = entries.get(position);
    long expectedBad = position;
    switch (tamper) {
      case EDIT_DETAIL -> entries.set(position, with(target, new AuditRecord(target.record().kind(), TENANT,
          target.record().subjectPseudonym(), target.record().actor(), null, Map.of("n", "tampered")), false));
      case EDIT_KIND -> entries.set(position, with(target, new AuditRecord(AuditKind.DELETED == target.record().kind()
          ? AuditKind.ACCESSED : AuditKind.DELETED, TENANT, target.record().subjectPseudonym(),
          target.record().actor(), null, target.record().details()), false));
      case EDIT_TIME -> entries.set(position, new AuditEntry(position, target.at().plusNanos(1), target.record(),
          target.previousHash(), target.hash()));
      case EDIT_AND_REHASH -> {
        entries.set(position, with(target, new AuditRecord(target.record().kind(), TENANT, "k1:someone-else",
            target.record().actor(), null, target.record().details()), true));
        expectedBad = position + 1; // a re-hashed entry is caught by its successor
      }
      case DELETE -> entries.remove(position);
      case INSERT -> {
        // A forger's entry, well formed and correctly hashed onto its predecessor: it verifies in its own slot,
        // and the chain breaks at the genuine entry it pushed along.
        AuditRecord forged = new AuditRecord(AuditKind.ACCESSED, TENANT, "k1:forged", Actor.staff("intruder"), null,
            Map.of());
        entries.add(position, new AuditEntry(position, target.at(), forged, target.previousHash(),
            EntryHashing.hash(position, target.at(), forged, target.previousHash())));
        expectedBad = position + 1;
      }
      case SWAP_WITH_NEXT -> Collections.swap(entries, position, position + 1);
    }

    VerificationResult result = new DefaultAuditService(new ListAuditStore(entries), TestClock.at("2026-11-23T10:00:00Z"))
        .verify(TENANT);

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBadPosition()).isEqualTo(expectedBad);
    assertThat(result.problem()).isNotBlank();
  }

  @Property(tries = 5)
  void acceptsTheUntouchedChain(@ForAll @IntRange(min = 0, max = 3) int ignored) {
    VerificationResult result = new DefaultAuditService(new ListAuditStore(new ArrayList<>(CHAIN)),
        TestClock.at("2026-11-23T10:00:00Z")).verify(TENANT);

    assertThat(result).isEqualTo(VerificationResult.ok(SIZE));
  }

  private static AuditEntry with(AuditEntry entry, AuditRecord record, boolean rehash) {
    String hash = rehash ? EntryHashing.hash(entry.position(), entry.at(), record, entry.previousHash()) : entry.hash();
    return new AuditEntry(entry.position(), entry.at(), record, entry.previousHash(), hash);
  }
}

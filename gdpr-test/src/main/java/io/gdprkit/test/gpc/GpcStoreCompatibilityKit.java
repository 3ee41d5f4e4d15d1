package io.gdprkit.test.gpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.consent.ConsentConflictException;
import io.gdprkit.gpc.GpcSignal;
import io.gdprkit.gpc.GpcSignalRecord;
import io.gdprkit.gpc.spi.GpcStore;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that a {@link GpcStore} keeps its contract: records per subject in sequence order with every field, the
 * sequence check that lets only one of two racing writers record, erasure of a subject, separate tenants and
 * rollback with the unit of work.
 *
 * <p>{@link #createStore()} is called once in every test, after the subclass's {@code @BeforeEach} methods, and must
 * return an empty store.
 *
 * <p>Usage example: <pre>{@code class JpaGpcStoreTests extends GpcStoreCompatibilityKit { protected GpcStore createStore() { return new JpaGpcStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class GpcStoreCompatibilityKit extends StoreCompatibilityKit<GpcStore> {

  private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");
  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(10);
  private static final SubjectId ALICE = SubjectId.of("alice");
  private static final SubjectId BOB = SubjectId.of("bob");

  @Nested
  @DisplayName("appending")
  class Appending {

    @Test
    @DisplayName("a subject's records are returned in sequence order with every field unchanged")
    void returnsRecordsInSequenceOrder() {
      GpcSignalRecord first = new GpcSignalRecord(ALICE, 1, START, GpcSignal.Source.SEC_GPC_HEADER,
          "https://shop.example:8443", "k1:Zm9vYmFy", List.of(), List.of());
      GpcSignalRecord second = new GpcSignalRecord(ALICE, 2, START.plusSeconds(60),
          GpcSignal.Source.NAVIGATOR_PROPERTY, null, null, List.of("ad-sharing", "newsletter"), List.of("analytics"));

      store().append(first);
      store().append(second);

      assertThat(store().history(ALICE)).containsExactly(first, second);
    }

    @Test
    @DisplayName("a subject without records has an empty history, and other subjects' records stay theirs")
    void keepsSubjectsApart() {
      store().append(record(BOB, 1));

      store().append(record(ALICE, 1));

      assertThat(store().history(BOB)).containsExactly(record(BOB, 1));
      assertThat(store().history(SubjectId.of("carol"))).isEmpty();
    }
  }

  @Nested
  @DisplayName("sequence check")
  class SequenceCheck {

    @Test
    @DisplayName("a first record must have sequence 1, and nothing is written otherwise")
    void refusesAFirstRecordOtherThanOne() {
      Throwable refused = thrownBy(() -> store().append(record(ALICE, 2)));

      assertThat(refused).isInstanceOf(ConsentConflictException.class);
      assertThat(store().history(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("a repeated or skipped sequence is a conflict, and nothing is written")
    void refusesARepeatedOrSkippedSequence() {
      store().append(record(ALICE, 1));

      Throwable repeated = thrownBy(() -> store().append(record(ALICE, 1, "ad-sharing")));
      Throwable skipped = thrownBy(() -> store().append(record(ALICE, 3)));

      assertThat(repeated).isInstanceOf(ConsentConflictException.class);
      assertThat(skipped).isInstanceOf(ConsentConflictException.class);
      assertThat(store().history(ALICE)).containsExactly(record(ALICE, 1));
    }

    @Test
    @Timeout(30)
    @DisplayName("of writers racing for the same sequence exactly one records")
    void letsExactlyOneRacingWriterRecord() throws Exception {
      int threads = 8;

      List<Boolean> won = race(threads, RACE_TIMEOUT, thread -> {
        try {
          store().append(record(ALICE, 1, "purpose-" + thread));
          return true;
        } catch (ConsentConflictException lost) {
          return false;
        }
      });

      assertThat(won).containsOnlyOnce(true);
      assertThat(store().history(ALICE)).hasSize(1);
    }
  }

  @Nested
  @DisplayName("erasure")
  class Erasure {

    @Test
    @DisplayName("erasing a subject removes its records, returns how many, and a new history starts at 1")
    void erasesEveryRecordOfTheSubject() {
      store().append(record(ALICE, 1));
      store().append(record(ALICE, 2));
      store().append(record(BOB, 1));

      int removed = store().erase(ALICE);
      store().append(record(ALICE, 1, "after"));

      assertThat(removed).isEqualTo(2);
      assertThat(store().history(ALICE)).containsExactly(record(ALICE, 1, "after"));
      assertThat(store().history(BOB)).hasSize(1);
      assertThat(store().erase(SubjectId.of("carol"))).isZero();
    }
  }

  @Nested
  @DisplayName("tenants")
  class Tenants {

    @Test
    @DisplayName("the same subject id in two tenants is two subjects, with two sequences")
    void keepsTenantsApart() {
      SubjectId acmeAlice = SubjectId.of(TenantId.of("acme"), "alice");
      SubjectId globexAlice = SubjectId.of(TenantId.of("globex"), "alice");

      store().append(record(acmeAlice, 1));
      store().append(record(globexAlice, 1));
      int removed = store().erase(acmeAlice);

      assertThat(removed).isEqualTo(1);
      assertThat(store().history(globexAlice)).containsExactly(record(globexAlice, 1));
      assertThat(store().history(ALICE)).isEmpty();
    }
  }

  @Nested
  @DisplayName("unit of work")
  class UnitOfWork {

    @Test
    @DisplayName("records appended in a unit that rolls back are gone, and the sequence is free again")
    void leavesNothingOfARolledBackUnit() {
      store().append(record(BOB, 1));

      inRolledBackUnit(() -> {
        store().append(record(ALICE, 1));
        store().append(record(ALICE, 2));
        store().append(record(BOB, 2));
      });
      store().append(record(ALICE, 1, "again"));

      assertThat(store().history(ALICE)).containsExactly(record(ALICE, 1, "again"));
      assertThat(store().history(BOB)).containsExactly(record(BOB, 1));
    }

    @Test
    @DisplayName("an erasure in a unit that rolls back leaves the records")
    void keepsTheRecordsOfARolledBackErasure() {
      store().append(record(ALICE, 1));
      store().append(record(ALICE, 2));

      inRolledBackUnit(() -> store().erase(ALICE));

      assertThat(store().history(ALICE)).containsExactly(record(ALICE, 1), record(ALICE, 2));
    }
  }

  /** Returns a record {@code sequence} minutes after a fixed start, withdrawing {@code withdrawn}. */
  private static GpcSignalRecord record(SubjectId subject, long sequence, String... withdrawn) {
    return new GpcSignalRecord(subject, sequence, START.plus(Duration.ofMinutes(sequence)),
        GpcSignal.Source.SEC_GPC_HEADER, "https://shop.example", null, List.of(withdrawn), List.of());
  }
}

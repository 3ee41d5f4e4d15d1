package io.gdprkit.crypto;

import static io.gdprkit.crypto.KeyedPseudonymTests.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.subject.TenantId;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.suppression.SuppressionEntry;
import io.gdprkit.suppression.spi.SuppressionStore;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Re-keying the pseudonym key re-hashes suppression entries and tombstones page by page; while it runs, and after,
 * every erased person is still recognised.
 */
class PseudonymRekeyingTests {

  private final SuppressionStore suppressionStore = SuppressionStore.inMemory();
  private final ErasureStore erasureStore = ErasureStore.inMemory();
  private final PseudonymKey p1 = PseudonymKey.of("p1", secret(1));
  private final PseudonymKey p2 = p1.rekeyedTo("p2", secret(2));
  private final List<SubjectId> erased = IntStream.range(0, 5).mapToObj(i -> SubjectId.of("contact-" + i)).toList();

  private GdprKit kit(PseudonymKey key) {
    return GdprKit.builder().pseudonymKey(key).suppressionStore(suppressionStore).erasureStore(erasureStore).build();
  }

  private static ContactPoint email(SubjectId subject) {
    return ContactPoint.email(subject.value() + "@example.com");
  }

  private void eraseEveryoneUnder(GdprKit before) {
    for (SubjectId subject : erased) {
      before.suppression().suppress(TenantId.DEFAULT, email(subject));
      before.erasure().erase(subject);
    }
  }

  @Test
  void recognisesEveryoneWhileTheReKeyingJobHasOnlyDoneSomePages() {
    // Issue 9: lookups try both versions until every entry is re-hashed
    eraseEveryoneUnder(kit(p1));
    GdprKit after = kit(p2);

    int firstPage = after.suppression().rekeyPseudonyms(TenantId.DEFAULT, 2);
    int firstTombstones = after.erasure().rekeyPseudonyms(TenantId.DEFAULT, 3);

    assertThat(firstPage).isEqualTo(2);
    assertThat(firstTombstones).isEqualTo(3);
    assertThat(after.suppression().entries(TenantId.DEFAULT, null, 100)).extracting(e -> e.hash().substring(0, 3))
        .containsOnly("p1:", "p2:");
    assertThat(erased).allSatisfy(subject -> {
      assertThat(after.erasure().wasErased(subject)).isTrue();
      assertThat(after.suppression().isSuppressed(TenantId.DEFAULT, email(subject))).isTrue();
    });
  }

  @Test
  void reHashesEveryEntryAndTombstoneInBoundedPagesAcrossInstances() {
    // Issue 9: any number of instances may run the job; each call stays within its limit
    eraseEveryoneUnder(kit(p1));
    GdprKit one = kit(p2);
    GdprKit two = kit(p2);

    int suppression = 0;
    int tombstones = 0;
    int calls = 0;
    int done;
    do {
      GdprKit runner = calls++ % 2 == 0 ? one : two;
      int entries = runner.suppression().rekeyPseudonyms(TenantId.DEFAULT, 2);
      int stones = runner.erasure().rekeyPseudonyms(TenantId.DEFAULT, 2);
      assertThat(entries).isLessThanOrEqualTo(2);
      assertThat(stones).isLessThanOrEqualTo(2);
      suppression += entries;
      tombstones += stones;
      done = entries + stones;
    } while (done > 0);

    assertThat(suppression).isEqualTo(5);
    assertThat(tombstones).isEqualTo(5);
    assertThat(calls).isEqualTo(4);
    assertThat(one.suppression().entries(TenantId.DEFAULT, null, 100)).extracting(SuppressionEntry::hash)
        .allSatisfy(hash -> assertThat(hash).startsWith("p2:"))
        .contains(p2.pseudonym("suppression", "email:contact-3@example.com"));
    assertThat(erasureStore.tombstones(TenantId.DEFAULT, null, 100)).hasSize(5)
        .allSatisfy(t -> assertThat(t.subjectPseudonym()).startsWith("p2:"));
    assertThat(erased).allSatisfy(subject -> {
      assertThat(two.erasure().wasErased(subject)).isTrue();
      assertThat(two.suppression().isSuppressed(TenantId.DEFAULT, email(subject))).isTrue();
    });
    assertThat(two.erasure().wasErased(SubjectId.of("contact-9"))).isFalse();
  }

  @Test
  void addingAContactAlreadyListedUnderTheOldVersionKeepsOneEntry() {
    SuppressionEntry old = kit(p1).suppression().suppress(TenantId.DEFAULT, ContactPoint.email("alice@example.com"));
    GdprKit after = kit(p2);

    SuppressionEntry again = after.suppression().suppress(TenantId.DEFAULT, ContactPoint.email("Alice@example.com"));
    after.suppression().rekeyPseudonyms(TenantId.DEFAULT, 10);

    assertThat(again).isEqualTo(old);
    assertThat(after.suppression().entries(TenantId.DEFAULT, null, 10)).singleElement()
        .satisfies(e -> assertThat(e.hash()).isEqualTo(p2.pseudonym("suppression", "email:alice@example.com")))
        .satisfies(e -> assertThat(e.suppressedAt()).isEqualTo(old.suppressedAt()));
  }
}

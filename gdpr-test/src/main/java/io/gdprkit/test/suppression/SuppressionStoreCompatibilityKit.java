package io.gdprkit.test.suppression;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.InvalidInputException;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.subject.TenantId;
import io.gdprkit.suppression.SuppressionEntry;
import io.gdprkit.suppression.spi.SuppressionStore;
import io.gdprkit.test.StoreCompatibilityKit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that a {@link SuppressionStore} keeps its contract: one entry per tenant and hash, the first one kept,
 * removal, keyset paging ordered by hash, tenant isolation, and thread safety.
 *
 * <p>Hashes are compared exactly, case included: they end in base64url, where {@code "k1:a"} and {@code "k1:A"} are
 * different hashes. Entries are ordered as {@link String#compareTo} orders their hashes, as a binary collation does.
 *
 * <p>{@link #createStore()} is called once in every test, after the subclass's {@code @BeforeEach} methods, and must
 * return an empty store.
 *
 * <p>Usage example: <pre>{@code class JpaSuppressionStoreTests extends SuppressionStoreCompatibilityKit { protected SuppressionStore createStore() { return new JpaSuppressionStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class SuppressionStoreCompatibilityKit extends StoreCompatibilityKit<SuppressionStore> {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(10);

  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private static final String ALICE_MAIL = hash("alice@example.com");
  private static final String BOB_MAIL = hash("bob@example.com");
  private static final String CAROL_PHONE = hash("+4930123456");

  @Nested
  @DisplayName("adding")
  class Adding {

    @Test
    @DisplayName("an added entry is returned and found by its hash with every field unchanged")
    void returnsAndFindsAnAddedEntry() {
      SuppressionEntry entry = new SuppressionEntry(ACME, ContactPoint.Kind.PHONE, CAROL_PHONE,
          Instant.parse("2025-12-31T23:59:59.123Z"));

      SuppressionEntry stored = store().add(entry);

      assertThat(stored).as("the very entry, which tells the caller it added it").isSameAs(entry);
      assertThat(store().find(ACME, CAROL_PHONE)).contains(entry);
    }

    @Test
    @DisplayName("adding a hash again keeps and returns the first entry")
    void keepsTheFirstEntryOfAHash() {
      SuppressionEntry first = entry(ALICE_MAIL, 1);
      SuppressionEntry second = entry(ALICE_MAIL, 2);
      store().add(first);

      SuppressionEntry stored = store().add(second);

      assertThat(stored).isEqualTo(first).isNotSameAs(second);
      assertThat(store().find(ACME, ALICE_MAIL)).contains(first);
      assertThat(store().entries(ACME, null, 10)).containsExactly(first);
    }

    @Test
    @DisplayName("of racing adds of one hash, exactly one gets its own entry back")
    void letsExactlyOneOfRacingAddsAddIt() throws Exception {
      java.util.List<Boolean> added = race(8, java.time.Duration.ofSeconds(10), thread -> {
        SuppressionEntry mine = entry(ALICE_MAIL, thread);
        return store().add(mine) == mine;
      });

      assertThat(added).filteredOn(Boolean::booleanValue).hasSize(1);
      assertThat(store().entries(ACME, null, 10)).hasSize(1);
    }

    @Test
    @DisplayName("a hash never added is not found")
    void findsNothingForAnUnknownHash() {
      store().add(entry(ALICE_MAIL, 1));

      Optional<SuppressionEntry> found = store().find(ACME, BOB_MAIL);

      assertThat(found).isEmpty();
    }

    @Test
    @DisplayName("hashes that differ only in case are different entries")
    void keepsHashesThatDifferOnlyInCaseApart() {
      SuppressionEntry lower = entry("k1:abc", 1);
      SuppressionEntry upper = entry("k1:ABC", 2);

      SuppressionEntry storedLower = store().add(lower);
      SuppressionEntry storedUpper = store().add(upper);

      assertThat(storedLower).isEqualTo(lower);
      assertThat(storedUpper).isEqualTo(upper);
      assertThat(store().find(ACME, "k1:abc")).contains(lower);
      assertThat(store().find(ACME, "k1:ABC")).contains(upper);
      assertThat(store().entries(ACME, null, 10)).containsExactly(upper, lower);
    }
  }

  @Nested
  @DisplayName("removing")
  class Removing {

    @Test
    @DisplayName("a removed entry is no longer found or listed")
    void removesAnEntry() {
      SuppressionEntry bob = entry(BOB_MAIL, 2);
      store().add(entry(ALICE_MAIL, 1));
      store().add(bob);

      boolean removed = store().remove(ACME, ALICE_MAIL);

      assertThat(removed).isTrue();
      assertThat(store().find(ACME, ALICE_MAIL)).isEmpty();
      assertThat(store().find(ACME, BOB_MAIL)).contains(bob);
      assertThat(store().entries(ACME, null, 10)).containsExactly(bob);
    }

    @Test
    @DisplayName("removing a hash never added returns false and changes nothing")
    void returnsFalseForAnUnknownHash() {
      SuppressionEntry alice = entry(ALICE_MAIL, 1);
      store().add(alice);

      boolean removed = store().remove(ACME, BOB_MAIL);

      assertThat(removed).isFalse();
      assertThat(store().entries(ACME, null, 10)).containsExactly(alice);
    }

    @Test
    @DisplayName("removing an entry twice returns true only the first time")
    void returnsTrueOnlyOnce() {
      store().add(entry(ALICE_MAIL, 1));
      boolean first = store().remove(ACME, ALICE_MAIL);

      boolean second = store().remove(ACME, ALICE_MAIL);

      assertThat(first).isTrue();
      assertThat(second).isFalse();
    }

    @Test
    @DisplayName("a removed hash can be added again with a new entry")
    void acceptsAHashAgainAfterRemoval() {
      store().add(entry(ALICE_MAIL, 1));
      store().remove(ACME, ALICE_MAIL);
      SuppressionEntry again = entry(ALICE_MAIL, 5);

      SuppressionEntry stored = store().add(again);

      assertThat(stored).isEqualTo(again);
      assertThat(store().find(ACME, ALICE_MAIL)).contains(again);
    }
  }

  @Nested
  @DisplayName("replacing")
  class Replacing {

    @Test
    @DisplayName("replacing an entry swaps it for its re-keyed form with every other field kept")
    void replacesAnEntry() {
      SuppressionEntry old = entry("p1:alice", 3);
      SuppressionEntry rekeyed = new SuppressionEntry(ACME, old.kind(), "p2:alice", old.suppressedAt());
      store().add(old);

      boolean replaced = store().replace(ACME, "p1:alice", rekeyed);

      assertThat(replaced).isTrue();
      assertThat(store().find(ACME, "p1:alice")).isEmpty();
      assertThat(store().find(ACME, "p2:alice")).contains(rekeyed);
      assertThat(store().entries(ACME, null, 10)).containsExactly(rekeyed);
    }

    @Test
    @DisplayName("replacing in one tenant leaves another tenant's entry of the same hash alone")
    void replacesInOneTenantOnly() {
      SuppressionEntry acme = entry("p1:alice", 3);
      SuppressionEntry globex = new SuppressionEntry(GLOBEX, acme.kind(), "p1:alice", acme.suppressedAt());
      store().add(acme);
      store().add(globex);

      store().replace(ACME, "p1:alice", new SuppressionEntry(ACME, acme.kind(), "p2:alice", acme.suppressedAt()));

      assertThat(store().find(GLOBEX, "p1:alice")).contains(globex);
      assertThat(store().find(ACME, "p1:alice")).isEmpty();
    }

    @Test
    @DisplayName("replacing a hash that is gone returns false and adds nothing")
    void changesNothingWhenTheOldHashIsGone() {
      SuppressionEntry bob = entry("p1:bob", 1);
      store().add(bob);

      boolean replaced = store().replace(ACME, "p1:alice", entry("p2:alice", 2));

      assertThat(replaced).isFalse();
      assertThat(store().entries(ACME, null, 10)).containsExactly(bob);
    }
  }

  @Nested
  @DisplayName("paging")
  class Paging {

    @Test
    @DisplayName("entries are listed once each, ordered by hash")
    void listsEntriesInHashOrder() {
      List<String> hashes = List.of("k1:b", "k2:A", "k1:B", "k1:a-", "k1:_", "k1:9");
      hashes.forEach(hash -> store().add(entry(hash, 1)));
      store().add(entry("k1:b", 2));

      List<SuppressionEntry> entries = store().entries(ACME, null, 10);

      assertThat(entries).extracting(SuppressionEntry::hash)
          .containsExactly("k1:9", "k1:B", "k1:_", "k1:a-", "k1:b", "k2:A");
    }

    @Test
    @DisplayName("a page starts after the given hash, even one that does not exist")
    void startsAfterTheGivenHash() {
      SuppressionEntry a = entry("k1:a", 1);
      SuppressionEntry c = entry("k1:c", 2);
      SuppressionEntry e = entry("k1:e", 3);
      List.of(e, a, c).forEach(store()::add);

      List<SuppressionEntry> afterA = store().entries(ACME, "k1:a", 10);
      List<SuppressionEntry> afterB = store().entries(ACME, "k1:b", 10);
      List<SuppressionEntry> afterE = store().entries(ACME, "k1:e", 10);

      assertThat(afterA).containsExactly(c, e);
      assertThat(afterB).containsExactly(c, e);
      assertThat(afterE).isEmpty();
    }

    @Test
    @DisplayName("a page holds at most limit entries")
    void respectsTheLimit() {
      SuppressionEntry a = entry("k1:a", 1);
      SuppressionEntry b = entry("k1:b", 2);
      List.of(entry("k1:c", 3), b, a).forEach(store()::add);

      List<SuppressionEntry> page = store().entries(ACME, null, 2);

      assertThat(page).containsExactly(a, b);
    }

    @Test
    @DisplayName("paging by the last hash of each page visits every entry exactly once")
    void pagesThroughEveryEntryExactlyOnce() {
      List<SuppressionEntry> added = IntStream.range(0, 23)
          .mapToObj(i -> entry(hash("contact-" + i + "@example.com"), i))
          .toList();
      List<SuppressionEntry> expected = added.stream().sorted(Comparator.comparing(SuppressionEntry::hash)).toList();
      List<SuppressionEntry> addOrder = new ArrayList<>(expected);
      Collections.reverse(addOrder);
      Collections.swap(addOrder, 3, 17);
      addOrder.forEach(store()::add);

      List<SuppressionEntry> visited = pageThrough(4,
          (String after) -> store().entries(ACME, after, 4), last -> last.hash());

      assertThat(visited).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("a limit below 1 is invalid input")
    void rejectsALimitBelowOne() {
      store().add(entry(ALICE_MAIL, 1));

      Throwable zero = thrownBy(() -> store().entries(ACME, null, 0));
      Throwable negative = thrownBy(() -> store().entries(ACME, ALICE_MAIL, -1));

      assertThat(zero).isInstanceOf(InvalidInputException.class);
      assertThat(negative).isInstanceOf(InvalidInputException.class);
    }
  }

  // Issue 9: the list was kit-wide; each tenant, being its own controller, has a list of its own.
  @Nested
  @DisplayName("tenant isolation")
  class TenantIsolation {

    @Test
    @DisplayName("one hash is kept in two tenants as two entries, each found only in its own tenant")
    void keepsOneHashInTwoTenantsApart() {
      SuppressionEntry acme = entry(ACME, ALICE_MAIL, 1);
      SuppressionEntry globex = entry(GLOBEX, ALICE_MAIL, 2);

      SuppressionEntry storedAcme = store().add(acme);
      SuppressionEntry storedGlobex = store().add(globex);

      assertThat(storedAcme).isEqualTo(acme);
      assertThat(storedGlobex).isEqualTo(globex);
      assertThat(store().find(ACME, ALICE_MAIL)).contains(acme);
      assertThat(store().find(GLOBEX, ALICE_MAIL)).contains(globex);
      assertThat(store().find(TenantId.DEFAULT, ALICE_MAIL)).isEmpty();
    }

    @Test
    @DisplayName("a hash added in one tenant is not found, listed or removable in another")
    void seesNothingOfAnotherTenant() {
      SuppressionEntry acme = entry(ACME, BOB_MAIL, 1);
      store().add(acme);

      Optional<SuppressionEntry> found = store().find(GLOBEX, BOB_MAIL);
      List<SuppressionEntry> listed = store().entries(GLOBEX, null, 10);
      boolean removed = store().remove(GLOBEX, BOB_MAIL);

      assertThat(found).isEmpty();
      assertThat(listed).isEmpty();
      assertThat(removed).isFalse();
      assertThat(store().find(ACME, BOB_MAIL)).contains(acme);
    }

    @Test
    @DisplayName("removing a hash in one tenant leaves the same hash in another")
    void removesOnlyInTheNamedTenant() {
      SuppressionEntry globex = entry(GLOBEX, ALICE_MAIL, 2);
      store().add(entry(ACME, ALICE_MAIL, 1));
      store().add(globex);

      boolean removed = store().remove(ACME, ALICE_MAIL);

      assertThat(removed).isTrue();
      assertThat(store().find(ACME, ALICE_MAIL)).isEmpty();
      assertThat(store().find(GLOBEX, ALICE_MAIL)).contains(globex);
    }

    @Test
    @DisplayName("a tenant's pages hold its own entries only, ordered by hash")
    void pagesThroughOneTenantOnly() {
      SuppressionEntry a = entry(ACME, "k1:a", 1);
      SuppressionEntry c = entry(ACME, "k1:c", 3);
      List.of(c, entry(GLOBEX, "k1:b", 2), a, entry(GLOBEX, "k1:a", 4), entry(GLOBEX, "k1:d", 5))
          .forEach(store()::add);

      List<SuppressionEntry> first = store().entries(ACME, null, 1);
      List<SuppressionEntry> rest = store().entries(ACME, "k1:a", 10);

      assertThat(first).containsExactly(a);
      assertThat(rest).containsExactly(c);
      assertThat(store().entries(GLOBEX, null, 10)).extracting(SuppressionEntry::hash)
          .containsExactly("k1:a", "k1:b", "k1:d");
    }

    @Test
    @DisplayName("a stored entry keeps its tenant")
    void keepsTheTenantOfAnEntry() {
      store().add(entry(GLOBEX, CAROL_PHONE, 7));

      Optional<SuppressionEntry> found = store().find(GLOBEX, CAROL_PHONE);

      assertThat(found).get().extracting(SuppressionEntry::tenant).isEqualTo(GLOBEX);
    }
  }

  @Nested
  @DisplayName("concurrency")
  @Timeout(30)
  class Concurrency {

    @Test
    @DisplayName("racing adds of the same hash keep one entry, which every adder gets back")
    void keepsOneEntryForRacingAddsOfOneHash() throws Exception {
      int threads = 8;
      int hashes = 200;

      List<List<SuppressionEntry>> returned = race(threads, RACE_TIMEOUT, thread -> IntStream.range(0, hashes)
          .mapToObj(i -> store().add(entry(racingHash(i), thread)))
          .toList());

      assertThat(store().entries(ACME, null, 10 * hashes)).hasSize(hashes);
      for (int i = 0; i < hashes; i++) {
        int index = i;
        Optional<SuppressionEntry> stored = store().find(ACME, racingHash(i));
        assertThat(stored).isPresent();
        assertThat(returned).as("entries returned for %s", racingHash(i))
            .allSatisfy(perThread -> assertThat(perThread.get(index)).isEqualTo(stored.get()));
      }
    }

    @Test
    @DisplayName("racing adds of distinct hashes lose no entry")
    void keepsEveryEntryOfRacingAdds() throws Exception {
      int threads = 8;
      int entriesPerThread = 50;

      List<List<SuppressionEntry>> added = race(threads, RACE_TIMEOUT, thread -> IntStream.range(0, entriesPerThread)
          .mapToObj(i -> store().add(entry(hash("racer-" + thread + "-" + i), i)))
          .toList());

      List<SuppressionEntry> expected = added.stream().flatMap(List::stream)
          .sorted(Comparator.comparing(SuppressionEntry::hash)).toList();
      assertThat(store().entries(ACME, null, 10 * threads * entriesPerThread)).containsExactlyElementsOf(expected);
    }

    private static String racingHash(int i) {
      return hash("racing-" + i + "@example.com");
    }
  }

  /** Returns an e-mail entry of tenant acme suppressed {@code minute} minutes after a fixed start. */
  private static SuppressionEntry entry(String hash, int minute) {
    return entry(ACME, hash, minute);
  }

  /** Returns an e-mail entry of the tenant suppressed {@code minute} minutes after a fixed start. */
  private static SuppressionEntry entry(TenantId tenant, String hash, int minute) {
    return new SuppressionEntry(tenant, ContactPoint.Kind.EMAIL, hash, START.plus(Duration.ofMinutes(minute)));
  }

  /** Returns a hash shaped like the real ones, {@code keyId:base64url(SHA-256)}, so it mixes case, digits, - and _. */
  private static String hash(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return "k1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

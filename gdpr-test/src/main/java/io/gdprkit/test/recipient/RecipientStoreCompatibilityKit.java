package io.gdprkit.test.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.recipient.CountryCode;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.RecipientKind;
import io.gdprkit.recipient.Safeguard;
import io.gdprkit.recipient.spi.RecipientStore;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Checks that a {@link RecipientStore} keeps its contract: entries found by id, every field kept, replacement by id
 * returning the entry replaced, all entries ordered by id, retirement that no save undoes, tenants kept apart (the
 * same id in two tenants names two entries and no read crosses them), and atomic saves and retirements under races.
 *
 * <p>{@link #createStore()} is called once in every test and must return an empty store.
 *
 * <p>Usage example: <pre>{@code class JpaRecipientStoreTests extends RecipientStoreCompatibilityKit { protected RecipientStore createStore() { return new JpaRecipientStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class RecipientStoreCompatibilityKit extends StoreCompatibilityKit<RecipientStore> {

  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(10);
  private static final TenantId TENANT = TenantId.of("acme");
  private static final TenantId OTHER = TenantId.of("globex");

  private static Recipient recipient(String id, String country) {
    return Recipient.of(id, RecipientKind.PROCESSOR, "Processor " + id, "dpo@" + id + ".example",
        CountryCode.of(country));
  }

  @Nested
  @DisplayName("saving")
  class Saving {

    @Test
    @DisplayName("a saved recipient is found by id with every field, safeguard included")
    void keepsEveryField() {
      Recipient saved = new Recipient("crm-us", RecipientKind.JOINT_CONTROLLER, "CRM Inc", "privacy@crm.example",
          CountryCode.of("US"), Safeguard.STANDARD_CONTRACTUAL_CLAUSES, "SCC module 1, signed 2026-02-01");

      Optional<Recipient> previous = store().save(TENANT, saved);

      assertThat(previous).isEmpty();
      assertThat(store().find(TENANT, "crm-us")).contains(saved);
      assertThat(store().find(TENANT, "crm")).isEmpty();
    }

    @Test
    @DisplayName("saving under a known id replaces the entry and returns the one replaced")
    void replacesById() {
      Recipient first = recipient("mailer", "DE");
      Recipient moved = recipient("mailer", "AT");
      store().save(TENANT, first);

      Optional<Recipient> previous = store().save(TENANT, moved);

      assertThat(previous).contains(first);
      assertThat(store().find(TENANT, "mailer")).contains(moved);
      assertThat(store().all(TENANT)).containsExactly(moved);
    }

    @Test
    @DisplayName("all recipients are listed in id order, whatever the order they were saved in")
    void listsInIdOrder() {
      store().save(TENANT, recipient("zeta", "DE"));
      store().save(TENANT, recipient("alpha", "FR"));
      store().save(TENANT, recipient("mid", "IT"));

      List<Recipient> all = store().all(TENANT);

      assertThat(all).extracting(Recipient::id).containsExactly("alpha", "mid", "zeta");
    }

    @Test
    @DisplayName("an empty store lists no recipients")
    void startsEmpty() {
      assertThat(store().all(TENANT)).isEmpty();
    }
  }

  @Nested
  @DisplayName("tenants")
  class Tenants {

    private final Instant at = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    @DisplayName("the same id in two tenants names two entries, each found and listed only in its tenant")
    void keepsTheSameIdApartPerTenant() {
      Recipient ours = recipient("mailer", "DE");
      Recipient theirs = recipient("mailer", "US");
      store().save(TENANT, ours);

      Optional<Recipient> previous = store().save(OTHER, theirs);

      assertThat(previous).isEmpty();
      assertThat(store().find(TENANT, "mailer")).contains(ours);
      assertThat(store().find(OTHER, "mailer")).contains(theirs);
      assertThat(store().all(TENANT)).containsExactly(ours);
      assertThat(store().all(OTHER)).containsExactly(theirs);
      assertThat(store().find(TenantId.DEFAULT, "mailer")).isEmpty();
    }

    @Test
    @DisplayName("retiring in one tenant leaves the same id in another active and cannot reach its entries")
    void retiresOnlyInItsTenant() {
      Recipient ours = recipient("mailer", "DE");
      Recipient theirs = recipient("mailer", "FR");
      store().save(TENANT, ours);
      store().save(OTHER, theirs);
      store().save(TENANT, recipient("bank", "AT"));

      boolean retired = store().retire(OTHER, "mailer", at, "contract ended");
      boolean retiredUnknown = store().retire(OTHER, "bank", at, "contract ended");

      assertThat(retired).isTrue();
      assertThat(retiredUnknown).isFalse();
      assertThat(store().find(TENANT, "mailer")).contains(ours);
      assertThat(store().find(TENANT, "bank")).hasValueSatisfying(bank -> assertThat(bank.isRetired()).isFalse());
      assertThat(store().find(OTHER, "mailer")).contains(theirs.retired(at, "contract ended"));
    }

    @Test
    @DisplayName("racing saves of one id in two tenants each find nothing to replace")
    void racingSavesInTwoTenantsDoNotCollide() throws Exception {
      List<TenantId> tenants = List.of(TENANT, OTHER);

      List<Optional<Recipient>> previous = race(2, RACE_TIMEOUT,
          thread -> store().save(tenants.get(thread), recipient("shared", thread == 0 ? "DE" : "FR")));

      assertThat(previous).allMatch(Optional::isEmpty);
      assertThat(store().find(TENANT, "shared")).map(Recipient::country).contains(CountryCode.of("DE"));
      assertThat(store().find(OTHER, "shared")).map(Recipient::country).contains(CountryCode.of("FR"));
    }
  }

  @Nested
  @DisplayName("retirement")
  class Retirement {

    private final Instant at = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    @DisplayName("a retired entry keeps every other field and carries the time and reason")
    void retiresKeepingEveryField() {
      Recipient saved = recipient("mailer", "DE").withSafeguard(Safeguard.BINDING_CORPORATE_RULES, "BCR 2025");
      store().save(TENANT, saved);

      boolean retired = store().retire(TENANT, "mailer", at, "contract ended");

      assertThat(retired).isTrue();
      assertThat(store().find(TENANT, "mailer")).contains(saved.retired(at, "contract ended"));
      assertThat(store().all(TENANT)).containsExactly(saved.retired(at, "contract ended"));
    }

    @Test
    @DisplayName("retiring an unknown id changes nothing and says so")
    void retiringAnUnknownIdReturnsFalse() {
      store().save(TENANT, recipient("mailer", "DE"));

      assertThat(store().retire(TENANT, "bank", at, "contract ended")).isFalse();
      assertThat(store().all(TENANT)).extracting(Recipient::id).containsExactly("mailer");
      assertThat(store().find(TENANT, "bank")).isEmpty();
    }

    @Test
    @DisplayName("retiring a retired entry keeps the first retirement")
    void retiringTwiceKeepsTheFirst() {
      store().save(TENANT, recipient("mailer", "DE"));
      store().retire(TENANT, "mailer", at, "contract ended");

      boolean again = store().retire(TENANT, "mailer", at.plusSeconds(60), "another reason");

      assertThat(again).isFalse();
      assertThat(store().find(TENANT, "mailer").orElseThrow().retiredAt()).isEqualTo(at);
      assertThat(store().find(TENANT, "mailer").orElseThrow().retirementReason()).isEqualTo("contract ended");
    }

    @Test
    @DisplayName("saving under a retired id keeps the retired entry and returns it")
    void neverReplacesARetiredEntry() {
      store().save(TENANT, recipient("mailer", "DE"));
      store().retire(TENANT, "mailer", at, "contract ended");
      Recipient retired = store().find(TENANT, "mailer").orElseThrow();

      Optional<Recipient> previous = store().save(TENANT, recipient("mailer", "FR"));

      assertThat(previous).contains(retired);
      assertThat(store().find(TENANT, "mailer")).contains(retired);
    }

    @Test
    @DisplayName("of retirements racing for one entry, exactly one wins and its reason stays")
    void racingRetirementsAreAtomic() throws Exception {
      store().save(TENANT, recipient("mailer", "DE"));
      int threads = 8;

      List<Boolean> won = race(threads, RACE_TIMEOUT,
          thread -> store().retire(TENANT, "mailer", at, "reason " + thread));

      assertThat(won.stream().filter(Boolean::booleanValue)).hasSize(1);
      assertThat(store().find(TENANT, "mailer").orElseThrow().retirementReason())
          .isEqualTo("reason " + won.indexOf(true));
    }

    @Test
    @DisplayName("a save racing a retirement never brings the entry back to active")
    void aSaveRacingARetirementNeverUndoesIt() throws Exception {
      store().save(TENANT, recipient("mailer", "DE"));

      race(2, RACE_TIMEOUT, thread -> thread == 0 ? store().retire(TENANT, "mailer", at, "contract ended")
          : store().save(TENANT, recipient("mailer", "FR")));

      assertThat(store().find(TENANT, "mailer").orElseThrow().isRetired()).isTrue();
    }
  }

  @Nested
  @DisplayName("concurrency")
  class Concurrency {

    @Test
    @DisplayName("of saves racing for one new id, exactly one sees no previous entry, and the last one stays")
    void racingSavesOfOneIdAreAtomic() throws Exception {
      int threads = 8;

      List<Optional<Recipient>> previous = race(threads, RACE_TIMEOUT,
          thread -> store().save(TENANT, recipient("mailer", thread % 2 == 0 ? "DE" : "FR")));

      assertThat(previous.stream().filter(Optional::isEmpty)).hasSize(1);
      assertThat(store().all(TENANT)).hasSize(1);
    }

    @Test
    @DisplayName("saves of distinct ids from many threads are all kept")
    void racingSavesOfDistinctIdsAreAllKept() throws Exception {
      int threads = 8;
      int perThread = 25;

      race(threads, RACE_TIMEOUT, thread -> IntStream.range(0, perThread)
          .mapToObj(i -> store().save(TENANT, recipient("r-" + thread + "-" + i, "DE"))).toList());

      assertThat(store().all(TENANT)).hasSize(threads * perThread);
    }
  }
}

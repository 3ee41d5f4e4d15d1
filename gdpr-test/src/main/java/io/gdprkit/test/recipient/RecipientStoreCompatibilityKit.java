package io.gdprkit.test.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.recipient.CountryCode;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.RecipientKind;
import io.gdprkit.recipient.Safeguard;
import io.gdprkit.recipient.spi.RecipientStore;
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
 * returning the entry replaced, all entries ordered by id, retirement that no save undoes, and atomic saves and
 * retirements under races.
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

      Optional<Recipient> previous = store().save(saved);

      assertThat(previous).isEmpty();
      assertThat(store().find("crm-us")).contains(saved);
      assertThat(store().find("crm")).isEmpty();
    }

    @Test
    @DisplayName("saving under a known id replaces the entry and returns the one replaced")
    void replacesById() {
      Recipient first = recipient("mailer", "DE");
      Recipient moved = recipient("mailer", "AT");
      store().save(first);

      Optional<Recipient> previous = store().save(moved);

      assertThat(previous).contains(first);
      assertThat(store().find("mailer")).contains(moved);
      assertThat(store().all()).containsExactly(moved);
    }

    @Test
    @DisplayName("all recipients are listed in id order, whatever the order they were saved in")
    void listsInIdOrder() {
      store().save(recipient("zeta", "DE"));
      store().save(recipient("alpha", "FR"));
      store().save(recipient("mid", "IT"));

      List<Recipient> all = store().all();

      assertThat(all).extracting(Recipient::id).containsExactly("alpha", "mid", "zeta");
    }

    @Test
    @DisplayName("an empty store lists no recipients")
    void startsEmpty() {
      assertThat(store().all()).isEmpty();
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
      store().save(saved);

      boolean retired = store().retire("mailer", at, "contract ended");

      assertThat(retired).isTrue();
      assertThat(store().find("mailer")).contains(saved.retired(at, "contract ended"));
      assertThat(store().all()).containsExactly(saved.retired(at, "contract ended"));
    }

    @Test
    @DisplayName("retiring an unknown id changes nothing and says so")
    void retiringAnUnknownIdReturnsFalse() {
      store().save(recipient("mailer", "DE"));

      assertThat(store().retire("bank", at, "contract ended")).isFalse();
      assertThat(store().all()).extracting(Recipient::id).containsExactly("mailer");
      assertThat(store().find("bank")).isEmpty();
    }

    @Test
    @DisplayName("retiring a retired entry keeps the first retirement")
    void retiringTwiceKeepsTheFirst() {
      store().save(recipient("mailer", "DE"));
      store().retire("mailer", at, "contract ended");

      boolean again = store().retire("mailer", at.plusSeconds(60), "another reason");

      assertThat(again).isFalse();
      assertThat(store().find("mailer").orElseThrow().retiredAt()).isEqualTo(at);
      assertThat(store().find("mailer").orElseThrow().retirementReason()).isEqualTo("contract ended");
    }

    @Test
    @DisplayName("saving under a retired id keeps the retired entry and returns it")
    void neverReplacesARetiredEntry() {
      store().save(recipient("mailer", "DE"));
      store().retire("mailer", at, "contract ended");
      Recipient retired = store().find("mailer").orElseThrow();

      Optional<Recipient> previous = store().save(recipient("mailer", "FR"));

      assertThat(previous).contains(retired);
      assertThat(store().find("mailer")).contains(retired);
    }

    @Test
    @DisplayName("of retirements racing for one entry, exactly one wins and its reason stays")
    void racingRetirementsAreAtomic() throws Exception {
      store().save(recipient("mailer", "DE"));
      int threads = 8;

      List<Boolean> won = race(threads, RACE_TIMEOUT, thread -> store().retire("mailer", at, "reason " + thread));

      assertThat(won.stream().filter(Boolean::booleanValue)).hasSize(1);
      assertThat(store().find("mailer").orElseThrow().retirementReason()).isEqualTo("reason " + won.indexOf(true));
    }

    @Test
    @DisplayName("a save racing a retirement never brings the entry back to active")
    void aSaveRacingARetirementNeverUndoesIt() throws Exception {
      store().save(recipient("mailer", "DE"));

      race(2, RACE_TIMEOUT, thread -> thread == 0 ? store().retire("mailer", at, "contract ended")
          : store().save(recipient("mailer", "FR")));

      assertThat(store().find("mailer").orElseThrow().isRetired()).isTrue();
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
          thread -> store().save(recipient("mailer", thread % 2 == 0 ? "DE" : "FR")));

      assertThat(previous.stream().filter(Optional::isEmpty)).hasSize(1);
      assertThat(store().all()).hasSize(1);
    }

    @Test
    @DisplayName("saves of distinct ids from many threads are all kept")
    void racingSavesOfDistinctIdsAreAllKept() throws Exception {
      int threads = 8;
      int perThread = 25;

      race(threads, RACE_TIMEOUT, thread -> IntStream.range(0, perThread)
          .mapToObj(i -> store().save(recipient("r-" + thread + "-" + i, "DE"))).toList());

      assertThat(store().all()).hasSize(threads * perThread);
    }
  }
}

package io.gdprkit.test.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.InvalidInputException;
import io.gdprkit.processing.Contact;
import io.gdprkit.processing.ControllerDetails;
import io.gdprkit.processing.ErasureTimeLimit;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.ProcessorActivity;
import io.gdprkit.processing.ThirdCountryTransfer;
import io.gdprkit.processing.TransferSafeguard;
import io.gdprkit.processing.spi.ProcessingRecordStore;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Sensitivity;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that a {@link ProcessingRecordStore} keeps its contract: the controller's details and activities stored
 * unchanged, saves and removals that return what they replaced, keyset paging by id, processor activities (Art. 30(2))
 * kept apart, and atomic saves and removals under races.
 *
 * <p>{@link #createStore()} is called once in every test and must return an empty store.
 *
 * <p>Usage example: <pre>{@code class JpaProcessingRecordStoreTests extends ProcessingRecordStoreCompatibilityKit { protected ProcessingRecordStore createStore() { return new JpaProcessingRecordStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class ProcessingRecordStoreCompatibilityKit extends StoreCompatibilityKit<ProcessingRecordStore> {

  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(10);

  @Nested
  @DisplayName("controller")
  class Controller {

    @Test
    @DisplayName("an empty store has no controller details")
    void hasNoControllerAtFirst() {
      Optional<ControllerDetails> details = store().controller();

      assertThat(details).isEmpty();
    }

    @Test
    @DisplayName("the controller's details are stored with every field and replaced by the next ones")
    void storesAndReplacesTheControllerDetails() {
      ControllerDetails first = ControllerDetails.of(Contact.of("Acme GmbH", "Hauptstr. 1, Berlin"))
          .withJointController(Contact.of("Acme Holding", "Zug"))
          .withRepresentative(Contact.of("Acme EU Rep", "Dublin"))
          .withDpo(Contact.of("DPO", "dpo@acme.example"));
      ControllerDetails second = ControllerDetails.of(Contact.of("Acme SE", "Berlin"));
      store().controller(first);
      Optional<ControllerDetails> stored = store().controller();

      store().controller(second);

      assertThat(stored).contains(first);
      assertThat(store().controller()).contains(second);
    }
  }

  @Nested
  @DisplayName("activities")
  class Activities {

    @Test
    @DisplayName("an activity is stored and found with every field unchanged")
    void storesEveryField() {
      ProcessingActivity full = full("mailing");

      Optional<ProcessingActivity> replaced = store().save(full);

      assertThat(replaced).isEmpty();
      assertThat(store().find("mailing")).contains(full);
      assertThat(store().find("other")).isEmpty();
    }

    @Test
    @DisplayName("saving an activity with a stored id replaces it and returns the one replaced")
    void replacesAndReturnsThePrevious() {
      ProcessingActivity first = minimal("mailing", "Mailing");
      ProcessingActivity second = minimal("mailing", "Newsletter mailing");
      store().save(first);

      Optional<ProcessingActivity> replaced = store().save(second);

      assertThat(replaced).contains(first);
      assertThat(store().find("mailing")).contains(second);
      assertThat(store().page(null, 10)).containsExactly(second);
    }

    @Test
    @DisplayName("removing returns the removed activity once, then nothing")
    void removesOnce() {
      ProcessingActivity mailing = minimal("mailing", "Mailing");
      ProcessingActivity billing = minimal("billing", "Billing");
      store().save(mailing);
      store().save(billing);

      Optional<ProcessingActivity> first = store().remove("mailing");
      Optional<ProcessingActivity> second = store().remove("mailing");

      assertThat(first).contains(mailing);
      assertThat(second).isEmpty();
      assertThat(store().find("mailing")).isEmpty();
      assertThat(store().page(null, 10)).containsExactly(billing);
    }
  }

  @Nested
  @DisplayName("paging")
  class Paging {

    @Test
    @DisplayName("pages list activities by id, starting after the given id even if it was never stored")
    void listsByIdAfterTheGivenId() {
      store().save(minimal("c", "C"));
      store().save(minimal("a", "A"));
      store().save(minimal("b", "B"));

      List<ProcessingActivity> all = store().page(null, 10);
      List<ProcessingActivity> afterA = store().page("a", 10);
      List<ProcessingActivity> afterAb = store().page("ab", 1);

      assertThat(all).extracting(ProcessingActivity::id).containsExactly("a", "b", "c");
      assertThat(afterA).extracting(ProcessingActivity::id).containsExactly("b", "c");
      assertThat(afterAb).extracting(ProcessingActivity::id).containsExactly("b");
    }

    @Test
    @DisplayName("paging by the last id of each page visits every activity exactly once")
    void visitsEveryActivityOnce() {
      List<String> ids = IntStream.range(0, 23).mapToObj(i -> "activity-%02d".formatted(i)).toList();
      List<String> saveOrder = new ArrayList<>(ids);
      Collections.reverse(saveOrder);
      saveOrder.forEach(id -> store().save(minimal(id, id)));

      List<ProcessingActivity> visited = pageThrough(4, (String after) -> store().page(after, 4),
          ProcessingActivity::id);

      assertThat(visited).extracting(ProcessingActivity::id).containsExactlyElementsOf(ids);
    }

    @Test
    @DisplayName("a limit below 1 is invalid input")
    void rejectsALimitBelowOne() {
      store().save(minimal("a", "A"));

      Throwable zero = thrownBy(() -> store().page(null, 0));

      assertThat(zero).isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  @DisplayName("processor activities")
  class ProcessorActivities {

    @Test
    @DisplayName("a processor activity is stored with every field, apart from activities with the same id")
    void storesProcessorActivitiesApart() {
      ProcessorActivity hosting = processor("shared", "Acme GmbH");
      ProcessingActivity activity = minimal("shared", "Own activity");

      Optional<ProcessorActivity> replaced = store().saveProcessorActivity(hosting);
      store().save(activity);

      assertThat(replaced).isEmpty();
      assertThat(store().processorPage(null, 10)).containsExactly(hosting);
      assertThat(store().page(null, 10)).containsExactly(activity);
    }

    @Test
    @DisplayName("saving a processor activity with a stored id replaces it and returns the one replaced")
    void replacesAndReturnsThePrevious() {
      ProcessorActivity first = processor("hosting", "Acme GmbH");
      ProcessorActivity second = processor("hosting", "Acme SE");
      store().saveProcessorActivity(first);

      Optional<ProcessorActivity> replaced = store().saveProcessorActivity(second);

      assertThat(replaced).contains(first);
      assertThat(store().processorPage(null, 10)).containsExactly(second);
    }

    @Test
    @DisplayName("removing returns the removed processor activity once and leaves activities alone")
    void removesOnce() {
      ProcessorActivity hosting = processor("shared", "Acme GmbH");
      ProcessingActivity activity = minimal("shared", "Own activity");
      store().saveProcessorActivity(hosting);
      store().save(activity);

      Optional<ProcessorActivity> first = store().removeProcessorActivity("shared");
      Optional<ProcessorActivity> second = store().removeProcessorActivity("shared");

      assertThat(first).contains(hosting);
      assertThat(second).isEmpty();
      assertThat(store().processorPage(null, 10)).isEmpty();
      assertThat(store().find("shared")).contains(activity);
    }

    @Test
    @DisplayName("paging by the last id of each page visits every processor activity exactly once")
    void visitsEveryProcessorActivityOnce() {
      List<String> ids = IntStream.range(0, 11).mapToObj(i -> "client-%02d".formatted(i)).toList();
      List<String> saveOrder = new ArrayList<>(ids);
      Collections.reverse(saveOrder);
      saveOrder.forEach(id -> store().saveProcessorActivity(processor(id, "Client " + id)));

      List<ProcessorActivity> visited = pageThrough(3, (String after) -> store().processorPage(after, 3),
          ProcessorActivity::id);

      assertThat(visited).extracting(ProcessorActivity::id).containsExactlyElementsOf(ids);
      assertThat(thrownBy(() -> store().processorPage(null, 0))).isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  @DisplayName("concurrency")
  @Timeout(30)
  class Concurrency {

    @Test
    @DisplayName("racing saves of distinct activities lose none")
    void keepsEveryRacingSave() throws Exception {
      int threads = 8;
      int perThread = 25;

      race(threads, RACE_TIMEOUT, thread -> {
        for (int i = 0; i < perThread; i++) {
          store().save(minimal("t%d-%02d".formatted(thread, i), "Activity"));
        }
        return null;
      });

      assertThat(pageThrough(50, (String after) -> store().page(after, 50), ProcessingActivity::id))
          .hasSize(threads * perThread);
    }

    @Test
    @DisplayName("of racing saves of one id, exactly one finds nothing to replace and the store keeps one of them")
    void racingSavesOfOneIdReplaceEachOther() throws Exception {
      int threads = 8;

      List<Optional<ProcessingActivity>> replaced = race(threads, RACE_TIMEOUT,
          thread -> store().save(minimal("shared", "Version " + thread)));

      assertThat(replaced).filteredOn(Optional::isEmpty).hasSize(1);
      ProcessingActivity kept = store().find("shared").orElseThrow();
      assertThat(replaced).doesNotContain(Optional.of(kept));
      assertThat(replaced.stream().flatMap(Optional::stream).map(ProcessingActivity::name).distinct())
          .hasSize(threads - 1);
    }

    @Test
    @DisplayName("of racing removals of one activity, exactly one returns it")
    void removesOnceUnderRaces() throws Exception {
      ProcessingActivity shared = minimal("shared", "Shared");
      store().save(shared);

      List<Optional<ProcessingActivity>> removed = race(8, RACE_TIMEOUT, thread -> store().remove("shared"));

      assertThat(removed).filteredOn(Optional::isPresent).containsExactly(Optional.of(shared));
      assertThat(store().find("shared")).isEmpty();
    }
  }

  private static ProcessingActivity minimal(String id, String name) {
    return ProcessingActivity.builder(id, name).purposes("newsletter").subjectCategories("Subscribers")
        .dataCategories(DataCategory.CONTACT_DETAILS).build();
  }

  private static ProcessorActivity processor(String id, String controller) {
    return new ProcessorActivity(id, Contact.of(controller, "privacy@example.com"), Contact.of("EU Rep", "Dublin"),
        List.of("Hosting", "Sending e-mail"), List.of(ThirdCountryTransfer.of("US", "Mail provider",
            TransferSafeguard.STANDARD_CONTRACTUAL_CLAUSES)), "ISO 27001");
  }

  private static ProcessingActivity full(String id) {
    return ProcessingActivity.builder(id, "Newsletter mailing, \"weekly\"")
        .purposes("newsletter", "profiling")
        .subjectCategories("Subscribers", "Leads")
        .dataCategories(DataCategory.CONTACT_DETAILS, DataCategory.of("clicks", "Clicks", Sensitivity.SENSITIVE))
        .recipientCategories("Mail provider", "Analytics")
        .transfer(ThirdCountryTransfer.of("US", "Mail provider", TransferSafeguard.STANDARD_CONTRACTUAL_CLAUSES)
            .withDocumentation("SCC 2021/914"))
        .transfer(new ThirdCountryTransfer("BR", "Agency", TransferSafeguard.COMPELLING_LEGITIMATE_INTERESTS,
            "assessment 2026-07"))
        .erasureTimeLimit(ErasureTimeLimit.of("contact-details", "on unsubscribe"))
        .erasureTimeLimit(ErasureTimeLimit.of("clicks", "13 months"))
        .securityMeasures("TLS, AES-256 at rest")
        .build();
  }
}

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
import io.gdprkit.subject.TenantId;
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
 * kept apart, tenants kept apart (the same ids in two tenants never collide and no read crosses them), and atomic
 * saves and removals under races.
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
  private static final TenantId TENANT = TenantId.of("acme");
  private static final TenantId OTHER = TenantId.of("globex");

  @Nested
  @DisplayName("tenants")
  class Tenants {

    @Test
    @DisplayName("the same activity id in two tenants names two activities, each found only in its tenant")
    void keepsTheSameIdApartPerTenant() {
      ProcessingActivity ours = minimal("mailing", "Acme mailing");
      ProcessingActivity theirs = minimal("mailing", "Globex mailing");
      store().save(TENANT, ours);

      Optional<ProcessingActivity> replaced = store().save(OTHER, theirs);

      assertThat(replaced).isEmpty();
      assertThat(store().find(TENANT, "mailing")).contains(ours);
      assertThat(store().find(OTHER, "mailing")).contains(theirs);
      assertThat(store().page(TENANT, null, 10)).containsExactly(ours);
      assertThat(store().page(OTHER, null, 10)).containsExactly(theirs);
      assertThat(store().find(TenantId.DEFAULT, "mailing")).isEmpty();
    }

    @Test
    @DisplayName("controller details, processor activities and removals stay in their tenant")
    void neverReadsOrWritesAcrossTenants() {
      ControllerDetails acme = ControllerDetails.of(Contact.of("Acme GmbH", "Berlin"));
      ProcessorActivity hosting = processor("hosting", "Acme GmbH");
      store().controller(TENANT, acme);
      store().saveProcessorActivity(TENANT, hosting);
      store().save(TENANT, minimal("billing", "Billing"));

      Optional<ProcessingActivity> removedElsewhere = store().remove(OTHER, "billing");
      Optional<ProcessorActivity> processorRemovedElsewhere = store().removeProcessorActivity(OTHER, "hosting");

      assertThat(removedElsewhere).isEmpty();
      assertThat(processorRemovedElsewhere).isEmpty();
      assertThat(store().controller(OTHER)).isEmpty();
      assertThat(store().processorPage(OTHER, null, 10)).isEmpty();
      assertThat(store().page(OTHER, null, 10)).isEmpty();
      assertThat(store().controller(TENANT)).contains(acme);
      assertThat(store().processorPage(TENANT, null, 10)).containsExactly(hosting);
      assertThat(store().find(TENANT, "billing")).isPresent();
    }

    @Test
    @DisplayName("racing saves of one id in two tenants each find nothing to replace")
    void racingSavesInTwoTenantsDoNotCollide() throws Exception {
      List<TenantId> tenants = List.of(TENANT, OTHER);

      List<Optional<ProcessingActivity>> replaced = race(2, RACE_TIMEOUT,
          thread -> store().save(tenants.get(thread), minimal("shared", "Version " + thread)));

      assertThat(replaced).allMatch(Optional::isEmpty);
      assertThat(store().find(TENANT, "shared")).map(ProcessingActivity::name).contains("Version 0");
      assertThat(store().find(OTHER, "shared")).map(ProcessingActivity::name).contains("Version 1");
    }
  }

  @Nested
  @DisplayName("controller")
  class Controller {

    @Test
    @DisplayName("an empty store has no controller details")
    void hasNoControllerAtFirst() {
      Optional<ControllerDetails> details = store().controller(TENANT);

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
      store().controller(TENANT, first);
      Optional<ControllerDetails> stored = store().controller(TENANT);

      store().controller(TENANT, second);

      assertThat(stored).contains(first);
      assertThat(store().controller(TENANT)).contains(second);
    }
  }

  @Nested
  @DisplayName("activities")
  class Activities {

    @Test
    @DisplayName("an activity is stored and found with every field unchanged")
    void storesEveryField() {
      ProcessingActivity full = full("mailing");

      Optional<ProcessingActivity> replaced = store().save(TENANT, full);

      assertThat(replaced).isEmpty();
      assertThat(store().find(TENANT, "mailing")).contains(full);
      assertThat(store().find(TENANT, "other")).isEmpty();
    }

    @Test
    @DisplayName("saving an activity with a stored id replaces it and returns the one replaced")
    void replacesAndReturnsThePrevious() {
      ProcessingActivity first = minimal("mailing", "Mailing");
      ProcessingActivity second = minimal("mailing", "Newsletter mailing");
      store().save(TENANT, first);

      Optional<ProcessingActivity> replaced = store().save(TENANT, second);

      assertThat(replaced).contains(first);
      assertThat(store().find(TENANT, "mailing")).contains(second);
      assertThat(store().page(TENANT, null, 10)).containsExactly(second);
    }

    @Test
    @DisplayName("removing returns the removed activity once, then nothing")
    void removesOnce() {
      ProcessingActivity mailing = minimal("mailing", "Mailing");
      ProcessingActivity billing = minimal("billing", "Billing");
      store().save(TENANT, mailing);
      store().save(TENANT, billing);

      Optional<ProcessingActivity> first = store().remove(TENANT, "mailing");
      Optional<ProcessingActivity> second = store().remove(TENANT, "mailing");

      assertThat(first).contains(mailing);
      assertThat(second).isEmpty();
      assertThat(store().find(TENANT, "mailing")).isEmpty();
      assertThat(store().page(TENANT, null, 10)).containsExactly(billing);
    }
  }

  @Nested
  @DisplayName("paging")
  class Paging {

    @Test
    @DisplayName("pages list activities by id, starting after the given id even if it was never stored")
    void listsByIdAfterTheGivenId() {
      store().save(TENANT, minimal("c", "C"));
      store().save(TENANT, minimal("a", "A"));
      store().save(TENANT, minimal("b", "B"));

      List<ProcessingActivity> all = store().page(TENANT, null, 10);
      List<ProcessingActivity> afterA = store().page(TENANT, "a", 10);
      List<ProcessingActivity> afterAb = store().page(TENANT, "ab", 1);

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
      saveOrder.forEach(id -> store().save(TENANT, minimal(id, id)));

      List<ProcessingActivity> visited = pageThrough(4, (String after) -> store().page(TENANT, after, 4),
          ProcessingActivity::id);

      assertThat(visited).extracting(ProcessingActivity::id).containsExactlyElementsOf(ids);
    }

    @Test
    @DisplayName("a limit below 1 is invalid input")
    void rejectsALimitBelowOne() {
      store().save(TENANT, minimal("a", "A"));

      Throwable zero = thrownBy(() -> store().page(TENANT, null, 0));

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

      Optional<ProcessorActivity> replaced = store().saveProcessorActivity(TENANT, hosting);
      store().save(TENANT, activity);

      assertThat(replaced).isEmpty();
      assertThat(store().processorPage(TENANT, null, 10)).containsExactly(hosting);
      assertThat(store().page(TENANT, null, 10)).containsExactly(activity);
    }

    @Test
    @DisplayName("saving a processor activity with a stored id replaces it and returns the one replaced")
    void replacesAndReturnsThePrevious() {
      ProcessorActivity first = processor("hosting", "Acme GmbH");
      ProcessorActivity second = processor("hosting", "Acme SE");
      store().saveProcessorActivity(TENANT, first);

      Optional<ProcessorActivity> replaced = store().saveProcessorActivity(TENANT, second);

      assertThat(replaced).contains(first);
      assertThat(store().processorPage(TENANT, null, 10)).containsExactly(second);
    }

    @Test
    @DisplayName("removing returns the removed processor activity once and leaves activities alone")
    void removesOnce() {
      ProcessorActivity hosting = processor("shared", "Acme GmbH");
      ProcessingActivity activity = minimal("shared", "Own activity");
      store().saveProcessorActivity(TENANT, hosting);
      store().save(TENANT, activity);

      Optional<ProcessorActivity> first = store().removeProcessorActivity(TENANT, "shared");
      Optional<ProcessorActivity> second = store().removeProcessorActivity(TENANT, "shared");

      assertThat(first).contains(hosting);
      assertThat(second).isEmpty();
      assertThat(store().processorPage(TENANT, null, 10)).isEmpty();
      assertThat(store().find(TENANT, "shared")).contains(activity);
    }

    @Test
    @DisplayName("paging by the last id of each page visits every processor activity exactly once")
    void visitsEveryProcessorActivityOnce() {
      List<String> ids = IntStream.range(0, 11).mapToObj(i -> "client-%02d".formatted(i)).toList();
      List<String> saveOrder = new ArrayList<>(ids);
      Collections.reverse(saveOrder);
      saveOrder.forEach(id -> store().saveProcessorActivity(TENANT, processor(id, "Client " + id)));

      List<ProcessorActivity> visited = pageThrough(3, (String after) -> store().processorPage(TENANT, after, 3),
          ProcessorActivity::id);

      assertThat(visited).extracting(ProcessorActivity::id).containsExactlyElementsOf(ids);
      assertThat(thrownBy(() -> store().processorPage(TENANT, null, 0))).isInstanceOf(InvalidInputException.class);
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
          store().save(TENANT, minimal("t%d-%02d".formatted(thread, i), "Activity"));
        }
        return null;
      });

      assertThat(pageThrough(50, (String after) -> store().page(TENANT, after, 50), ProcessingActivity::id))
          .hasSize(threads * perThread);
    }

    @Test
    @DisplayName("of racing saves of one id, exactly one finds nothing to replace and the store keeps one of them")
    void racingSavesOfOneIdReplaceEachOther() throws Exception {
      int threads = 8;

      List<Optional<ProcessingActivity>> replaced = race(threads, RACE_TIMEOUT,
          thread -> store().save(TENANT, minimal("shared", "Version " + thread)));

      assertThat(replaced).filteredOn(Optional::isEmpty).hasSize(1);
      ProcessingActivity kept = store().find(TENANT, "shared").orElseThrow();
      assertThat(replaced).doesNotContain(Optional.of(kept));
      assertThat(replaced.stream().flatMap(Optional::stream).map(ProcessingActivity::name).distinct())
          .hasSize(threads - 1);
    }

    @Test
    @DisplayName("of racing removals of one activity, exactly one returns it")
    void removesOnceUnderRaces() throws Exception {
      ProcessingActivity shared = minimal("shared", "Shared");
      store().save(TENANT, shared);

      List<Optional<ProcessingActivity>> removed = race(8, RACE_TIMEOUT, thread -> store().remove(TENANT, "shared"));

      assertThat(removed).filteredOn(Optional::isPresent).containsExactly(Optional.of(shared));
      assertThat(store().find(TENANT, "shared")).isEmpty();
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

package io.gdprkit.test.source;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.InvalidInputException;
import io.gdprkit.source.Origin;
import io.gdprkit.source.SourceTag;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that a {@link SourceStore} keeps its contract: tags per subject in append order, duplicates kept, whole
 * batches, distinct subjects per origin in id order with keyset paging, erasure of a subject, separate tenants and
 * thread safety.
 *
 * <p>{@link #createStore()} is called once in every test, after the subclass's {@code @BeforeEach} methods, and must
 * return an empty store.
 *
 * <p>Usage example: <pre>{@code class JpaSourceStoreTests extends SourceStoreCompatibilityKit { protected SourceStore createStore() { return new JpaSourceStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class SourceStoreCompatibilityKit extends StoreCompatibilityKit<SourceStore> {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(10);
  /** Lock-step races take many small steps; on a busy machine they need longer than the others. */
  private static final Duration LOCKSTEP_TIMEOUT = Duration.ofSeconds(25);

  private static final SubjectId ALICE = SubjectId.of("alice");
  private static final SubjectId BOB = SubjectId.of("bob");
  private static final SubjectId CAROL = SubjectId.of("carol");
  private static final Origin SIGNUP = Origin.form("signup");
  private static final Origin FAIR = Origin.importFile("trade-fair-2026.csv");
  private static final Origin CRM = Origin.apiClient("crm");

  @Nested
  @DisplayName("appending")
  class Appending {

    @Test
    @DisplayName("a subject's tags are returned in append order")
    void returnsTagsInAppendOrder() {
      SourceTag first = tag(ALICE, FAIR, 3);
      SourceTag second = tag(ALICE, SIGNUP, 1);
      SourceTag third = tag(ALICE, CRM, 2);

      store().append(first);
      store().append(second);
      store().append(third);

      assertThat(store().tags(ALICE)).containsExactly(first, second, third);
    }

    @Test
    @DisplayName("appending the same tag twice keeps both")
    void keepsARepeatedTag() {
      SourceTag tag = tag(ALICE, SIGNUP, 1);
      store().append(tag);

      store().append(tag);

      assertThat(store().tags(ALICE)).containsExactly(tag, tag);
    }

    @Test
    @DisplayName("a subject's tags leave other subjects alone")
    void keepsSubjectsApart() {
      SourceTag bobs = tag(BOB, FAIR, 1);
      store().append(bobs);

      store().append(tag(ALICE, SIGNUP, 2));
      store().append(tag(ALICE, FAIR, 3));

      assertThat(store().tags(BOB)).containsExactly(bobs);
      assertThat(store().tags(CAROL)).isEmpty();
      assertThat(store().tags(ALICE)).hasSize(2);
    }

    @Test
    @DisplayName("a tag is stored with every field unchanged")
    void storesEveryFieldOfATag() {
      SourceTag tag = new SourceTag(SubjectId.of("contact-42"), Origin.thirdParty("List Broker GmbH"),
          Instant.parse("2025-12-31T23:59:59Z"));

      store().append(tag);

      assertThat(store().tags(SubjectId.of("contact-42"))).containsExactly(tag);
    }
  }

  @Nested
  @DisplayName("batches")
  class Batches {

    @Test
    @DisplayName("a batch writes every tag of several subjects in order")
    void writesEveryTagOfABatch() {
      SourceTag earlier = tag(ALICE, CRM, 1);
      store().append(earlier);
      SourceTag aliceSignup = tag(ALICE, SIGNUP, 2);
      SourceTag bobSignup = tag(BOB, SIGNUP, 2);
      SourceTag aliceFair = tag(ALICE, FAIR, 3);

      store().appendAll(List.of(aliceSignup, bobSignup, aliceFair));

      assertThat(store().tags(ALICE)).containsExactly(earlier, aliceSignup, aliceFair);
      assertThat(store().tags(BOB)).containsExactly(bobSignup);
      assertThat(store().subjectsFrom(SIGNUP, null, 10)).containsExactly(ALICE, BOB);
      assertThat(store().subjectsFrom(FAIR, null, 10)).containsExactly(ALICE);
    }

    @Test
    @DisplayName("a batch may hold the same tag twice and keeps both")
    void keepsRepeatedTagsOfABatch() {
      SourceTag tag = tag(ALICE, SIGNUP, 1);

      store().appendAll(List.of(tag, tag));

      assertThat(store().tags(ALICE)).containsExactly(tag, tag);
      assertThat(store().subjectsFrom(SIGNUP, null, 10)).containsExactly(ALICE);
    }

    @Test
    @DisplayName("an empty batch writes nothing")
    void acceptsAnEmptyBatch() {
      store().append(tag(ALICE, SIGNUP, 1));

      store().appendAll(List.of());

      assertThat(store().tags(ALICE)).hasSize(1);
      assertThat(store().subjectsFrom(SIGNUP, null, 10)).containsExactly(ALICE);
    }
  }

  @Nested
  @DisplayName("origin queries")
  class OriginQueries {

    @Test
    @DisplayName("an origin's subjects are listed once each, ordered by id")
    void listsSubjectsOnceInIdOrder() {
      store().append(tag(CAROL, SIGNUP, 1));
      store().append(tag(ALICE, SIGNUP, 2));
      store().append(tag(BOB, SIGNUP, 3));

      store().append(tag(ALICE, SIGNUP, 4));

      assertThat(store().subjectsFrom(SIGNUP, null, 10)).containsExactly(ALICE, BOB, CAROL);
    }

    @Test
    @DisplayName("subjects tagged only with other origins are not listed")
    void excludesOtherOrigins() {
      store().append(tag(ALICE, SIGNUP, 1));
      store().append(tag(BOB, Origin.form("other-form"), 2));
      store().append(tag(CAROL, Origin.apiClient("signup"), 3));

      List<SubjectId> subjects = store().subjectsFrom(SIGNUP, null, 10);

      assertThat(subjects).containsExactly(ALICE);
      assertThat(store().subjectsFrom(Origin.apiClient("signup"), null, 10)).containsExactly(CAROL);
    }

    @Test
    @DisplayName("an origin never seen has no subjects")
    void returnsNothingForAnUnknownOrigin() {
      store().append(tag(ALICE, SIGNUP, 1));

      List<SubjectId> subjects = store().subjectsFrom(FAIR, null, 10);

      assertThat(subjects).isEmpty();
    }

    @Test
    @DisplayName("a page starts after the given subject, even one that was never tagged")
    void startsAfterTheGivenSubject() {
      store().append(tag(ALICE, SIGNUP, 1));
      store().append(tag(BOB, SIGNUP, 2));
      store().append(tag(CAROL, SIGNUP, 3));

      List<SubjectId> afterAlice = store().subjectsFrom(SIGNUP, ALICE, 10);
      List<SubjectId> afterB = store().subjectsFrom(SIGNUP, SubjectId.of("b"), 10);
      List<SubjectId> afterCarol = store().subjectsFrom(SIGNUP, CAROL, 10);

      assertThat(afterAlice).containsExactly(BOB, CAROL);
      assertThat(afterB).containsExactly(BOB, CAROL);
      assertThat(afterCarol).isEmpty();
    }

    @Test
    @DisplayName("a page holds at most limit subjects")
    void respectsTheLimit() {
      store().append(tag(ALICE, SIGNUP, 1));
      store().append(tag(BOB, SIGNUP, 2));
      store().append(tag(CAROL, SIGNUP, 3));

      List<SubjectId> page = store().subjectsFrom(SIGNUP, null, 2);

      assertThat(page).containsExactly(ALICE, BOB);
    }

    @Test
    @DisplayName("paging by the last subject of each page visits every subject exactly once")
    void pagesThroughEverySubjectExactlyOnce() {
      List<SubjectId> expected = IntStream.range(0, 23)
          .mapToObj(i -> SubjectId.of("subject-%02d".formatted(i)))
          .toList();
      List<SubjectId> appendOrder = new ArrayList<>(expected);
      Collections.reverse(appendOrder);
      Collections.swap(appendOrder, 3, 17);
      appendOrder.forEach(subject -> store().append(tag(subject, SIGNUP, 1)));
      appendOrder.forEach(subject -> store().append(tag(subject, SIGNUP, 2)));
      store().append(tag(SubjectId.of("subject-99"), FAIR, 3));

      List<SubjectId> visited = pageThrough(4,
          (SubjectId after) -> store().subjectsFrom(SIGNUP, after, 4), last -> last);

      assertThat(visited).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("a limit below 1 is invalid input")
    void rejectsALimitBelowOne() {
      store().append(tag(ALICE, SIGNUP, 1));

      Throwable zero = thrownBy(() -> store().subjectsFrom(SIGNUP, null, 0));
      Throwable negative = thrownBy(() -> store().subjectsFrom(SIGNUP, ALICE, -1));

      assertThat(zero).isInstanceOf(InvalidInputException.class);
      assertThat(negative).isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  @DisplayName("erasure")
  class Erasure {

    @Test
    @DisplayName("erasing a subject returns how many tags were removed, repeated tags included")
    void returnsTheNumberOfRemovedTags() {
      SourceTag repeated = tag(ALICE, SIGNUP, 1);
      store().appendAll(List.of(repeated, repeated, tag(ALICE, FAIR, 2), tag(BOB, SIGNUP, 3)));

      int removed = store().erase(ALICE);

      assertThat(removed).isEqualTo(3);
    }

    @Test
    @DisplayName("an erased subject has no tags and is listed under none of its origins")
    void removesTheTagsAndTheOriginListings() {
      store().append(tag(ALICE, SIGNUP, 1));
      store().append(tag(ALICE, FAIR, 2));
      store().append(tag(ALICE, CRM, 3));
      store().append(tag(BOB, FAIR, 4));

      store().erase(ALICE);

      assertThat(store().tags(ALICE)).isEmpty();
      assertThat(store().subjectsFrom(SIGNUP, null, 10)).isEmpty();
      assertThat(store().subjectsFrom(CRM, null, 10)).isEmpty();
      assertThat(store().subjectsFrom(FAIR, null, 10)).containsExactly(BOB);
      assertThat(store().subjectsFrom(FAIR, null, 1)).containsExactly(BOB);
    }

    @Test
    @DisplayName("erasing a subject leaves other subjects of the same origins untouched")
    void leavesOtherSubjectsUntouched() {
      SourceTag bobSignup = tag(BOB, SIGNUP, 1);
      SourceTag bobFair = tag(BOB, FAIR, 2);
      SourceTag carolSignup = tag(CAROL, SIGNUP, 3);
      store().appendAll(List.of(tag(ALICE, SIGNUP, 1), bobSignup, bobFair, carolSignup, tag(ALICE, FAIR, 4)));

      store().erase(ALICE);

      assertThat(store().tags(BOB)).containsExactly(bobSignup, bobFair);
      assertThat(store().tags(CAROL)).containsExactly(carolSignup);
      assertThat(store().subjectsFrom(SIGNUP, null, 10)).containsExactly(BOB, CAROL);
      assertThat(store().subjectsFrom(FAIR, null, 10)).containsExactly(BOB);
    }

    @Test
    @DisplayName("erasing an unknown subject returns 0 and changes nothing")
    void returnsZeroForAnUnknownSubject() {
      SourceTag aliceSignup = tag(ALICE, SIGNUP, 1);
      store().append(aliceSignup);

      int removed = store().erase(BOB);

      assertThat(removed).isZero();
      assertThat(store().tags(ALICE)).containsExactly(aliceSignup);
      assertThat(store().subjectsFrom(SIGNUP, null, 10)).containsExactly(ALICE);
    }

    @Test
    @DisplayName("erasing a subject twice removes its tags only once")
    void returnsZeroWhenErasingAgain() {
      store().append(tag(ALICE, SIGNUP, 1));
      store().append(tag(ALICE, FAIR, 2));
      int first = store().erase(ALICE);

      int second = store().erase(ALICE);

      assertThat(first).isEqualTo(2);
      assertThat(second).isZero();
    }

    @Test
    @DisplayName("an erased subject tagged again has only its new tags")
    void startsAfreshAfterErasure() {
      store().append(tag(ALICE, SIGNUP, 1));
      store().append(tag(ALICE, FAIR, 2));
      store().erase(ALICE);
      SourceTag fresh = tag(ALICE, CRM, 3);

      store().append(fresh);

      assertThat(store().tags(ALICE)).containsExactly(fresh);
      assertThat(store().subjectsFrom(CRM, null, 10)).containsExactly(ALICE);
      assertThat(store().subjectsFrom(SIGNUP, null, 10)).isEmpty();
      assertThat(store().subjectsFrom(FAIR, null, 10)).isEmpty();
    }

    @Test
    @DisplayName("erasing a subject leaves the same id in another tenant untouched")
    void leavesOtherTenantsUntouched() {
      SubjectId acmeAlice = SubjectId.of(TenantId.of("acme"), "alice");
      SubjectId globexAlice = SubjectId.of(TenantId.of("globex"), "alice");
      SourceTag globexTag = tag(globexAlice, SIGNUP, 2);
      store().append(tag(acmeAlice, SIGNUP, 1));
      store().append(globexTag);

      int removed = store().erase(acmeAlice);

      assertThat(removed).isEqualTo(1);
      assertThat(store().tags(globexAlice)).containsExactly(globexTag);
      assertThat(store().subjectsFrom(SIGNUP, null, 10)).containsExactly(globexAlice);
    }
  }

  @Nested
  @DisplayName("tenants")
  class Tenants {

    private final SubjectId acmeAlice = SubjectId.of(TenantId.of("acme"), "alice");
    private final SubjectId globexAlice = SubjectId.of(TenantId.of("globex"), "alice");

    @Test
    @DisplayName("the same subject id in two tenants is two subjects")
    void keepsTenantsApart() {
      SourceTag acmeTag = tag(acmeAlice, SIGNUP, 1);
      SourceTag globexTag = tag(globexAlice, FAIR, 2);

      store().append(acmeTag);
      store().append(globexTag);

      assertThat(store().tags(acmeAlice)).containsExactly(acmeTag);
      assertThat(store().tags(globexAlice)).containsExactly(globexTag);
      assertThat(store().tags(ALICE)).isEmpty();
      assertThat(store().subjectsFrom(FAIR, null, 10)).containsExactly(globexAlice);
    }

    @Test
    @DisplayName("an origin's subjects of several tenants are listed separately, ordered by tenant first")
    void listsSubjectsOfEveryTenant() {
      SubjectId acmeZed = SubjectId.of(TenantId.of("acme"), "zed");
      store().append(tag(globexAlice, SIGNUP, 1));
      store().append(tag(acmeZed, SIGNUP, 2));
      store().append(tag(acmeAlice, SIGNUP, 3));

      List<SubjectId> subjects = store().subjectsFrom(SIGNUP, null, 10);
      List<SubjectId> afterAcme = store().subjectsFrom(SIGNUP, acmeZed, 10);

      assertThat(subjects).containsExactly(acmeAlice, acmeZed, globexAlice);
      assertThat(afterAcme).containsExactly(globexAlice);
    }
  }

  @Nested
  @DisplayName("concurrency")
  @Timeout(30)
  class Concurrency {

    @Test
    @DisplayName("racing appends to one subject lose no tag and keep each writer's order")
    void keepsEveryTagOfRacingAppends() throws Exception {
      int threads = 8;
      int tagsPerThread = 50;

      List<List<SourceTag>> written = race(threads, RACE_TIMEOUT, thread -> {
        Origin origin = Origin.form("form-" + thread);
        List<SourceTag> tags = new ArrayList<>(tagsPerThread);
        for (int i = 0; i < tagsPerThread; i++) {
          SourceTag tag = tag(ALICE, origin, i);
          store().append(tag);
          tags.add(tag);
        }
        return tags;
      });

      List<SourceTag> stored = store().tags(ALICE);
      assertThat(stored).hasSize(threads * tagsPerThread);
      for (List<SourceTag> writer : written) {
        Origin origin = writer.get(0).origin();
        assertThat(stored).filteredOn(tag -> tag.origin().equals(origin)).containsExactlyElementsOf(writer);
        assertThat(store().subjectsFrom(origin, null, 10)).containsExactly(ALICE);
      }
    }

    @Test
    @DisplayName("racing batches of distinct subjects lose no tag")
    void keepsEveryTagOfRacingBatches() throws Exception {
      int threads = 8;
      int batchesPerThread = 20;

      race(threads, RACE_TIMEOUT, thread -> {
        for (int batch = 0; batch < batchesPerThread; batch++) {
          SubjectId subject = racer(thread, batch);
          store().appendAll(List.of(tag(subject, SIGNUP, 1), tag(subject, FAIR, 2)));
        }
        return List.of();
      });

      List<SubjectId> expected = IntStream.range(0, threads).boxed()
          .flatMap(t -> IntStream.range(0, batchesPerThread).mapToObj(b -> racer(t, b)))
          .toList();
      assertThat(store().subjectsFrom(SIGNUP, null, 1000)).containsExactlyElementsOf(expected);
      assertThat(store().subjectsFrom(FAIR, null, 1000)).containsExactlyElementsOf(expected);
      assertThat(expected).allSatisfy(subject -> assertThat(store().tags(subject)).hasSize(2));
    }

    @Test
    @DisplayName("erasing a subject while it is tagged leaves it either tagged and listed under the origin, or neither")
    void keepsTagsAndOriginListingsTogetherWhenErasureRacesTagging() throws Exception {
      int subjects = scaledRounds(40_000);
      CyclicBarrier step = new CyclicBarrier(2);

      race(2, LOCKSTEP_TIMEOUT, thread -> {
        for (int i = 0; i < subjects; i++) {
          awaitStep(step); // both threads work on subject i at the same time
          if (thread == 0) {
            store().append(tag(stepper(i), stepOrigin(i), 1));
          } else {
            store().erase(stepper(i));
          }
        }
        return List.of();
      });

      List<SubjectId> inconsistent = IntStream.range(0, subjects)
          .filter(i -> store().tags(stepper(i)).isEmpty()
              == store().subjectsFrom(stepOrigin(i), null, 1).contains(stepper(i)))
          .mapToObj(i -> stepper(i))
          .toList();
      assertThat(inconsistent).as("subjects listed under their origin without tags, or tagged but not listed")
          .isEmpty();
    }

    private static SubjectId stepper(int step) {
      return SubjectId.of("stepper-%05d".formatted(step));
    }

    /** Returns an origin of its own for each step, so that tagging also creates the origin's listing. */
    private static Origin stepOrigin(int step) {
      return Origin.form("form-%05d".formatted(step));
    }

    private static SubjectId racer(int thread, int batch) {
      return SubjectId.of("racer-%d-%02d".formatted(thread, batch));
    }
  }

  /** Waits until both threads of a lock-step race reach the same step; fails when the other thread stopped. */
  private static void awaitStep(CyclicBarrier step) {
    try {
      step.await(RACE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the other thread", e);
    } catch (BrokenBarrierException | TimeoutException e) {
      throw new IllegalStateException("the other thread of the race stopped", e);
    }
  }

  /** Returns a tag recorded {@code minute} minutes after a fixed start. */
  private static SourceTag tag(SubjectId subject, Origin origin, int minute) {
    return new SourceTag(subject, origin, START.plus(Duration.ofMinutes(minute)));
  }
}

package io.gdprkit.test.authorisation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.InvalidInputException;
import io.gdprkit.authorisation.Authorisation;
import io.gdprkit.authorisation.StaffUser;
import io.gdprkit.authorisation.spi.AuthorisationStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that an {@link AuthorisationStore} keeps its contract: grants stored whole and found by id, by staff user in
 * the order added and by exact category ordered by staff user, revocation once and only once, separate tenants, and
 * thread safety, including a grant revoked while it is being read.
 *
 * <p>{@link #createStore()} is called once in every test and must return an empty store.
 *
 * <p>Usage example: <pre>{@code class JpaAuthorisationStoreTests extends AuthorisationStoreCompatibilityKit { protected AuthorisationStore createStore() { return new JpaAuthorisationStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class AuthorisationStoreCompatibilityKit extends StoreCompatibilityKit<AuthorisationStore> {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(20);
  private static final StaffUser NURSE = StaffUser.of("nurse-7");
  private static final StaffUser DOCTOR = StaffUser.of("doctor-1");
  private static final StaffUser SALES = StaffUser.of("sales-3");
  private static final Actor DPO = Actor.staff("dpo");
  private static final Actor ADMIN = Actor.system("hr-sync");

  @Nested
  @DisplayName("adding and finding")
  class Adding {

    @Test
    @DisplayName("a grant is found by id with every field unchanged")
    void findsAGrantWithEveryField() {
      Authorisation grant = new Authorisation(UUID.randomUUID(), StaffUser.of(TenantId.of("acme"), "nurse-7"),
          "health", START.plusSeconds(1), START.plus(Duration.ofDays(30)), ADMIN, START, null, null);

      store().add(grant);

      assertThat(store().find(grant.id())).contains(grant);
    }

    @Test
    @DisplayName("an unknown id is not found")
    void findsNothingForAnUnknownId() {
      store().add(grant(NURSE, "health", 0));

      assertThat(store().find(UUID.randomUUID())).isEmpty();
    }

    @Test
    @DisplayName("adding a second grant with a stored id is invalid input and keeps the first")
    void refusesADuplicateId() {
      Authorisation first = grant(NURSE, "health", 0);
      store().add(first);
      Authorisation second = new Authorisation(first.id(), SALES, Authorisation.ALL_ORDINARY, START, null, DPO,
          START, null, null);

      Throwable thrown = thrownBy(() -> store().add(second));

      assertThat(thrown).isInstanceOf(InvalidInputException.class);
      assertThat(store().find(first.id())).contains(first);
      assertThat(store().forStaff(SALES)).isEmpty();
      assertThat(store().forCategory(TenantId.DEFAULT, Authorisation.ALL_ORDINARY)).isEmpty();
    }
  }

  @Nested
  @DisplayName("queries")
  class Queries {

    @Test
    @DisplayName("a staff user's grants are listed in the order added, revoked ones too")
    void listsAStaffUsersGrantsInOrder() {
      Authorisation health = grant(NURSE, "health", 2);
      Authorisation all = grant(NURSE, Authorisation.ALL_ORDINARY, 1);
      Authorisation religion = grant(NURSE, "religion", 3);
      store().add(health);
      store().add(grant(DOCTOR, "health", 0));
      store().add(all);
      store().add(religion);

      store().revoke(all.id(), START.plus(Duration.ofDays(1)), DPO);

      assertThat(store().forStaff(NURSE)).extracting(Authorisation::id)
          .containsExactly(health.id(), all.id(), religion.id());
      assertThat(store().forStaff(NURSE).get(1).revokedAt()).isEqualTo(START.plus(Duration.ofDays(1)));
      assertThat(store().forStaff(SALES)).isEmpty();
    }

    @Test
    @DisplayName("a category's grants are those of exactly that category, ordered by staff user, then as added")
    void listsACategorysGrantsByStaffUser() {
      Authorisation nurseLater = grant(NURSE, "health", 5);
      Authorisation salesHealth = grant(SALES, "health", 1);
      Authorisation nurseFirst = grant(NURSE, "health", 9);
      Authorisation doctor = grant(DOCTOR, "health", 3);
      store().add(nurseFirst);
      store().add(salesHealth);
      store().add(grant(DOCTOR, Authorisation.ALL_ORDINARY, 0));
      store().add(nurseLater);
      store().add(doctor);
      store().add(grant(SALES, "financial", 0));

      List<Authorisation> health = store().forCategory(TenantId.DEFAULT, "health");

      assertThat(health).extracting(Authorisation::id)
          .containsExactly(doctor.id(), nurseFirst.id(), nurseLater.id(), salesHealth.id());
      assertThat(store().forCategory(TenantId.DEFAULT, Authorisation.ALL_ORDINARY))
          .extracting(Authorisation::staff).containsExactly(DOCTOR);
      assertThat(store().forCategory(TenantId.DEFAULT, "religion")).isEmpty();
    }

    @Test
    @DisplayName("the same staff user id in two tenants is two users")
    void keepsTenantsApart() {
      StaffUser acmeNurse = StaffUser.of(TenantId.of("acme"), "nurse-7");
      Authorisation acme = grant(acmeNurse, "health", 0);
      Authorisation global = grant(NURSE, "health", 1);
      store().add(acme);
      store().add(global);

      assertThat(store().forStaff(acmeNurse)).containsExactly(acme);
      assertThat(store().forStaff(NURSE)).containsExactly(global);
      assertThat(store().forCategory(TenantId.of("acme"), "health")).containsExactly(acme);
      assertThat(store().forCategory(TenantId.of("globex"), "health")).isEmpty();
    }
  }

  @Nested
  @DisplayName("revocation")
  class Revocation {

    @Test
    @DisplayName("revoking sets the time and author, and the grant is found revoked everywhere")
    void revokesAGrant() {
      Authorisation grant = grant(NURSE, "health", 0);
      store().add(grant);
      Instant at = START.plus(Duration.ofHours(5));

      boolean revoked = store().revoke(grant.id(), at, DPO);

      Authorisation expected = grant.revoked(at, DPO);
      assertThat(revoked).isTrue();
      assertThat(store().find(grant.id())).contains(expected);
      assertThat(store().forStaff(NURSE)).containsExactly(expected);
      assertThat(store().forCategory(TenantId.DEFAULT, "health")).containsExactly(expected);
    }

    @Test
    @DisplayName("revoking a revoked grant returns false and keeps the first revocation")
    void revokesOnlyOnce() {
      Authorisation grant = grant(NURSE, "health", 0);
      store().add(grant);
      store().revoke(grant.id(), START.plusSeconds(60), DPO);

      boolean again = store().revoke(grant.id(), START.plusSeconds(120), ADMIN);

      assertThat(again).isFalse();
      assertThat(store().find(grant.id())).contains(grant.revoked(START.plusSeconds(60), DPO));
    }

    @Test
    @DisplayName("revoking an unknown id returns false and stores nothing")
    void revokesNothingUnknown() {
      Authorisation grant = grant(NURSE, "health", 0);
      store().add(grant);
      UUID unknown = UUID.randomUUID();

      boolean revoked = store().revoke(unknown, START, DPO);

      assertThat(revoked).isFalse();
      assertThat(store().find(unknown)).isEmpty();
      assertThat(store().find(grant.id())).contains(grant);
    }

    @Test
    @DisplayName("revoking one grant leaves the user's other grants alone")
    void revokesOneGrantOnly() {
      Authorisation health = grant(NURSE, "health", 0);
      Authorisation all = grant(NURSE, Authorisation.ALL_ORDINARY, 1);
      store().add(health);
      store().add(all);

      store().revoke(health.id(), START, DPO);

      assertThat(store().find(all.id())).contains(all);
    }
  }

  @Nested
  @DisplayName("concurrency")
  @Timeout(60)
  class Concurrency {

    @Test
    @DisplayName("of racing revocations of one grant exactly one takes effect, and the stored one is the winner's")
    void revokesOnceUnderRacingRevocations() throws Exception {
      int threads = 8;
      for (int round = 0; round < 50; round++) {
        Authorisation grant = grant(NURSE, "health", round);
        store().add(grant);

        List<Boolean> won = race(threads, RACE_TIMEOUT,
            thread -> store().revoke(grant.id(), START.plusSeconds(thread), Actor.staff("admin-" + thread)));

        assertThat(won).as("round %d", round).containsOnlyOnce(true);
        int winner = won.indexOf(true);
        assertThat(store().find(grant.id())).as("round %d", round)
            .contains(grant.revoked(START.plusSeconds(winner), Actor.staff("admin-" + winner)));
      }
    }

    @Test
    @DisplayName("a grant revoked while it is being read is seen whole: active, or revoked with time and author")
    void readsEveryGrantWholeWhileItIsRevoked() throws Exception {
      int grants = scaledRounds(2_000);
      List<Authorisation> added = IntStream.range(0, grants)
          .mapToObj(i -> grant(NURSE, "category-" + i, 0)).toList();
      added.forEach(store()::add);

      List<List<String>> seen = race(2, RACE_TIMEOUT, thread -> {
        List<String> problems = new ArrayList<>();
        if (thread == 0) {
          for (Authorisation grant : added) {
            store().revoke(grant.id(), START.plusSeconds(7), DPO);
          }
          return problems;
        }
        boolean allRevoked = false;
        while (!allRevoked) {
          allRevoked = true;
          int index = 0;
          for (Authorisation read : store().forStaff(NURSE)) {
            Authorisation original = added.get(index++);
            if (!read.equals(original) && !read.equals(original.revoked(START.plusSeconds(7), DPO))) {
              problems.add(read.id().toString());
            }
            allRevoked &= read.revokedAt() != null;
          }
        }
        return problems;
      });

      assertThat(seen.get(1)).as("grants read in a state that is neither before nor after their revocation")
          .isEmpty();
      assertThat(store().forStaff(NURSE)).allSatisfy(grant -> assertThat(grant.revokedBy()).isEqualTo(DPO));
    }

    @Test
    @DisplayName("racing grants of one staff user lose none and keep each writer's order")
    void keepsEveryGrantOfRacingWriters() throws Exception {
      int threads = 8;
      int perThread = 50;

      List<List<UUID>> written = race(threads, RACE_TIMEOUT, thread -> {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          Authorisation grant = grant(NURSE, "writer-" + thread, i);
          store().add(grant);
          ids.add(grant.id());
        }
        return ids;
      });

      List<UUID> stored = store().forStaff(NURSE).stream().map(Authorisation::id).toList();
      assertThat(stored).hasSize(threads * perThread);
      for (int thread = 0; thread < threads; thread++) {
        List<UUID> writer = written.get(thread);
        assertThat(stored.stream().filter(writer::contains).toList()).containsExactlyElementsOf(writer);
        assertThat(store().forCategory(TenantId.DEFAULT, "writer-" + thread)).extracting(Authorisation::id)
            .containsExactlyElementsOf(writer);
      }
    }
  }

  /** Returns a new active grant valid from {@code minute} minutes after a fixed start, until revoked. */
  private static Authorisation grant(StaffUser staff, String category, int minute) {
    return new Authorisation(UUID.randomUUID(), staff, category, START.plus(Duration.ofMinutes(minute)), null, DPO,
        START, null, null);
  }
}

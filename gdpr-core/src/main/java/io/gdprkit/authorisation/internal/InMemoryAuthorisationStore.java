package io.gdprkit.authorisation.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.InvalidInputException;
import io.gdprkit.authorisation.Authorisation;
import io.gdprkit.authorisation.StaffUser;
import io.gdprkit.authorisation.spi.AuthorisationStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;

/**
 * Keeps the register in memory: immutable entries by id, replaced atomically on revocation, and id lists per staff
 * user and per category, so readers never lock and always see an entry whole.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryAuthorisationStore implements AuthorisationStore, InMemoryStore {

  private final Map<UUID, Authorisation> byId = new ConcurrentHashMap<>();
  private final Map<StaffUser, List<UUID>> byStaff = new ConcurrentHashMap<>();
  private final Map<CategoryKey, List<UUID>> byCategory = new ConcurrentHashMap<>();

  @Override
  public void add(Authorisation authorisation) {
    Preconditions.notNull(authorisation, "authorisation");
    if (byId.putIfAbsent(authorisation.id(), authorisation) != null) {
      throw InvalidInputException.of("authorisation id", "is in the register already");
    }
    byStaff.computeIfAbsent(authorisation.staff(), staff -> new CopyOnWriteArrayList<>()).add(authorisation.id());
    byCategory.computeIfAbsent(new CategoryKey(authorisation.staff().tenant(), authorisation.category()),
        key -> new CopyOnWriteArrayList<>()).add(authorisation.id());
  }

  @Override
  public Optional<Authorisation> find(UUID id) {
    return Optional.ofNullable(byId.get(Preconditions.notNull(id, "id")));
  }

  @Override
  public boolean revoke(UUID id, Instant at, Actor revokedBy) {
    Preconditions.notNull(id, "id");
    Preconditions.notNull(at, "at");
    Preconditions.notNull(revokedBy, "revokedBy");
    boolean[] revoked = new boolean[1];
    byId.computeIfPresent(id, (key, current) -> {
      if (current.revokedAt() != null) {
        return current;
      }
      revoked[0] = true;
      return current.revoked(at, revokedBy);
    });
    return revoked[0];
  }

  @Override
  public List<Authorisation> forStaff(StaffUser staff) {
    return resolve(byStaff.getOrDefault(Preconditions.notNull(staff, "staff"), List.of()));
  }

  @Override
  public List<Authorisation> forCategory(TenantId tenant, String category) {
    List<Authorisation> found = new ArrayList<>(resolve(byCategory.getOrDefault(
        new CategoryKey(Preconditions.notNull(tenant, "tenant"), Preconditions.notNull(category, "category")),
        List.of())));
    found.sort(Comparator.comparing(authorisation -> authorisation.staff().id())); // stable: added order kept
    return List.copyOf(found);
  }

  private List<Authorisation> resolve(List<UUID> ids) {
    List<Authorisation> found = new ArrayList<>(ids.size());
    for (UUID id : ids) {
      found.add(byId.get(id));
    }
    return List.copyOf(found);
  }

  private record CategoryKey(TenantId tenant, String category) {}
}

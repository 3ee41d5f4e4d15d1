package io.gdprkit.authorisation.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.authorisation.Authorisation;
import io.gdprkit.authorisation.StaffUser;
import io.gdprkit.authorisation.internal.InMemoryAuthorisationStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Stores the register of authorised persons. Implementations must be thread-safe; entries are never deleted.
 *
 * <p>A reader racing a revocation sees the grant either before or after it, whole: never a revocation time
 * without its author. Of two racing revocations of one grant exactly one takes effect.
 *
 * <p>Every implementation should pass {@code AuthorisationStoreCompatibilityKit} from {@code gdpr-test}.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().authorisationStore(AuthorisationStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface AuthorisationStore {

  /** Returns a new store that keeps the register in this JVM's memory. */
  static AuthorisationStore inMemory() {
    return new InMemoryAuthorisationStore();
  }

  /**
   * Adds a grant.
   *
   * @throws io.gdprkit.InvalidInputException if a grant with its id is stored already; nothing changes then
   */
  void add(Authorisation authorisation);

  /** Returns the grant with this id, as last stored. */
  Optional<Authorisation> find(UUID id);

  /**
   * Revokes a grant from {@code at}, unless it is revoked already.
   *
   * @return true if this call revoked it; false if no grant has this id or it was revoked before
   */
  boolean revoke(UUID id, Instant at, Actor revokedBy);

  /** Returns every grant of {@code staff}, revoked ones too, in the order they were added. */
  List<Authorisation> forStaff(StaffUser staff);

  /**
   * Returns every grant of {@code tenant} whose category is exactly {@code category} (a category id or
   * {@link Authorisation#ALL_ORDINARY}), revoked ones too, ordered by staff user id, then in the order added.
   */
  List<Authorisation> forCategory(TenantId tenant, String category);
}

package io.gdprkit.recipient.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.internal.InMemoryRecipientStore;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Stores the register of recipients, one register per tenant. Implementations must be thread-safe.
 *
 * <p>Every method takes the {@link TenantId} whose register it reads or writes, because each tenant of a multi-tenant
 * host is its own controller with its own recipients: the same id in two tenants names two recipients, and no read
 * returns another tenant's entry. Single-tenant hosts pass {@link TenantId#DEFAULT}.
 *
 * <p>Every implementation should pass {@code RecipientStoreCompatibilityKit} from {@code gdpr-test}.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().recipientStore(RecipientStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RecipientStore {

  /** Returns a new store that keeps the register in this JVM's memory. */
  static RecipientStore inMemory() {
    return new InMemoryRecipientStore();
  }

  /**
   * Adds the recipient or replaces the one with its id, atomically: of two saves racing for a new id, exactly one
   * sees no previous entry. A retired entry is never replaced: the store keeps it and returns it, so that a retired
   * id is not brought back with another meaning and its history stays unambiguous.
   *
   * @return the entry that was under the id before the call, if any; when it is retired, nothing was saved
   */
  Optional<Recipient> save(TenantId tenant, Recipient recipient);

  /**
   * Retires the entry with the id, atomically, keeping every other field: of two calls racing to retire one
   * entry, exactly one returns {@code true}, and the entry keeps that call's time and reason.
   *
   * @param at when it was retired
   * @param reason why; no personal data
   * @return {@code true} if this call retired it; {@code false} if there is no such entry or it was retired before
   */
  boolean retire(TenantId tenant, String id, Instant at, String reason);

  /** Returns the tenant's recipient with the id. */
  Optional<Recipient> find(TenantId tenant, String id);

  /** Returns every recipient of the tenant, ordered by id. */
  List<Recipient> all(TenantId tenant);
}

package io.gdprkit.recipient.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.internal.InMemoryRecipientStore;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Stores the register of recipients. Implementations must be thread-safe.
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
   * sees no previous entry.
   *
   * @return the entry replaced, if any
   */
  Optional<Recipient> save(Recipient recipient);

  /** Returns the recipient with the id. */
  Optional<Recipient> find(String id);

  /** Returns every recipient, ordered by id. */
  List<Recipient> all();
}

package io.gdprkit.recipient.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.spi.RecipientStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Keeps the register in a sorted map under one lock; registers are small and rarely written.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryRecipientStore implements RecipientStore {

  private final TreeMap<String, Recipient> recipients = new TreeMap<>();

  @Override
  public synchronized Optional<Recipient> save(Recipient recipient) {
    Preconditions.notNull(recipient, "recipient");
    Recipient previous = recipients.get(recipient.id());
    if (previous == null || !previous.isRetired()) {
      recipients.put(recipient.id(), recipient);
    }
    return Optional.ofNullable(previous);
  }

  @Override
  public synchronized boolean retire(String id, Instant at, String reason) {
    Recipient current = recipients.get(Preconditions.notNull(id, "id"));
    if (current == null || current.isRetired()) {
      return false;
    }
    recipients.put(id, current.retired(at, reason));
    return true;
  }

  @Override
  public synchronized Optional<Recipient> find(String id) {
    return Optional.ofNullable(recipients.get(Preconditions.notNull(id, "id")));
  }

  @Override
  public synchronized List<Recipient> all() {
    return List.copyOf(recipients.values());
  }
}

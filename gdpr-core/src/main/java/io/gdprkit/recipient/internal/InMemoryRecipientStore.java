package io.gdprkit.recipient.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.spi.RecipientStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apiguardian.api.API;

/**
 * Keeps the register in a sorted concurrent map.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryRecipientStore implements RecipientStore {

  private final ConcurrentSkipListMap<String, Recipient> recipients = new ConcurrentSkipListMap<>();

  @Override
  public Optional<Recipient> save(Recipient recipient) {
    Preconditions.notNull(recipient, "recipient");
    return Optional.ofNullable(recipients.put(recipient.id(), recipient));
  }

  @Override
  public Optional<Recipient> find(String id) {
    return Optional.ofNullable(recipients.get(Preconditions.notNull(id, "id")));
  }

  @Override
  public List<Recipient> all() {
    return List.copyOf(recipients.values());
  }
}

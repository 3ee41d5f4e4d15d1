package io.gdprkit.recipient.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.spi.RecipientStore;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Keeps the register in a sorted map under one lock; registers are small and rarely written.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryRecipientStore implements RecipientStore, InMemoryStore {

  /** Every tenant's register, by tenant then id. */
  private final Map<TenantId, TreeMap<String, Recipient>> registers = new HashMap<>();

  @Override
  public synchronized Optional<Recipient> save(TenantId tenant, Recipient recipient) {
    Preconditions.notNull(recipient, "recipient");
    TreeMap<String, Recipient> recipients = registers.computeIfAbsent(Preconditions.notNull(tenant, "tenant"),
        t -> new TreeMap<>());
    Recipient previous = recipients.get(recipient.id());
    if (previous == null || !previous.isRetired()) {
      recipients.put(recipient.id(), recipient);
    }
    return Optional.ofNullable(previous);
  }

  @Override
  public synchronized boolean retire(TenantId tenant, String id, Instant at, String reason) {
    TreeMap<String, Recipient> recipients = read(tenant);
    Recipient current = recipients.get(Preconditions.notNull(id, "id"));
    if (current == null || current.isRetired()) {
      return false;
    }
    recipients.put(id, current.retired(at, reason));
    return true;
  }

  @Override
  public synchronized Optional<Recipient> find(TenantId tenant, String id) {
    return Optional.ofNullable(read(tenant).get(Preconditions.notNull(id, "id")));
  }

  @Override
  public synchronized List<Recipient> all(TenantId tenant) {
    return List.copyOf(read(tenant).values());
  }

  /** Returns the tenant's register, or an empty one, never written, when the tenant has none. */
  private TreeMap<String, Recipient> read(TenantId tenant) {
    TreeMap<String, Recipient> recipients = registers.get(Preconditions.notNull(tenant, "tenant"));
    return recipients != null ? recipients : new TreeMap<>();
  }
}

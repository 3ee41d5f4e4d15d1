package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Identifies one breach of the register: a reference the controller chooses (such as its incident number) or a
 * random one.
 *
 * <p>Usage example: <pre>{@code BreachId id = BreachId.of("INC-2026-0042");}</pre>
 *
 * @param value letters, digits and {@code . _ : @ / + -}, at most 64 characters
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BreachId(String value) implements Comparable<BreachId> {

  /** Validates the value. */
  public BreachId {
    Preconditions.identifier(value, "breach id", 64);
  }

  /** Returns the id with this value. */
  public static BreachId of(String value) {
    return new BreachId(value);
  }

  /** Returns a new random id. */
  public static BreachId random() {
    return new BreachId(UUID.randomUUID().toString());
  }

  @Override
  public int compareTo(BreachId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}

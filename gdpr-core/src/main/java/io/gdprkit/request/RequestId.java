package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Preconditions;
import java.util.Locale;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Identifies one subject request; random, so that knowing one id tells nothing about another.
 *
 * <p>Ids order by their canonical text form (lower-case hex with dashes), which is also how a database orders them
 * as text, so every store lists requests with equal due dates in the same order.
 *
 * <p>Usage example: <pre>{@code RequestId id = RequestId.parse(request.getParameter("request"));}</pre>
 *
 * @param value the UUID
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RequestId(UUID value) implements Comparable<RequestId> {

  /** Validates the value. */
  public RequestId {
    Preconditions.notNull(value, "request id");
  }

  /** Returns a new random id. */
  public static RequestId random() {
    return new RequestId(UUID.randomUUID());
  }

  /** Returns the id with this UUID. */
  public static RequestId of(UUID value) {
    return new RequestId(value);
  }

  /**
   * Reads an id from its canonical text form, as {@link #toString()} writes it.
   *
   * @throws InvalidInputException if the text is not a UUID in canonical form
   */
  public static RequestId parse(String text) {
    Preconditions.notBlank(text, "request id");
    try {
      UUID value = UUID.fromString(text);
      Preconditions.check(value.toString().equals(text.toLowerCase(Locale.ROOT)), "request id",
          "must be a UUID in canonical form");
      return new RequestId(value);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("request id", "must be a UUID in canonical form");
    }
  }

  @Override
  public int compareTo(RequestId other) {
    return value.toString().compareTo(other.value.toString());
  }

  /** Returns the canonical text form of the UUID. */
  @Override
  public String toString() {
    return value.toString();
  }
}

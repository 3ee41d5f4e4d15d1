package io.gdprkit.subject;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * A piece of personal data whose {@code toString()} is redacted, so it cannot reach a log line or an
 * exception message by accident.
 *
 * <p>Reading the raw value is an explicit, greppable call with {@link PersonalDataAccess#unredacted()}.
 * Equality compares the values. Instances are immutable when {@code T} is.
 *
 * <p>Usage example: <pre>{@code PersonalData<String> email = PersonalData.of("alice@example.com");}</pre>
 *
 * @param <T> the type of the value
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class PersonalData<T> {

  private static final String REDACTED = "PersonalData[redacted]";

  private final T value;

  private PersonalData(T value) {
    this.value = value;
  }

  /** Wraps a value. */
  public static <T> PersonalData<T> of(T value) {
    return new PersonalData<>(Preconditions.notNull(value, "value"));
  }

  /**
   * Returns the raw value.
   *
   * @param access the token that marks this call site as one that handles personal data
   * @return the wrapped value
   */
  public T value(PersonalDataAccess access) {
    Preconditions.notNull(access, "access");
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PersonalData<?> that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns a fixed placeholder, never the value. */
  @Override
  public String toString() {
    return REDACTED;
  }
}

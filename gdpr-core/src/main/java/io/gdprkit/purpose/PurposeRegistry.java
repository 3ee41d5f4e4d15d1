package io.gdprkit.purpose;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The purposes declared on a kit, looked up by id.
 *
 * <p>Immutable and thread-safe. Every service resolves purpose ids here, so an undeclared purpose
 * fails the same way everywhere: with {@link UnknownPurposeException}.
 *
 * <p>Usage example: <pre>{@code Purpose p = gdpr.purposes().get("newsletter");}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class PurposeRegistry {

  private final Map<String, Purpose> byId;
  private final List<Purpose> all;

  private PurposeRegistry(Map<String, Purpose> byId, List<Purpose> all) {
    this.byId = byId;
    this.all = all;
  }

  /**
   * Returns a registry of these purposes, in the given order.
   *
   * @throws InvalidInputException if two purposes share an id
   * @throws PurposeConfigurationException if a purpose processes special categories without an Art. 9(2) condition,
   *     declares an automated decision (Art. 22) on no Art. 22(2) exception, or uses special categories in one under
   *     another condition than Art. 9(2)(a) or (g) (Art. 22(4))
   */
  public static PurposeRegistry of(Collection<Purpose> purposes) {
    Map<String, Purpose> byId = new HashMap<>();
    for (Purpose purpose : purposes) {
      Preconditions.notNull(purpose, "purpose");
      PurposeRules.check(purpose);
      if (byId.putIfAbsent(purpose.id(), purpose) != null) {
        throw InvalidInputException.of("purpose", Messages.quote(purpose.id()) + " is declared twice");
      }
    }
    return new PurposeRegistry(byId, List.copyOf(purposes));
  }

  /**
   * Returns the purpose with this id.
   *
   * @throws UnknownPurposeException if no purpose has this id
   */
  public Purpose get(String id) {
    Purpose purpose = byId.get(Preconditions.notNull(id, "purpose"));
    if (purpose == null) {
      throw UnknownPurposeException.of(Preconditions.notBlank(id, "purpose"));
    }
    return purpose;
  }

  /** Returns the purpose with this id, if declared. */
  public Optional<Purpose> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Returns the purpose with this id or {@code null}; for hot paths that must not allocate. */
  public @Nullable Purpose getOrNull(String id) {
    return byId.get(id);
  }

  /** Returns every declared purpose, in declaration order. */
  public List<Purpose> all() {
    return all;
  }
}

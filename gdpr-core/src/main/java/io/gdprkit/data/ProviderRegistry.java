package io.gdprkit.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The personal-data providers of a kit, each described once when the kit is built.
 *
 * <p>Immutable and thread-safe. Provider ids are unique.
 *
 * <p>Usage example: <pre>{@code gdpr.personalData().descriptors().forEach(d -> print(d.id(), d.categories()));}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProviderRegistry {

  private final Map<String, PersonalDataProvider> byId;
  private final Map<String, ProviderDescriptor> descriptors;

  private ProviderRegistry(Map<String, PersonalDataProvider> byId, Map<String, ProviderDescriptor> descriptors) {
    this.byId = byId;
    this.descriptors = descriptors;
  }

  /**
   * Returns a registry of these providers, in the given order.
   *
   * @throws InvalidInputException if two providers share an id
   */
  public static ProviderRegistry of(List<PersonalDataProvider> providers) {
    Map<String, PersonalDataProvider> byId = new LinkedHashMap<>();
    Map<String, ProviderDescriptor> descriptors = new LinkedHashMap<>();
    for (PersonalDataProvider provider : providers) {
      ProviderDescriptor descriptor = Preconditions.notNull(Preconditions.notNull(provider, "provider").describe(),
          "provider descriptor");
      if (byId.putIfAbsent(descriptor.id(), provider) != null) {
        throw InvalidInputException.of("provider", Messages.quote(descriptor.id()) + " is registered twice");
      }
      descriptors.put(descriptor.id(), descriptor);
    }
    return new ProviderRegistry(byId, descriptors);
  }

  /** Returns the providers, in registration order. */
  public List<PersonalDataProvider> providers() {
    return List.copyOf(byId.values());
  }

  /** Returns the providers' descriptors, in registration order. */
  public List<ProviderDescriptor> descriptors() {
    return new ArrayList<>(descriptors.values());
  }

  /** Returns the provider with this id, if registered. */
  public Optional<PersonalDataProvider> provider(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Returns the descriptor of the provider with this id, if registered. */
  public Optional<ProviderDescriptor> descriptor(String id) {
    return Optional.ofNullable(descriptors.get(id));
  }
}

package io.gdprkit.test.recipient;

import io.gdprkit.recipient.spi.DisclosureStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory disclosure store")
class InMemoryDisclosureStoreCompatibilityTests extends DisclosureStoreCompatibilityKit {

  @Override
  protected DisclosureStore createStore() {
    return DisclosureStore.inMemory();
  }
}

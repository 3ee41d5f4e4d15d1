package io.gdprkit.test.breach;

import io.gdprkit.breach.spi.BreachStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory breach store")
class InMemoryBreachStoreCompatibilityTests extends BreachStoreCompatibilityKit {

  @Override
  protected BreachStore createStore() {
    return BreachStore.inMemory();
  }
}

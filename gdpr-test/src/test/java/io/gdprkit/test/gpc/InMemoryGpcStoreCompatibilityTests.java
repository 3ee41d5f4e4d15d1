package io.gdprkit.test.gpc;

import io.gdprkit.gpc.spi.GpcStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory GPC signal store")
class InMemoryGpcStoreCompatibilityTests extends GpcStoreCompatibilityKit {

  @Override
  protected GpcStore createStore() {
    return GpcStore.inMemory();
  }
}

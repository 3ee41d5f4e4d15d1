package io.gdprkit.test.request;

import io.gdprkit.request.spi.RequestStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory request store")
class InMemoryRequestStoreCompatibilityTests extends RequestStoreCompatibilityKit {

  @Override
  protected RequestStore createStore() {
    return RequestStore.inMemory();
  }
}

package io.gdprkit.test.erasure;

import io.gdprkit.erasure.spi.ErasureStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory erasure store")
class InMemoryErasureStoreCompatibilityTests extends ErasureStoreCompatibilityKit {

  @Override
  protected ErasureStore createStore() {
    return ErasureStore.inMemory();
  }
}

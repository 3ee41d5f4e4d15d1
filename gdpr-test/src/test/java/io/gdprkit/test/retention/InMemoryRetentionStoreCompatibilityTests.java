package io.gdprkit.test.retention;

import io.gdprkit.retention.spi.RetentionStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory retention store")
class InMemoryRetentionStoreCompatibilityTests extends RetentionStoreCompatibilityKit {

  @Override
  protected RetentionStore createStore() {
    return RetentionStore.inMemory();
  }
}

package io.gdprkit.test.audit;

import io.gdprkit.audit.spi.CheckpointStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory checkpoint store")
class InMemoryCheckpointStoreCompatibilityTests extends CheckpointStoreCompatibilityKit {

  @Override
  protected CheckpointStore createStore() {
    return CheckpointStore.inMemory();
  }
}

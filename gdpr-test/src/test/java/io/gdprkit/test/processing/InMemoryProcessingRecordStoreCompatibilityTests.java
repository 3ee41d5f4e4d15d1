package io.gdprkit.test.processing;

import io.gdprkit.processing.spi.ProcessingRecordStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory processing record store")
class InMemoryProcessingRecordStoreCompatibilityTests extends ProcessingRecordStoreCompatibilityKit {

  @Override
  protected ProcessingRecordStore createStore() {
    return ProcessingRecordStore.inMemory();
  }
}

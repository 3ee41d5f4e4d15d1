package io.gdprkit.test.source;

import io.gdprkit.source.spi.SourceStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory source store")
class InMemorySourceStoreCompatibilityTests extends SourceStoreCompatibilityKit {

  @Override
  protected SourceStore createStore() {
    return SourceStore.inMemory();
  }
}

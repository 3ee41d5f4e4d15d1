package io.gdprkit.test.suppression;

import io.gdprkit.suppression.spi.SuppressionStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory suppression store")
class InMemorySuppressionStoreCompatibilityTests extends SuppressionStoreCompatibilityKit {

  @Override
  protected SuppressionStore createStore() {
    return SuppressionStore.inMemory();
  }
}

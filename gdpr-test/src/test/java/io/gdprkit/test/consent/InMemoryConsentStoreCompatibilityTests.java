package io.gdprkit.test.consent;

import io.gdprkit.consent.spi.ConsentStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory consent store")
class InMemoryConsentStoreCompatibilityTests extends ConsentStoreCompatibilityKit {

  @Override
  protected ConsentStore createStore() {
    return ConsentStore.inMemory();
  }
}

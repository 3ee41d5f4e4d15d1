package io.gdprkit.test.encryption;

import io.gdprkit.encryption.spi.SubjectKeyStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory subject key store")
class InMemorySubjectKeyStoreCompatibilityTests extends SubjectKeyStoreCompatibilityKit {

  @Override
  protected SubjectKeyStore createStore() {
    return SubjectKeyStore.inMemory();
  }
}

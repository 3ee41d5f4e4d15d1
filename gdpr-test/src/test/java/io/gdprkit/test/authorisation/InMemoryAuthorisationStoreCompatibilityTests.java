package io.gdprkit.test.authorisation;

import io.gdprkit.authorisation.spi.AuthorisationStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory authorisation store")
class InMemoryAuthorisationStoreCompatibilityTests extends AuthorisationStoreCompatibilityKit {

  @Override
  protected AuthorisationStore createStore() {
    return AuthorisationStore.inMemory();
  }
}

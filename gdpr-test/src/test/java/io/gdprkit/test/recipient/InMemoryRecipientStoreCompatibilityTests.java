package io.gdprkit.test.recipient;

import io.gdprkit.recipient.spi.RecipientStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory recipient store")
class InMemoryRecipientStoreCompatibilityTests extends RecipientStoreCompatibilityKit {

  @Override
  protected RecipientStore createStore() {
    return RecipientStore.inMemory();
  }
}

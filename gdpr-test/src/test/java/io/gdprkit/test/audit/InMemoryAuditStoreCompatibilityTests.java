package io.gdprkit.test.audit;

import io.gdprkit.audit.spi.AuditStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory audit store")
class InMemoryAuditStoreCompatibilityTests extends AuditStoreCompatibilityKit {

  @Override
  protected AuditStore createStore() {
    return AuditStore.inMemory();
  }
}

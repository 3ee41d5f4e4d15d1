package io.gdprkit.test.audit;

import io.gdprkit.audit.spi.AuditOutbox;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory audit outbox")
class InMemoryAuditOutboxCompatibilityTests extends AuditOutboxCompatibilityKit {

  @Override
  protected AuditOutbox createStore() {
    return AuditOutbox.inMemory();
  }
}

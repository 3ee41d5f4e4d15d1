package io.gdprkit.test.transaction;

import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory transaction runner")
class InMemoryTransactionRunnerCompatibilityTests extends TransactionRunnerCompatibilityKit {

  @Override
  protected TransactionRunner createRunner() {
    return TransactionRunner.inMemory();
  }

  @Override
  protected ConsentStore createStore() {
    return ConsentStore.inMemory();
  }
}

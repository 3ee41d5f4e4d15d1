package io.gdprkit.jpa.audit;

import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.test.audit.AuditStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA audit store on {0}")
@EnumSource(TestDatabase.class)
class JpaAuditStoreTests extends AuditStoreCompatibilityKit {

  @Parameter
  TestDatabase database;

  @Override
  protected int rounds(int inMemory) {
    return database.rounds(inMemory);
  }

  @Override
  protected int timeoutFactor() {
    return database.timeoutFactor();
  }

  @Override
  protected TransactionRunner transactions() {
    return database.transactions();
  }

  @Override
  protected AuditStore createStore() {
    database.clean();
    return new JpaAuditStore(database.transactions());
  }
}

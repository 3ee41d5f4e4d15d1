package io.gdprkit.jpa.retention;

import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.retention.spi.RetentionStore;
import io.gdprkit.test.retention.RetentionStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA retention store on {0}")
@EnumSource(TestDatabase.class)
class JpaRetentionStoreTests extends RetentionStoreCompatibilityKit {

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
  protected RetentionStore createStore() {
    database.clean();
    return new JpaRetentionStore(database.transactions());
  }
}

package io.gdprkit.jpa.suppression;

import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.suppression.spi.SuppressionStore;
import io.gdprkit.test.suppression.SuppressionStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA suppression store on {0}")
@EnumSource(TestDatabase.class)
class JpaSuppressionStoreTests extends SuppressionStoreCompatibilityKit {

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
  protected SuppressionStore createStore() {
    database.clean();
    return new JpaSuppressionStore(database.transactions());
  }
}

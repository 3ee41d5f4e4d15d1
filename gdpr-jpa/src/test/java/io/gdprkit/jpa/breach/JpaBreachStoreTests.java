package io.gdprkit.jpa.breach;

import io.gdprkit.breach.spi.BreachStore;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.test.breach.BreachStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA breach store on {0}")
@EnumSource(TestDatabase.class)
class JpaBreachStoreTests extends BreachStoreCompatibilityKit {

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
  protected BreachStore createStore() {
    database.clean();
    return new JpaBreachStore(database.transactions());
  }
}

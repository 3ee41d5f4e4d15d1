package io.gdprkit.jpa.request;

import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.request.spi.RequestStore;
import io.gdprkit.test.request.RequestStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA request store on {0}")
@EnumSource(TestDatabase.class)
class JpaRequestStoreTests extends RequestStoreCompatibilityKit {

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
  protected RequestStore createStore() {
    database.clean();
    return new JpaRequestStore(database.transactions());
  }

  /** Another store instance over the same table, as a second instance of the kit would have. */
  @Override
  protected RequestStore secondStore() {
    store();
    return new JpaRequestStore(database.transactions());
  }
}

package io.gdprkit.jpa.gpc;

import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.gpc.spi.GpcStore;
import io.gdprkit.test.gpc.GpcStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA GPC signal store on {0}")
@EnumSource(TestDatabase.class)
class JpaGpcStoreTests extends GpcStoreCompatibilityKit {

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
  protected GpcStore createStore() {
    database.clean();
    return new JpaGpcStore(database.transactions());
  }
}

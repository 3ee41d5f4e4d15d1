package io.gdprkit.jpa.erasure;

import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.test.erasure.ErasureStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import java.time.Clock;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA erasure store on {0}")
@EnumSource(TestDatabase.class)
class JpaErasureStoreTests extends ErasureStoreCompatibilityKit {

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
  protected ErasureStore createStore() {
    database.clean();
    return new JpaErasureStore(database.transactions(), Clock.systemUTC());
  }

  /** Another store instance over the same tables, as a second instance of the kit would have. */
  @Override
  protected ErasureStore secondStore() {
    store();
    return new JpaErasureStore(database.transactions(), Clock.systemUTC());
  }
}

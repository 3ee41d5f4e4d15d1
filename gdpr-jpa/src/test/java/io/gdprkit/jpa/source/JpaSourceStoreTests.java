package io.gdprkit.jpa.source;

import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.test.source.SourceStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA source store on {0}")
@EnumSource(TestDatabase.class)
class JpaSourceStoreTests extends SourceStoreCompatibilityKit {

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
  protected SourceStore createStore() {
    database.clean();
    return new JpaSourceStore(database.transactions());
  }
}

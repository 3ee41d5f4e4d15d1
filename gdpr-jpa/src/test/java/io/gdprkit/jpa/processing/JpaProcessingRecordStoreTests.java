package io.gdprkit.jpa.processing;

import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.processing.spi.ProcessingRecordStore;
import io.gdprkit.test.processing.ProcessingRecordStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA processing record store on {0}")
@EnumSource(TestDatabase.class)
class JpaProcessingRecordStoreTests extends ProcessingRecordStoreCompatibilityKit {

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
  protected ProcessingRecordStore createStore() {
    database.clean();
    return new JpaProcessingRecordStore(database.transactions());
  }
}

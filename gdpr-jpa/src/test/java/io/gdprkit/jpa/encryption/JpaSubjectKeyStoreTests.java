package io.gdprkit.jpa.encryption;

import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.encryption.spi.SubjectKeyStore;
import io.gdprkit.test.encryption.SubjectKeyStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA subject key store on {0}")
@EnumSource(TestDatabase.class)
class JpaSubjectKeyStoreTests extends SubjectKeyStoreCompatibilityKit {

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
  protected SubjectKeyStore createStore() {
    database.clean();
    return new JpaSubjectKeyStore(database.transactions());
  }
}

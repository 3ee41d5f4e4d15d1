package io.gdprkit.jpa.authorisation;

import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.authorisation.spi.AuthorisationStore;
import io.gdprkit.test.authorisation.AuthorisationStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA authorisation store on {0}")
@EnumSource(TestDatabase.class)
class JpaAuthorisationStoreTests extends AuthorisationStoreCompatibilityKit {

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
  protected AuthorisationStore createStore() {
    database.clean();
    return new JpaAuthorisationStore(database.transactions());
  }
}

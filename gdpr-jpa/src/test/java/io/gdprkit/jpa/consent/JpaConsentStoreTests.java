package io.gdprkit.jpa.consent;

import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.test.consent.ConsentStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA consent store on {0}")
@EnumSource(TestDatabase.class)
class JpaConsentStoreTests extends ConsentStoreCompatibilityKit {

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
  protected ConsentStore createStore() {
    database.clean();
    return new JpaConsentStore(database.transactions());
  }
}

package io.gdprkit.jpa.consent;

import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.test.consent.ConsentStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The decision cache keeps the store's whole contract: a read after a write through it sees the write. */
@ParameterizedClass(name = "caching consent store on {0}")
@EnumSource(TestDatabase.class)
class CachingConsentStoreCompatibilityTests extends ConsentStoreCompatibilityKit {

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
    return new CachingConsentStore(new JpaConsentStore(database.transactions()), ConsentCacheOptions.defaults());
  }
}

package io.gdprkit.jpa.recipient;

import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.recipient.spi.DisclosureStore;
import io.gdprkit.test.recipient.DisclosureStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA disclosure store on {0}")
@EnumSource(TestDatabase.class)
class JpaDisclosureStoreTests extends DisclosureStoreCompatibilityKit {

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
  protected DisclosureStore createStore() {
    database.clean();
    return new JpaDisclosureStore(database.transactions());
  }

  /** A second instance over the same tables, as a second kit instance sharing the database has. */
  @Override
  protected DisclosureStore secondStore() {
    store();
    return new JpaDisclosureStore(database.transactions());
  }
}

package io.gdprkit.jpa.recipient;

import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.recipient.spi.RecipientStore;
import io.gdprkit.test.recipient.RecipientStoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA recipient store on {0}")
@EnumSource(TestDatabase.class)
class JpaRecipientStoreTests extends RecipientStoreCompatibilityKit {

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
  protected RecipientStore createStore() {
    database.clean();
    return new JpaRecipientStore(database.transactions());
  }
}

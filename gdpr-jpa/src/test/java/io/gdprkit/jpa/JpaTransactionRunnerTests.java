package io.gdprkit.jpa;

import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.jpa.consent.JpaConsentStore;
import io.gdprkit.test.transaction.TransactionRunnerCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "resource-local JPA transactions on {0}")
@EnumSource(TestDatabase.class)
class JpaTransactionRunnerTests extends TransactionRunnerCompatibilityKit {

  @Parameter
  TestDatabase database;

  @Override
  protected int timeoutFactor() {
    return database.timeoutFactor();
  }

  @Override
  protected TransactionRunner createRunner() {
    return database.transactions();
  }

  @Override
  protected ConsentStore createStore() {
    database.clean();
    return new JpaConsentStore(database.transactions());
  }
}

package io.gdprkit.jpa.interceptor;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditDrain;
import io.gdprkit.audit.AuditPseudonyms;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.subject.SubjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A host on one database with the interceptor installed and two contacts, Alice and Bob: what the interceptor tests
 * start from.
 */
abstract class InterceptedHost {

  static final SubjectId ALICE = SubjectId.of("contact-42");
  static final SubjectId BOB = SubjectId.of("contact-43");

  JpaTransactions transactions;
  GdprKit kit;
  PersistenceInterceptor interceptor;

  /** Returns the database the test runs on. */
  abstract TestDatabase database();

  /** Returns the providers the kit exports, erases and rectifies through; none by default. */
  PersonalDataProvider[] providers(JpaTransactions transactions) {
    return new PersonalDataProvider[0];
  }

  /** Returns which thread chains the audit entries; the committing thread by default. */
  AuditDrain drain() {
    return AuditDrain.AFTER_COMMIT;
  }

  /** Stores what the test starts from, in a unit the interceptor sees: Alice and Bob by default. */
  void seed(ContactRepository contacts) {
    contacts.save(new Contact(ALICE.value(), "Alice Example", "alice@example.com"));
    contacts.save(new Contact(BOB.value(), "Bob Example", "bob@example.com"));
  }

  @BeforeEach
  void startHost() {
    HostModel.clean(database());
    transactions = JpaTransactions.resourceLocal(HostModel.factory(database()));
    kit = HostModel.kit(transactions, drain(), providers(transactions));
    interceptor = PersistenceInterceptor.install(kit, transactions);
    transactions.useTransaction(() -> seed(contacts()));
  }

  @AfterEach
  void stopHost() {
    if (interceptor != null) {
      interceptor.close();
    }
  }

  /** Returns the host's repository on the entity manager of the unit running on this thread. */
  ContactRepository contacts() {
    return new ContactRepository(transactions.entityManager());
  }

  String pseudonym(SubjectId subject) {
    return AuditPseudonyms.of(kit.pseudonymKey(), subject);
  }

  String nameOf(SubjectId subject) {
    return transactions.inTransaction(() -> contacts().find(subject.value()).map(Contact::getName).orElse(null));
  }
}

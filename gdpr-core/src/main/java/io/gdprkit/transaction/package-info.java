/**
 * The unit of work: one transaction around every public operation that writes more than one store, so that all of
 * it is stored or none of it.
 *
 * <p>gdpr-kit opens no connection itself. A host on a database supplies a {@link io.gdprkit.transaction.TransactionRunner}
 * that runs the work in its transaction (a JPA {@code EntityManager} transaction, Spring's
 * {@code TransactionTemplate}, Jdbi's {@code inTransaction}), joining one that is already open rather than
 * opening a second behind its back. The default, {@link io.gdprkit.transaction.TransactionRunner#inMemory()}, keeps
 * the in-memory stores all-or-nothing: they log an undo step for each write, which runs if the work throws.
 *
 * <p>Listeners of the kit's events run after the commit, outside every lock and transaction of the operation that
 * published them; the audit trail is the one subscriber that writes inside it, into its pending-entries outbox.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.transaction;

import org.jspecify.annotations.NullMarked;

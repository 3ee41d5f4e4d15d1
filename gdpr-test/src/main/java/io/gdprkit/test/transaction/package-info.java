/**
 * The conformance kit that every {@link io.gdprkit.transaction.TransactionRunner} implementation extends in its tests.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test.transaction;

import org.jspecify.annotations.NullMarked;

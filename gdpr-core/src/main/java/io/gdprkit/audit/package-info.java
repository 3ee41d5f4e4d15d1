/**
 * A tamper-evident audit trail: append-only entries, hash-chained per tenant, with signed Merkle checkpoints and
 * proofs that auditors check on their own.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.audit;

import org.jspecify.annotations.NullMarked;

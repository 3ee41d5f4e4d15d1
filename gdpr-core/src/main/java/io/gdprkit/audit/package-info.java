/**
 * A tamper-evident audit trail: append-only entries, hash-chained per tenant, verifiable.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.audit;

import org.jspecify.annotations.NullMarked;

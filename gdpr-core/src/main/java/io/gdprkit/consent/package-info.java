/**
 * The consent ledger: grants, withdrawals and double opt-in, each with proof, and the current state folded from them.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.consent;

import org.jspecify.annotations.NullMarked;

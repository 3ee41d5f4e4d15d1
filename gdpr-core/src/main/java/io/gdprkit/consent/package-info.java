/**
 * The consent ledger: grants, withdrawals and double opt-in, each with proof, and the current state folded from them;
 * with the conditions of a child's consent (Art. 8) and of explicit consent (Art. 9(2)(a), 22(2)(c)).
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.consent;

import org.jspecify.annotations.NullMarked;

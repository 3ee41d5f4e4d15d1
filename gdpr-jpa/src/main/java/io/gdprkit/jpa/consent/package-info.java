/**
 * The consent ledger (Art. 7(1)) and each subject's current consents on a relational database through JPA.
 *
 * @since 0.2
 */
@NullMarked
package io.gdprkit.jpa.consent;

import org.jspecify.annotations.NullMarked;

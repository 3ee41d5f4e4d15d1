/**
 * JPA adapters for the recipient feature: the register of recipients, the disclosure log and the Art. 19 notices.
 *
 * @since 0.2
 */
@NullMarked
package io.gdprkit.jpa.recipient;

import org.jspecify.annotations.NullMarked;

/**
 * The records of processing activities (Art. 30) on a relational database through JPA, one register per tenant.
 *
 * @since 0.2
 */
@NullMarked
package io.gdprkit.jpa.processing;

import org.jspecify.annotations.NullMarked;

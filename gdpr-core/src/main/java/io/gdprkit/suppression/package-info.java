/**
 * The suppression list, one per tenant: keyed hashes of erased people's e-mail addresses and phone numbers, so they are not imported again.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.suppression;

import org.jspecify.annotations.NullMarked;

/**
 * What a store of the register of authorised persons implements.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.authorisation.spi;

import org.jspecify.annotations.NullMarked;

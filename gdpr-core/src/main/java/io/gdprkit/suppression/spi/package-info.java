/**
 * What a store of suppression entries implements.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.suppression.spi;

import org.jspecify.annotations.NullMarked;

/**
 * What a store of Global Privacy Control signal records implements.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.gpc.spi;

import org.jspecify.annotations.NullMarked;

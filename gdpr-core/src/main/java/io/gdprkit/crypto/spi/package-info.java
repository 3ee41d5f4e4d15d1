/**
 * What a host implements to feed keys to every application instance: the shared source of the token key ring.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.crypto.spi;

import org.jspecify.annotations.NullMarked;

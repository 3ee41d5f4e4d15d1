/**
 * What a consent store implements.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.consent.spi;

import org.jspecify.annotations.NullMarked;

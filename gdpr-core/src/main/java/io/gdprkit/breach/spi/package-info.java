/**
 * What an adapter implements to keep the breach register.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.breach.spi;

import org.jspecify.annotations.NullMarked;

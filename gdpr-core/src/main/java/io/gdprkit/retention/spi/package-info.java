/**
 * What a store of activity, sweep claims and campaigns implements.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.retention.spi;

import org.jspecify.annotations.NullMarked;

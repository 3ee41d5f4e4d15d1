/**
 * The conformance kit that every {@link io.gdprkit.retention.spi.RetentionStore} implementation extends in its tests.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test.retention;

import org.jspecify.annotations.NullMarked;

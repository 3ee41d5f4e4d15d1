/**
 * The conformance kit that every {@link io.gdprkit.gpc.spi.GpcStore} implementation extends in its tests.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test.gpc;

import org.jspecify.annotations.NullMarked;

/**
 * The conformance kit that every {@link io.gdprkit.erasure.spi.ErasureStore} implementation extends in its tests.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test.erasure;

import org.jspecify.annotations.NullMarked;

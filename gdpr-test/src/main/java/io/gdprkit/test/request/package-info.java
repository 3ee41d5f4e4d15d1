/**
 * The conformance kit that every {@link io.gdprkit.request.spi.RequestStore} implementation extends in its tests.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test.request;

import org.jspecify.annotations.NullMarked;

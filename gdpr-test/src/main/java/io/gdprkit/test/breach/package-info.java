/**
 * The conformance kit that every {@link io.gdprkit.breach.spi.BreachStore} implementation extends in its tests.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test.breach;

import org.jspecify.annotations.NullMarked;

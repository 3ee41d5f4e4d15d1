/**
 * The conformance kit that every {@link io.gdprkit.suppression.spi.SuppressionStore} implementation extends in its
 * tests.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test.suppression;

import org.jspecify.annotations.NullMarked;

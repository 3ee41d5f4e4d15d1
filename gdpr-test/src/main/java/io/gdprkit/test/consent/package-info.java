/**
 * The conformance kit that every {@link io.gdprkit.consent.spi.ConsentStore} implementation extends in its tests.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test.consent;

import org.jspecify.annotations.NullMarked;

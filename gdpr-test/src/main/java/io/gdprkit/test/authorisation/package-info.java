/**
 * The conformance kit that every {@link io.gdprkit.authorisation.spi.AuthorisationStore} implementation extends in
 * its tests.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test.authorisation;

import org.jspecify.annotations.NullMarked;

/**
 * The conformance kit that every {@link io.gdprkit.encryption.spi.SubjectKeyStore} implementation extends in its
 * tests.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test.encryption;

import org.jspecify.annotations.NullMarked;

/**
 * The conformance kits that every {@link io.gdprkit.recipient.spi.RecipientStore} and
 * {@link io.gdprkit.recipient.spi.DisclosureStore} implementation extends in its tests.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test.recipient;

import org.jspecify.annotations.NullMarked;

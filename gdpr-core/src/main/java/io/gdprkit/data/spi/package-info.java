/**
 * What a host implements to put its personal data under gdpr-kit: one provider per store or aggregate.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.data.spi;

import org.jspecify.annotations.NullMarked;

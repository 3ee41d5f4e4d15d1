/**
 * What a host implements or plugs in for subject requests: the request store, identity verification and a mailer.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.request.spi;

import org.jspecify.annotations.NullMarked;

/**
 * What adapters implement for recipients: the register and disclosure-log stores, and the notifier that reaches
 * recipients.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.recipient.spi;

import org.jspecify.annotations.NullMarked;

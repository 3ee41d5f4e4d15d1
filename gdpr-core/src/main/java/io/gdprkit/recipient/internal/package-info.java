/**
 * The default recipient service and the in-memory stores.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.recipient.internal;

import org.jspecify.annotations.NullMarked;

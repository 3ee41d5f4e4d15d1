/**
 * The default receipt service and the JSON and JWS encoding of receipts.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.receipt.internal;

import org.jspecify.annotations.NullMarked;

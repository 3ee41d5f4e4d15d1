/**
 * The default audit service, entry hashing, RFC 9162 Merkle trees and the in-memory stores.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.audit.internal;

import org.jspecify.annotations.NullMarked;

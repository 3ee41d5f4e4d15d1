/**
 * Default Global Privacy Control service and the in-memory store.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.gpc.internal;

import org.jspecify.annotations.NullMarked;

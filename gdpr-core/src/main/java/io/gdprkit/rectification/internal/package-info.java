/**
 * The default rectification service.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.rectification.internal;

import org.jspecify.annotations.NullMarked;

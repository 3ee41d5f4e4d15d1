/**
 * The default decision service.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.decision.internal;

import org.jspecify.annotations.NullMarked;

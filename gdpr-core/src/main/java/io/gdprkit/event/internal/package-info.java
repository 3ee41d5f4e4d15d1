/**
 * The default event publisher, which dispatches in the unit of work and after its commit.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.event.internal;

import org.jspecify.annotations.NullMarked;

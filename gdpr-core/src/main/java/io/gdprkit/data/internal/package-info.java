/**
 * The in-memory provider and erasure helpers.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.data.internal;

import org.jspecify.annotations.NullMarked;

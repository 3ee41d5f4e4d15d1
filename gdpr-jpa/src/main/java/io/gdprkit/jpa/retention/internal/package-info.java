/**
 * The rows of the JPA retention store.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.2
 */
@NullMarked
package io.gdprkit.jpa.retention.internal;

import org.jspecify.annotations.NullMarked;

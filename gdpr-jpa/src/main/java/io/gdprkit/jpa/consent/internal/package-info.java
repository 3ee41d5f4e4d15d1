/**
 * The rows of the JPA consent store and the codec of their JSON columns.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.2
 */
@NullMarked
package io.gdprkit.jpa.consent.internal;

import org.jspecify.annotations.NullMarked;

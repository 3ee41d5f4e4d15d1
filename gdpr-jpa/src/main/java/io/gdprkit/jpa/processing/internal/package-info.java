/**
 * The rows of the JPA store of the records of processing and the codec of their JSON columns.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.2
 */
@NullMarked
package io.gdprkit.jpa.processing.internal;

import org.jspecify.annotations.NullMarked;

/**
 * Default consent service, the in-memory store and their helpers.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.consent.internal;

import org.jspecify.annotations.NullMarked;

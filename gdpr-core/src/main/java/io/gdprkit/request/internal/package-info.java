/**
 * Default request service, the in-memory request store and the e-mail token verifier.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.request.internal;

import org.jspecify.annotations.NullMarked;

/**
 * Helpers shared by gdpr-kit's features.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.internal;

import org.jspecify.annotations.NullMarked;

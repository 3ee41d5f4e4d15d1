/**
 * The default field encryption service, its AES-GCM helpers and the in-memory key store.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.encryption.internal;

import org.jspecify.annotations.NullMarked;

/**
 * The default breach service, its in-memory store and the scan that derives a breach's affected subjects.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.breach.internal;

import org.jspecify.annotations.NullMarked;

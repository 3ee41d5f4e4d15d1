/**
 * The TCF service that records TC strings through the consent service.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.tcf.internal;

import org.jspecify.annotations.NullMarked;

/**
 * The export service, its JSON and CSV writers and the names of the export document.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.export.internal;

import org.jspecify.annotations.NullMarked;

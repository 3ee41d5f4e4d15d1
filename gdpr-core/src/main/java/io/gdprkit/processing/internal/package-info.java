/**
 * The default records-of-processing service, its in-memory store and the JSON, CSV and Markdown writers.
 *
 * <p><b>Internal:</b> unsupported, may change in any release without notice.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.processing.internal;

import org.jspecify.annotations.NullMarked;

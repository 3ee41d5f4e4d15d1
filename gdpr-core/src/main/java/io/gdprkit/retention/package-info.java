/**
 * Retention rules and re-permission campaigns, applied by a sweep in bounded batches.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.retention;

import org.jspecify.annotations.NullMarked;

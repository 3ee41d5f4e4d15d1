/**
 * Where a subject's data came from (Art. 14): forms, import files, API clients, third parties, manual entry.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.source;

import org.jspecify.annotations.NullMarked;

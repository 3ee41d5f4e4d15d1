/**
 * Restriction of processing (Art. 18) and objection to processing (Art. 21).
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.restriction;

import org.jspecify.annotations.NullMarked;

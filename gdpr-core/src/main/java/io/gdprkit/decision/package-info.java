/**
 * Whether a subject's data may be processed for a purpose now, and why: the hot path of the kit; and whether it
 * could be at a past instant, with the proof.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.decision;

import org.jspecify.annotations.NullMarked;

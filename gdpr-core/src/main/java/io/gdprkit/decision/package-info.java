/**
 * Whether a subject's data may be processed for a purpose now, and why: the hot path of the kit.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.decision;

import org.jspecify.annotations.NullMarked;

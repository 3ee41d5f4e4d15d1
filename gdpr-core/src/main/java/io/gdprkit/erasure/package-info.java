/**
 * Erasure ("forget me", Art. 17): every provider, per-field strategies, cascade, suppression, durable jobs and a tombstone journal.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.erasure;

import org.jspecify.annotations.NullMarked;

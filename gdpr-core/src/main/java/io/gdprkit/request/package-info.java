/**
 * Data-subject requests (DSAR): access, portability, erasure, rectification, restriction and objection, from
 * receipt through identity verification to completion or rejection, with their statutory due dates.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.request;

import org.jspecify.annotations.NullMarked;

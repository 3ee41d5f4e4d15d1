/**
 * The kit's past-tense events ({@code ConsentGranted}, {@code SubjectErased}, …) and the publisher they go
 * through, so that features follow each other, and a second system follows the kit, without calling each other.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.event;

import org.jspecify.annotations.NullMarked;

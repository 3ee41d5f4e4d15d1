/**
 * The {@link io.gdprkit.GdprKit} facade, the root of the exception hierarchy and nothing else.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit;

import org.jspecify.annotations.NullMarked;

/**
 * Personal data the host holds, as providers describe, export and erase it.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.data;

import org.jspecify.annotations.NullMarked;

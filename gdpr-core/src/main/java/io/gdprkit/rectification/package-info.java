/**
 * Rectification of inaccurate personal data (Art. 16) through the providers that hold it.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.rectification;

import org.jspecify.annotations.NullMarked;

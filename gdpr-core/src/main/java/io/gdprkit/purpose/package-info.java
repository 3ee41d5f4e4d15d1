/**
 * Purposes of processing, their legal bases (Art. 6(1)) and data categories, and the registry that
 * makes an undeclared purpose an error everywhere.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.purpose;

import org.jspecify.annotations.NullMarked;

/**
 * Secret keys for signing tokens and keyed hashing, with rotation.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.crypto;

import org.jspecify.annotations.NullMarked;

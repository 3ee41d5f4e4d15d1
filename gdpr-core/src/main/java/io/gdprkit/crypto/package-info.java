/**
 * Secret keys for signing tokens and keyed hashing, and Ed25519 signing keys with the published set of keys still
 * trusted, with rotation.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.crypto;

import org.jspecify.annotations.NullMarked;

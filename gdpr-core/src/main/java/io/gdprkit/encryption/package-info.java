/**
 * Field encryption under a data key per subject, and crypto-shredding: destroying that key makes every copy of the
 * subject's encrypted fields unreadable.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.encryption;

import org.jspecify.annotations.NullMarked;

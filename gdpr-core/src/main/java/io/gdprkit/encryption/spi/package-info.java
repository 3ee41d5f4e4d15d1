/**
 * What a store of wrapped per-subject data keys implements.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.encryption.spi;

import org.jspecify.annotations.NullMarked;

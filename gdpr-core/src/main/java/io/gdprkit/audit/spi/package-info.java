/**
 * What a store of audit entries and a store of signed checkpoints implement.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.audit.spi;

import org.jspecify.annotations.NullMarked;

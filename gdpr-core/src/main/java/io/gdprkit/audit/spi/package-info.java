/**
 * What a store of audit entries implements.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.audit.spi;

import org.jspecify.annotations.NullMarked;

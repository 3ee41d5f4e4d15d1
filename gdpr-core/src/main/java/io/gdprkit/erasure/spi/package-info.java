/**
 * What a store of erasure jobs, records and tombstones implements.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.erasure.spi;

import org.jspecify.annotations.NullMarked;

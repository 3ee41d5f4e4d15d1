/**
 * What a store of source tags implements.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.source.spi;

import org.jspecify.annotations.NullMarked;

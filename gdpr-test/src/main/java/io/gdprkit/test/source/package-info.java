/**
 * The conformance kit that every {@link io.gdprkit.source.spi.SourceStore} implementation extends in its tests.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test.source;

import org.jspecify.annotations.NullMarked;

/**
 * The conformance kit that every {@link io.gdprkit.processing.spi.ProcessingRecordStore} implementation extends in
 * its tests.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test.processing;

import org.jspecify.annotations.NullMarked;

/**
 * What an adapter implements to keep the records of processing activities.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.processing.spi;

import org.jspecify.annotations.NullMarked;

/**
 * The JPA adapter for Global Privacy Control signal records.
 *
 * @since 0.2
 */
@NullMarked
package io.gdprkit.jpa.gpc;

import org.jspecify.annotations.NullMarked;

/**
 * Conformance kit for audit stores.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test.audit;

import org.jspecify.annotations.NullMarked;

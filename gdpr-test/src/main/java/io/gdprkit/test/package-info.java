/**
 * What every conformance kit shares: the store under test, created lazily, and helpers for races and failures.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.test;

import org.jspecify.annotations.NullMarked;

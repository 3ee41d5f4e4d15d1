/**
 * The kit's unit of work on Spring's transactions: kit operations join the host's {@code @Transactional} work.
 */
@NullMarked
package io.gdprkit.spring.transaction;

import org.jspecify.annotations.NullMarked;

/**
 * The kit's periodic work on Spring's {@code TaskScheduler}: retention sweeps, erasure resumption, Art. 19
 * notifications, the audit drain and the event outbox relay, shared by every instance through the database.
 */
@NullMarked
package io.gdprkit.spring.schedule;

import org.jspecify.annotations.NullMarked;

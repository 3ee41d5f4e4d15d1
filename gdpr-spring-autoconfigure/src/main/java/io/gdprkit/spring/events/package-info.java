/**
 * Events to a second system: the kit's outbox relayed to Spring application events and RabbitMQ, and another
 * system's withdrawals, objections and erasures applied here once each (Art. 7(3), Art. 17(2), Art. 21(3)).
 */
@NullMarked
package io.gdprkit.spring.events;

import org.jspecify.annotations.NullMarked;

/**
 * The marketing-automation companion of the demo CRM: a second application with its own database that learns the
 * CRM's newsletter subscribers from its sign-up events and honours the CRM's opt-outs and erasures within seconds,
 * through the starter's events on RabbitMQ.
 */
@NullMarked
package io.gdprkit.examples.marketing;

import org.jspecify.annotations.NullMarked;

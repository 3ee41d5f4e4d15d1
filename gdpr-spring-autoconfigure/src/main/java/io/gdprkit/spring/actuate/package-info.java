/**
 * The kit seen from operations: the {@code gdpr} actuator endpoint, a health indicator on the audit chain, and
 * Micrometer metrics of decisions, erasures, exports, requests and the outbox (Art. 5(2), accountability).
 */
@NullMarked
package io.gdprkit.spring.actuate;

import org.jspecify.annotations.NullMarked;

/**
 * Storage limitation (Art. 5(1)(e)) on a relational database through JPA: last activity per subject, sweep claims
 * leased to one instance at a time, and re-permission campaigns.
 *
 * @since 0.2
 */
@NullMarked
package io.gdprkit.jpa.retention;

import org.jspecify.annotations.NullMarked;

/**
 * The breach register (Art. 33/34 GDPR): when the controller became aware, the 72-hour clock, the notification of
 * the supervisory authority and of the data subjects, and the subjects a breach affected.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.breach;

import org.jspecify.annotations.NullMarked;

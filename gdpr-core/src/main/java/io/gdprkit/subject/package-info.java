/**
 * Who personal data is about and who acts on it: subject and tenant ids, actors, and the redacting
 * {@link io.gdprkit.subject.PersonalData} wrapper.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.subject;

import org.jspecify.annotations.NullMarked;

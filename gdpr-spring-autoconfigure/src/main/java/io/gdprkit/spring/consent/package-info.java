/**
 * {@code @RequiresConsent}: a method that processes personal data runs only when the kit allows the purpose for the
 * subject.
 */
@NullMarked
package io.gdprkit.spring.consent;

import org.jspecify.annotations.NullMarked;

/** The marker of host entities that hold personal data, read by the persistence interceptor. */
@NullMarked
package io.gdprkit.jpa.audit.annotation;

import org.jspecify.annotations.NullMarked;

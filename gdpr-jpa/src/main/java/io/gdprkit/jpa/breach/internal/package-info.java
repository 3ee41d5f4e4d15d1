/**
 * Entity and JSON of the JPA breach store; not API: unsupported, and may change in any release.
 */
@NullMarked
package io.gdprkit.jpa.breach.internal;

import org.jspecify.annotations.NullMarked;

/**
 * Entities and JSON of the JPA erasure store; not API: unsupported, and may change in any release.
 */
@NullMarked
package io.gdprkit.jpa.erasure.internal;

import org.jspecify.annotations.NullMarked;

/**
 * The entity and the JSON codec of the JPA signal-record store; not API: unsupported, and may change in any release.
 *
 * @since 0.2
 */
@NullMarked
package io.gdprkit.jpa.gpc.internal;

import org.jspecify.annotations.NullMarked;

/**
 * Entities and the JSON codec of the JPA recipient adapters; not API: unsupported, and may change in any release.
 *
 * @since 0.2
 */
@NullMarked
package io.gdprkit.jpa.recipient.internal;

import org.jspecify.annotations.NullMarked;

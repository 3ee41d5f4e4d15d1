/**
 * Entity and JSON of the JPA request store; not API: unsupported, and may change in any release.
 */
@NullMarked
package io.gdprkit.jpa.request.internal;

import org.jspecify.annotations.NullMarked;

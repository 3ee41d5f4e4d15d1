/**
 * Implementation of the persistence interceptor; not API: unsupported, and may change in any release.
 */
@NullMarked
package io.gdprkit.jpa.interceptor.internal;

import org.jspecify.annotations.NullMarked;

/**
 * The generic provider that exports and erases the host's own annotated entities with set-based statements, and the
 * converter, listener and scope that encrypt their columns under each subject's own data key.
 */
@NullMarked
package io.gdprkit.jpa.provider;

import org.jspecify.annotations.NullMarked;

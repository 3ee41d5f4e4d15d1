/**
 * ArchUnit rules a host runs against its own code: personal data that erasure can reach, and that no log receives.
 *
 * @since 0.2
 */
@NullMarked
package io.gdprkit.test.arch;

import org.jspecify.annotations.NullMarked;

/** Implementation of the JPA unit of work and helpers shared by the stores; not API. */
@NullMarked
package io.gdprkit.jpa.internal;

import org.jspecify.annotations.NullMarked;

/**
 * Implementation of the generic JPA provider: the model read from the metamodel and the annotations, and the
 * statements built from it; not API, unsupported, and may change in any release.
 */
@NullMarked
package io.gdprkit.jpa.provider.internal;

import org.jspecify.annotations.NullMarked;

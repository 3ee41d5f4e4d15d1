/**
 * Annotations by which a host marks its own JPA entities so that export, erasure and crypto-shredding reach them
 * without a hand-written provider; {@link io.gdprkit.jpa.provider.JpaPersonalDataProvider} reads them once.
 */
@NullMarked
package io.gdprkit.jpa.annotation;

import org.jspecify.annotations.NullMarked;

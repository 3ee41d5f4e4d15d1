/**
 * Every store SPI of gdpr-core on a relational database through Jakarta Persistence.
 *
 * <p>The stores take a {@link io.gdprkit.jpa.JpaTransactions}: the unit of work of the kit on an
 * {@code EntityManager}, either resource-local over an {@code EntityManagerFactory} or joining a host's transaction.
 * Tables are created by the versioned scripts under {@code db/gdpr/<database>/} in the jar, never by the mapping.
 */
@NullMarked
package io.gdprkit.jpa;

import org.jspecify.annotations.NullMarked;

/**
 * Auto-configuration of the kit's JPA stores on the host's DataSource, JPA and Spring transactions.
 */
@NullMarked
package io.gdprkit.spring.jpa;

import org.jspecify.annotations.NullMarked;

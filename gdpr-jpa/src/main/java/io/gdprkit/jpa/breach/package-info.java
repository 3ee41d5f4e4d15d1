/**
 * The breach register on a relational database through Jakarta Persistence.
 */
@NullMarked
package io.gdprkit.jpa.breach;

import org.jspecify.annotations.NullMarked;

/**
 * The store of subject requests on a relational database through Jakarta Persistence.
 */
@NullMarked
package io.gdprkit.jpa.request;

import org.jspecify.annotations.NullMarked;

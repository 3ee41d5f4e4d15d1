/**
 * The erasure store on a relational database through Jakarta Persistence.
 */
@NullMarked
package io.gdprkit.jpa.erasure;

import org.jspecify.annotations.NullMarked;

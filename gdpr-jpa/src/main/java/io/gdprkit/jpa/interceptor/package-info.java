/**
 * Audit and restriction inside the host's persistence layer: a JPA entity listener that audits every read and write
 * of the host's personal-data entities in their own transaction, refuses reads for a denied purpose and changes of a
 * restricted subject (Art. 18), and bulk statements audited alike.
 */
@NullMarked
package io.gdprkit.jpa.interceptor;

import org.jspecify.annotations.NullMarked;

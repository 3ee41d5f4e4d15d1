/**
 * The register of authorised persons: which staff users may process which categories of personal data, when, and
 * who said so; special categories (Art. 9) need an explicit grant of the category itself.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.authorisation;

import org.jspecify.annotations.NullMarked;

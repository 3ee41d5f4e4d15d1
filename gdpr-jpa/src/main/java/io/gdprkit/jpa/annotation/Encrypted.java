package io.gdprkit.jpa.annotation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a personal-data {@code String} attribute whose column holds it encrypted under the subject's own data key,
 * so that destroying the key when the subject is erased makes every copy unreadable, backups included (crypto-
 * shredding, Art. 17, 32(1)(a)).
 *
 * <p>The attribute is converted by {@link io.gdprkit.jpa.provider.EncryptedStringConverter} and its entity listens
 * with {@link io.gdprkit.jpa.provider.EncryptionListener}; the provider refuses an {@code @Encrypted} attribute
 * without either. Erasure can only clear it, delete its record, or keep it for a {@link PersonalData#retention()}:
 * a keyed hash or a kept part would need the plain value in the database.
 *
 * <p>An optional blind index keeps the column searchable by equality: the listener writes a keyed hash of the
 * {@linkplain #normalisation() normalised} value into the {@link #blindIndex()} attribute, a {@code String} of at
 * least 64 characters; {@link io.gdprkit.jpa.provider.JpaEncryption#blindIndex} hashes a value to look up the same
 * way, and erasure clears the index with the attribute.
 *
 * <p>Usage example: <pre>{@code
 * @PersonalData(category = "contact-details", strategy = Strategy.NULL, contactPoint = ContactPoint.Kind.EMAIL)
 * @Encrypted(blindIndex = "emailIndex")
 * @Convert(converter = EncryptedStringConverter.class)
 * private String email;
 * private String emailIndex;
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Encrypted {

  /** The name of the sibling attribute that holds the blind index; empty for none. */
  String blindIndex() default "";

  /** How a value is normalised before it is hashed for the blind index. */
  Normalisation normalisation() default Normalisation.EMAIL;

  /** How values are made comparable before the blind index hashes them. */
  @API(status = EXPERIMENTAL, since = "0.2")
  enum Normalisation {
    /** As written: only the very same text matches. */
    EXACT,
    /** NFKC-normalised and stripped of white space at both ends. */
    TRIMMED,
    /**
     * As {@link #TRIMMED}, with format characters (zero-width space, joiners, BOM) removed and lower-cased with
     * {@code Locale.ROOT}: {@code " Alice@Example.COM"} matches {@code "alice@example.com"}.
     */
    EMAIL
  }
}

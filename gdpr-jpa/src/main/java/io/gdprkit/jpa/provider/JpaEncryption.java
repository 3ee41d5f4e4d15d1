package io.gdprkit.jpa.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprKit;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.encryption.FieldEncryption;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.annotation.Encrypted;
import io.gdprkit.jpa.provider.internal.Annotated;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts the host's {@link Encrypted @Encrypted} columns under each subject's own data key, so that erasing the
 * subject, which destroys the key, makes every copy of those columns unreadable (crypto-shredding, Art. 17,
 * 32(1)(a)); and hashes values for their blind indexes.
 *
 * <p><b>Why a converter needs help.</b> JPA hands an {@code AttributeConverter} the value and nothing else: not the
 * entity, not the attribute. Yet the key depends on whose value it is. The design splits the work:
 * <ul>
 *   <li><b>Reading</b> needs no context: each ciphertext carries its tenant and subject in a header
 *       ({@code gkj1~tenant~subject~gk1.…}), bound into the AES-GCM tag as associated data, so an altered header does
 *       not decrypt. The subject id is the host's key of the person, which the row holds anyway.
 *   <li><b>Writing</b> learns the subject from {@link EncryptionListener}, which sees the entity: before an entity is
 *       written ({@code @PrePersist}, {@code @PreUpdate}) it registers each encrypted value, the very {@code String}
 *       object the JPA provider then hands the converter, as owned by that entity; the converter asks the owner for
 *       its subject at write time, by the object's identity, and the registration ends after the write. On persist
 *       the listener first gives the entity a copy of the value of its own, so a string shared with another entity
 *       (an interned literal) cannot mix up owners.
 *   <li>An unchanged value is written back as the ciphertext it was read from, never re-encrypted: the converter
 *       remembers, by identity, which ciphertext each decrypted value came from.
 *   <li>A value neither registered nor read, such as the parameter of a bulk JPQL update, is encrypted under the
 *       subject of the scope opened by {@link #useSubject}; outside one, the write fails with
 *       {@link EncryptedColumnException}. Nothing is ever stored in plain text or under a guessed key.
 * </ul>
 *
 * <p><b>Blind index.</b> An encrypted column cannot be searched: the same address encrypts differently each time. An
 * {@code @Encrypted(blindIndex = "emailIndex")} attribute gets a sibling column that the listener fills with a keyed
 * hash (the kit's pseudonym key, a label per entity and attribute) of the normalised value; {@link #blindIndex}
 * hashes what to look for the same way. The hash links records with equal values as long as it stays, so erasure
 * clears it with the encrypted column.
 *
 * <p>The converter and the listener are made by the JPA provider, which passes them nothing, so they use the
 * instance {@linkplain #install() installed} for the class loader: one kit per persistence unit and class loader.
 * Thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * JpaEncryption.of(gdpr).install();
 * em.persist(new Contact("contact-42", "alice@example.com"));   // email stored as gkj1~default~contact-42~gk1.…
 * em.createQuery("select c from Contact c where c.emailIndex in :index", Contact.class)
 *     .setParameter("index", JpaEncryption.installed().blindIndex(Contact.class, "email", " Alice@Example.com"));
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaEncryption {

  private static final AtomicReference<@Nullable JpaEncryption> INSTALLED = new AtomicReference<>();
  private static final ThreadLocal<@Nullable SubjectId> SCOPE = new ThreadLocal<>();

  private final FieldEncryption encryption;
  private final PseudonymKey blindIndexKey;
  private final TenantId tenant;

  private JpaEncryption(FieldEncryption encryption, PseudonymKey blindIndexKey, TenantId tenant) {
    this.encryption = Preconditions.notNull(encryption, "encryption");
    this.blindIndexKey = Preconditions.notNull(blindIndexKey, "blind index key");
    this.tenant = Preconditions.notNull(tenant, "tenant");
  }

  /** Returns the encryption of the kit's data keys, with blind indexes under the kit's pseudonym key. */
  public static JpaEncryption of(GdprKit kit) {
    Preconditions.notNull(kit, "kit");
    return of(kit.encryption(), kit.pseudonymKey());
  }

  /**
   * Returns the encryption under these keys, for entities without a tenant path in the
   * {@linkplain TenantId#DEFAULT default tenant}.
   */
  public static JpaEncryption of(FieldEncryption encryption, PseudonymKey blindIndexKey) {
    return new JpaEncryption(encryption, blindIndexKey, TenantId.DEFAULT);
  }

  /**
   * Returns a copy under which entities whose {@code @DataSubject} names no tenant belong to {@code tenant}; the same
   * tenant as the provider's.
   */
  public JpaEncryption withTenant(TenantId value) {
    return new JpaEncryption(encryption, blindIndexKey, value);
  }

  /**
   * Makes this the encryption that every {@link EncryptedStringConverter} and {@link EncryptionListener} of this
   * class loader uses, replacing any installed before.
   *
   * @return this
   */
  public JpaEncryption install() {
    INSTALLED.set(this);
    return this;
  }

  /**
   * Returns the installed encryption.
   *
   * @throws IllegalStateException if none was installed: no encrypted column can be read or written then
   */
  public static JpaEncryption installed() {
    JpaEncryption installed = INSTALLED.get();
    if (installed == null) {
      throw new IllegalStateException("no JpaEncryption is installed: call JpaEncryption.of(gdpr).install() before "
          + "entities with @Encrypted attributes are read or written");
    }
    return installed;
  }

  /** Returns the tenant of entities whose {@code @DataSubject} names none. */
  public TenantId tenant() {
    return tenant;
  }

  /**
   * Runs {@code work} with writes of encrypted values that no listener registered (parameters of bulk JPQL updates)
   * encrypted under {@code subject}'s key.
   *
   * <p>Usage example: <pre>{@code
   * jpaEncryption.useSubject(alice, () -> em.createQuery("update Contact c set c.email = :e where c.id = :id")
   *     .setParameter("e", corrected).setParameter("id", "contact-42").executeUpdate());
   * }</pre>
   */
  public void useSubject(SubjectId subject, Runnable work) {
    Preconditions.notNull(work, "work");
    withSubject(subject, () -> {
      work.run();
      return null;
    });
  }

  /** Returns what {@code work} returns, run as {@link #useSubject} runs it. */
  public <T> T withSubject(SubjectId subject, Supplier<T> work) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(work, "work");
    SubjectId outer = SCOPE.get();
    SCOPE.set(subject);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        SCOPE.remove();
      } else {
        SCOPE.set(outer);
      }
    }
  }

  /** Returns the subject of the scope open on this thread, or null. */
  static @Nullable SubjectId scope() {
    return SCOPE.get();
  }

  /**
   * Returns the blind-index values to look {@code value} up by, in the column of {@code attribute}'s blind index:
   * one per version of the pseudonym key, current first, for a {@code where index in (:values)} query while a
   * re-keying job has not re-hashed every row.
   *
   * @param entity the entity class
   * @param attribute the {@code @Encrypted} attribute, which has a blind index
   * @param value the value to find, normalised as the attribute's {@link Encrypted#normalisation()} says
   * @throws IllegalArgumentException if the attribute is not {@code @Encrypted} with a blind index
   */
  public List<String> blindIndex(Class<?> entity, String attribute, String value) {
    Preconditions.notNull(entity, "entity");
    Preconditions.notNull(attribute, "attribute");
    Preconditions.notNull(value, "value");
    Encrypted encrypted = Annotated.onAttribute(entity, attribute, Encrypted.class);
    if (encrypted == null || encrypted.blindIndex().isBlank()) {
      throw new IllegalArgumentException(entity.getSimpleName() + "." + attribute
          + " is not an @Encrypted attribute with a blind index");
    }
    return blindIndexKey.everyVersion(ListenerModel.label(Annotated.entityName(entity), attribute),
        normalise(encrypted.normalisation(), value));
  }

  /** Returns the blind index of a value under the current key version. */
  String blindIndexOf(ListenerModel.EncryptedAttribute attribute, String value) {
    return blindIndexKey.pseudonym(attribute.label(), normalise(attribute.normalisation(), value));
  }

  FieldEncryption encryption() {
    return encryption;
  }

  /** Brings a value to the form its blind index is taken of. */
  static String normalise(Encrypted.Normalisation normalisation, String value) {
    if (normalisation == Encrypted.Normalisation.EXACT) {
      return value;
    }
    String text = value;
    if (normalisation == Encrypted.Normalisation.EMAIL) {
      StringBuilder kept = new StringBuilder(text.length());
      text.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(kept::appendCodePoint);
      text = kept.toString();
    }
    text = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    return normalisation == Encrypted.Normalisation.EMAIL ? text.toLowerCase(Locale.ROOT) : text;
  }
}

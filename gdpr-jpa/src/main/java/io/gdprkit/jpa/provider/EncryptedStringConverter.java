package io.gdprkit.jpa.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.provider.EncryptedColumnException.Reason;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Stores a {@code String} attribute encrypted under its subject's data key, with AES-256-GCM, and reads it back; see
 * {@link JpaEncryption} for how it learns the subject.
 *
 * <p>Column form: {@code gkj1~<tenant>~<subject>~gk1.<base64url>}, the kit's text form of
 * {@link io.gdprkit.encryption.FieldEncryption} behind a header naming whose key to decrypt with. It takes about
 * {@code 4/3 × (n + 33) + 12} characters more than the header for {@code n} bytes of UTF-8 text: size the column for
 * it. Reading a value whose subject was erased fails with
 * {@link io.gdprkit.encryption.SubjectKeyDestroyedException} (wrapped by the JPA provider): the data is gone.
 *
 * <p>Every value is bound to a field label as associated data. This class uses {@value #LABEL} for every column; a
 * subclass per column binds a ciphertext to its column, so that one copied into another column of the same subject
 * does not decrypt there:
 * <pre>{@code
 * public static final class EmailConverter extends EncryptedStringConverter {
 *   public EmailConverter() { super("contact-email"); }
 * }
 * }</pre>
 *
 * <p>Usage example: <pre>{@code @Encrypted @Convert(converter = EncryptedStringConverter.class) private String email;}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Converter
public class EncryptedStringConverter implements AttributeConverter<@Nullable String, @Nullable String> {

  /** The field label of this class: what its ciphertexts are bound to. */
  public static final String LABEL = "jpa-column";

  /** The header's version tag, which also tells an encrypted column at a glance. */
  static final String PREFIX = "gkj1";

  private static final char SEPARATOR = '~';

  private final String label;

  /** Creates the converter of label {@value #LABEL}. */
  public EncryptedStringConverter() {
    this(LABEL);
  }

  /**
   * Creates a converter whose ciphertexts are bound to {@code label}.
   *
   * @param label an identifier of at most 64 characters
   */
  protected EncryptedStringConverter(String label) {
    this.label = Preconditions.identifier(label, "field label", 64);
  }

  /**
   * Encrypts the value under its subject's key; writes an unchanged value back as the ciphertext it was read from.
   *
   * @throws EncryptedColumnException if no listener registered the value and no subject scope is open, or its
   *     owners' subject is unknown or ambiguous
   */
  @Override
  public @Nullable String convertToDatabaseColumn(@Nullable String value) {
    if (value == null) {
      return null;
    }
    JpaEncryption installed = JpaEncryption.installed();
    SubjectId owner = Provenance.ownerSubject(value);
    Provenance.Origin origin = Provenance.origin(value);
    if (origin != null && origin.label().equals(label) && (owner == null || owner.equals(origin.subject()))) {
      return origin.column();
    }
    SubjectId subject = owner != null ? owner : origin != null ? origin.subject() : JpaEncryption.scope();
    if (subject == null) {
      throw EncryptedColumnException.of(Reason.NO_SUBJECT, "an encrypted column is written with a value no "
          + "EncryptionListener registered (is the entity annotated @EntityListeners(EncryptionListener.class)?) and "
          + "outside JpaEncryption.useSubject; a bulk update or a query parameter needs the scope, and a lookup by "
          + "value needs the blind index");
    }
    return header(subject) + installed.encryption().encryptText(subject, label, value);
  }

  /**
   * Decrypts a column value with the key of the subject its header names.
   *
   * @throws EncryptedColumnException if the value has no header
   * @throws io.gdprkit.encryption.SubjectKeyDestroyedException if the subject was erased
   * @throws io.gdprkit.encryption.DecryptionFailedException if the value was altered or encrypted for another label
   */
  @Override
  public @Nullable String convertToEntityAttribute(@Nullable String column) {
    if (column == null) {
      return null;
    }
    int tenantEnd = column.indexOf(SEPARATOR, PREFIX.length() + 1);
    int subjectEnd = tenantEnd < 0 ? -1 : column.indexOf(SEPARATOR, tenantEnd + 1);
    SubjectId subject = null;
    if (column.startsWith(PREFIX + SEPARATOR) && subjectEnd > 0) {
      try {
        subject = SubjectId.of(TenantId.of(column.substring(PREFIX.length() + 1, tenantEnd)),
            column.substring(tenantEnd + 1, subjectEnd));
      } catch (io.gdprkit.InvalidInputException e) {
        subject = null;
      }
    }
    if (subject == null) {
      throw EncryptedColumnException.of(Reason.MALFORMED, "an encrypted column holds a value without a valid "
          + PREFIX + " header: plain text, or a ciphertext another tool wrote");
    }
    String plaintext = JpaEncryption.installed().encryption().decryptText(subject, label,
        column.substring(subjectEnd + 1));
    Provenance.read(plaintext, new Provenance.Origin(subject, label, column));
    return plaintext;
  }

  private static String header(SubjectId subject) {
    return PREFIX + SEPARATOR + subject.tenant().value() + SEPARATOR + subject.value() + SEPARATOR;
  }
}

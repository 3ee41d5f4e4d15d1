package io.gdprkit.encryption;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Encrypts a subject's fields with AES-256-GCM under a data key of that subject alone, so that destroying the key
 * (crypto-shredding) makes every copy of those fields unreadable, backups included.
 *
 * <p>Each subject gets a random 256-bit data key on first use, stored only wrapped by a
 * {@linkplain KeyEncryptionKeys key-encryption key}; unwrapped keys are cached, bounded in number and in age
 * ({@link DataKeyCacheOptions}). A ciphertext carries its format version, the data key's version and a random
 * 96-bit IV, and is bound to its tenant, subject and field as GCM associated data: copied into another subject's
 * or another field's column, it no longer decrypts. An erasure of everything about a subject
 * {@linkplain #shred shreds} its key. Honestly named, this is pseudonymisation with key destruction: it is as
 * strong as the deletion of the key and the secrecy of the KEKs.
 *
 * <p>Binary form: {@code format(1) || keyVersion(4, big-endian) || iv(12) || ciphertext || tag(16)}, 33 bytes
 * more than the plaintext. Text form: {@code gk1.} followed by the binary form in unpadded base64url, for a
 * {@code VARCHAR} column. Random IVs stay safe for 2<sup>32</sup> encryptions per key (NIST SP 800-38D), far more
 * than one person's fields see. Thread-safe; no call creates a {@code Cipher}.
 *
 * <p>Usage example: <pre>{@code
 * String column = gdpr.encryption().encryptText(alice, "phone", "+49 30 1234");
 * String phone = gdpr.encryption().decryptText(alice, "phone", column);
 * gdpr.erasure().erase(alice);   // shreds the key: decryptText now throws SubjectKeyDestroyedException
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FieldEncryption {

  /** Prefix of the text form; it names the format, so a reader can tell an encrypted column value at a glance. */
  String TEXT_PREFIX = "gk1.";

  /**
   * Encrypts {@code plaintext} for the subject's field, creating the subject's data key on first use.
   *
   * <p>After the subject's key was shredded, this creates a new key of a higher version: new data is readable, the
   * old stays shredded.
   *
   * @param subject whose data it is
   * @param field the field it is stored in, an identifier of at most 64 characters such as {@code email}
   * @param plaintext the bytes to encrypt; not kept
   * @return the binary form
   * @throws io.gdprkit.InvalidInputException if the field is not an identifier
   */
  byte[] encrypt(SubjectId subject, String field, byte[] plaintext);

  /**
   * Decrypts what {@link #encrypt} made for the same subject and field.
   *
   * @throws SubjectKeyDestroyedException if the subject's key it was made under has been destroyed
   * @throws DecryptionFailedException if it is malformed, altered, made for another subject or field or under
   *     another key, or the data key cannot be unwrapped
   */
  byte[] decrypt(SubjectId subject, String field, byte[] ciphertext);

  /** Encrypts UTF-8 text and returns the {@linkplain #TEXT_PREFIX text form}; see {@link #encrypt}. */
  String encryptText(SubjectId subject, String field, String plaintext);

  /**
   * Decrypts the text form made by {@link #encryptText}.
   *
   * @throws SubjectKeyDestroyedException if the subject's key it was made under has been destroyed
   * @throws DecryptionFailedException as {@link #decrypt} does, and with {@link DecryptionFailedException.Reason#MALFORMED}
   *     when the text is not the text form
   */
  String decryptText(SubjectId subject, String field, String ciphertext);

  /**
   * Destroys the subject's data key and evicts it from the cache: every ciphertext made under it, in any copy,
   * can no longer be decrypted. Idempotent.
   *
   * <p><b>Warning:</b> irreversible by design. Other application instances may hold the key in their own caches
   * and decrypt with it for up to their cache's {@linkplain DataKeyCacheOptions#timeToLive() time to live} (five
   * minutes by default); this instance stops at once. And an encryption racing with the shred may still use the
   * old key: what it wrote is shredded with it and reads fail with {@link SubjectKeyDestroyedException}.
   *
   * @return whether a live key was destroyed; false when the subject had none or it was destroyed already
   */
  boolean shred(SubjectId subject);

  /** Returns whether the subject's last data key was destroyed and no new one has been made since. */
  boolean isShredded(SubjectId subject);

  /**
   * Re-wraps every data key not under the {@linkplain KeyEncryptionKeys#activeKeyId() active KEK} with it, reading
   * and writing at most {@code batchSize} keys at a time; no ciphertext changes or needs to.
   *
   * <p>Safe to run while the kit serves reads and writes, and again after a crash: a key destroyed or re-wrapped
   * meanwhile is skipped.
   *
   * @param batchSize how many keys one store page holds, at least 1
   * @return how many keys were re-wrapped
   * @throws DecryptionFailedException if a key is wrapped by a KEK that is not in the ring or does not unwrap
   *     ({@link DecryptionFailedException.Reason#UNKNOWN_KEK}, {@link DecryptionFailedException.Reason#KEK_MISMATCH});
   *     the keys before it stay re-wrapped
   */
  long rewrap(int batchSize);

  /**
   * Removes a KEK from the ring once no data key is wrapped by it any more, as after a {@link #rewrap}; reads at
   * most {@code 500} keys at a time to check.
   *
   * @param kekId the KEK to retire
   * @throws io.gdprkit.InvalidInputException if it is the active KEK or still wraps a data key; the ring is unchanged
   * @throws io.gdprkit.crypto.UnknownKeyException if the ring has no KEK of this id
   */
  void retireKek(String kekId);

  /** Returns the key-encryption keys; rotate them here, then call {@link #rewrap}. */
  KeyEncryptionKeys keyEncryptionKeys();
}

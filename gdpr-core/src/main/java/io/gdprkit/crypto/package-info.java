/**
 * The kit's keys, which a host supplies as soon as any store outlives the JVM: four kinds, never mixed.
 *
 * <ul>
 *   <li><b>Token keys</b>, a rotating {@link io.gdprkit.crypto.KeyRing} of HMAC-SHA256 keys
 *       ({@code keyRing(..)}, or {@code keyRingSource(..)} so every instance reads one shared
 *       {@link io.gdprkit.crypto.spi.KeyRingSource}): double opt-in, unsubscribe and identity-verification tokens,
 *       through {@link io.gdprkit.crypto.TokenSigner}. Rotate to a new active key, retire the old one once its
 *       tokens may lapse; retiring ends only those tokens.</li>
 *   <li><b>The pseudonym key</b>, {@link io.gdprkit.crypto.PseudonymKey} ({@code pseudonymKey(..)}): every keyed
 *       hash that must stay matchable, such as suppression entries, tombstones, audit pseudonyms, IP keyed hashes,
 *       receipt principals and erasure reports. Never retired: re-keyed by
 *       {@link io.gdprkit.crypto.PseudonymKey#rekeyedTo} and a job that re-hashes what it protects
 *       ({@code suppression().rekeyPseudonyms(n)}, {@code erasure().rekeyPseudonyms(n)}); lookups try every version
 *       meanwhile.</li>
 *   <li><b>The signing key</b>, an Ed25519 {@link io.gdprkit.crypto.SigningKey} ({@code signingKey(..)},
 *       {@code trustedKeys(..)} for earlier ones): audit checkpoints and consent receipts, checked by anyone with
 *       the published {@link io.gdprkit.crypto.VerificationKeys}.</li>
 *   <li><b>The key-encryption keys</b>, {@link io.gdprkit.encryption.KeyEncryptionKeys}
 *       ({@code keyEncryptionKeys(..)}): wrap each subject's data key; rotation re-wraps, never re-encrypts.</li>
 * </ul>
 *
 * <p>Each use of a secret gets its own subkey through HKDF-SHA256 (RFC 5869), so a token of one kind never
 * verifies as another and a suppression hash never equals an audit pseudonym. An in-memory kit generates every
 * key; with a durable store {@code build()} throws {@link io.gdprkit.crypto.KeyConfigurationException} naming the
 * keys not supplied, since a generated one is lost at restart with all it hashed, signed or wrapped.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().consentStore(jpa).keyRingSource(vault).pseudonymKey(p).signingKey(s).keyEncryptionKeys(k).build()}</pre>
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.crypto;

import org.jspecify.annotations.NullMarked;

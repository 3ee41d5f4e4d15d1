package io.gdprkit.crypto;

import io.gdprkit.internal.Base64Url;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.util.Arrays;
import org.apiguardian.api.API;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The public half of a {@link SigningKey}: an Ed25519 public key with its id, which checks signatures but cannot
 * make them.
 *
 * <p>Hand it to auditors, data subjects and other systems so they can check checkpoints and receipts on their
 * own, with nothing else from the kit. Equal when id and key bytes are equal. Immutable and thread-safe.
 *
 * <p>Usage example: <pre>{@code VerificationKey key = VerificationKey.of("audit-2026", publicKeyBytes); key.verify(msg, sig);}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class VerificationKey {

  private final String keyId;
  private final Ed25519PublicKeyParameters publicKey;
  private final byte[] encoded;

  VerificationKey(String keyId, Ed25519PublicKeyParameters publicKey) {
    this.keyId = keyId;
    this.publicKey = publicKey;
    this.encoded = publicKey.getEncoded();
  }

  /**
   * Returns the verification key of 32 RFC 8032 public key bytes.
   *
   * @throws io.gdprkit.InvalidInputException if the id has the wrong shape or the bytes are not a valid point
   */
  public static VerificationKey of(String keyId, byte[] publicKey) {
    SigningKey.checkId(keyId);
    Preconditions.notNull(publicKey, "public key");
    Preconditions.check(publicKey.length == SigningKey.KEY_BYTES, "public key",
        "must be " + SigningKey.KEY_BYTES + " bytes long");
    Ed25519PublicKeyParameters parameters;
    try {
      parameters = new Ed25519PublicKeyParameters(publicKey.clone());
    } catch (IllegalArgumentException e) {
      throw io.gdprkit.InvalidInputException.of("public key", "is not a valid Ed25519 point");
    }
    return new VerificationKey(keyId, parameters);
  }

  /** Returns the id that names this key in signatures. */
  public String keyId() {
    return keyId;
  }

  /** Returns the 32 public key bytes; a copy. */
  public byte[] publicKey() {
    return encoded.clone();
  }

  /** Returns the public key as unpadded base64url, the form JWKs use. */
  public String publicKeyBase64Url() {
    return Base64Url.encode(encoded);
  }

  /**
   * Checks an Ed25519 signature.
   *
   * @return true if {@code signature} is this key's signature of {@code message}; false for any other bytes,
   *     including a signature of the wrong length
   */
  public boolean verify(byte[] message, byte[] signature) {
    Preconditions.notNull(message, "message");
    Preconditions.notNull(signature, "signature");
    if (signature.length != SigningKey.SIGNATURE_BYTES) {
      return false;
    }
    return publicKey.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerificationKey that && keyId.equals(that.keyId) && Arrays.equals(encoded, that.encoded);
  }

  @Override
  public int hashCode() {
    return keyId.hashCode() * 31 + Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "VerificationKey[" + keyId + ", " + publicKeyBase64Url() + "]";
  }
}

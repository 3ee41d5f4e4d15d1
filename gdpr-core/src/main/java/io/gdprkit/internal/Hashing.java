package io.gdprkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apiguardian.api.API;

/**
 * SHA-256 over text, for notice fingerprints.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Hashing {

  private static final HexFormat HEX = HexFormat.of();

  private Hashing() {}

  /** Returns the lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256Hex(String text) {
    return HEX.formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Returns a new SHA-256 digest; every JDK provides one. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}

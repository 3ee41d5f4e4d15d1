package io.gdprkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Strict IP literal parsing and reduction; never resolves a host name.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class IpAddresses {

  private IpAddresses() {}

  /**
   * Returns the canonical text of an IPv4 or IPv6 literal.
   *
   * @throws InvalidInputException if it is not one
   */
  public static String canonical(String address) {
    return toAddress(address).getHostAddress();
  }

  /** Returns the network of the address: IPv4 /24, IPv6 /48, as canonical text. */
  public static String truncate(String address) {
    InetAddress parsed = toAddress(address);
    byte[] bytes = parsed.getAddress();
    int keep = parsed instanceof Inet4Address ? 3 : 6;
    Arrays.fill(bytes, keep, bytes.length, (byte) 0);
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an address of 4 or 16 bytes was refused", e);
    }
  }

  /** Returns the address's bytes (4 or 16). */
  public static byte[] bytes(String address) {
    return toAddress(address).getAddress();
  }

  private static InetAddress toAddress(String address) {
    if (address.indexOf(':') >= 0) {
      return ipv6(address);
    }
    return ipv4(address);
  }

  private static InetAddress ipv4(String address) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      throw notAnIp();
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
        throw notAnIp();
      }
      int value = 0;
      for (int j = 0; j < part.length(); j++) {
        char c = part.charAt(j);
        if (c < '0' || c > '9') {
          throw notAnIp();
        }
        value = value * 10 + (c - '0');
      }
      if (value > 255) {
        throw notAnIp();
      }
      bytes[i] = (byte) value;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw notAnIp();
    }
  }

  private static InetAddress ipv6(String address) {
    if (address.length() > 45) {
      throw notAnIp();
    }
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
      if (!allowed) {
        throw notAnIp();
      }
    }
    try {
      // With a ':' in it and only hex digits, ':' and '.', the JDK parses a literal and never does a lookup.
      InetAddress parsed = InetAddress.getByName(address);
      if (!(parsed instanceof Inet6Address) && !(parsed instanceof Inet4Address)) {
        throw notAnIp();
      }
      return parsed;
    } catch (UnknownHostException e) {
      throw notAnIp();
    }
  }

  private static InvalidInputException notAnIp() {
    return InvalidInputException.of("ip", "must be an IPv4 or IPv6 literal");
  }
}

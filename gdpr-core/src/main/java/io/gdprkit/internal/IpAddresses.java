package io.gdprkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import java.util.Arrays;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Strict IP literal parsing and reduction, written out by hand so that no string ever reaches the name service.
 *
 * <p>Accepted: a dotted-quad IPv4 literal without leading zeros, and an RFC 4291 IPv6 literal (hex groups, one
 * optional {@code ::}, an optional dotted-quad tail). A zone id ({@code fe80::1%eth0}) is refused: it means something
 * only on the host that saw it. Nothing else is accepted; the error names the field and never the value.
 *
 * <p>Canonical text is the dotted quad for IPv4 and for IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}), eight
 * lower-case hex groups without leading zeros for other IPv6 addresses ({@code 2001:db8:0:0:0:0:0:1}).
 *
 * <p>Truncation keeps the network: IPv4 to /24 and IPv6 to /48, except where IPv6 carries an IPv4 address that
 * would survive a /48: NAT64 ({@code 64:ff9b::/96}) and IPv4-compatible ({@code ::a.b.c.d}) addresses are
 * truncated as the IPv4 address they carry, and a 6to4 address ({@code 2002:AABB:CCDD::/48}) keeps its embedded
 * IPv4 only to /24. Teredo ({@code 2001:0::/32}) carries the client's IPv4 in its last 32 bits and the server's
 * in bits 32-63, of which a /48 keeps only the server's first 16 bits.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class IpAddresses {

  private static final String FIELD = "ip";
  private static final int MAX_LENGTH = 45;

  private IpAddresses() {}

  /**
   * Returns the canonical text of an IPv4 or IPv6 literal.
   *
   * @throws InvalidInputException if it is not one
   */
  public static String canonical(String address) {
    return format(parse(address, FIELD));
  }

  /** Returns the network of the address as canonical text: see the class comment for the embedded-IPv4 forms. */
  public static String truncate(String address) {
    return format(truncate(parse(address, FIELD)));
  }

  /** Returns whether the literal is already a network as {@link #truncate} makes them. */
  public static boolean isTruncated(String address) {
    byte[] parsed = parse(address, FIELD);
    return Arrays.equals(parsed, truncate(parsed));
  }

  /** Returns the address's bytes: 4 for IPv4 and IPv4-mapped IPv6, otherwise 16. */
  public static byte[] bytes(String address) {
    return parse(address, FIELD);
  }

  private static byte[] truncate(byte[] address) {
    if (address.length == 4) {
      return new byte[] {address[0], address[1], address[2], 0};
    }
    if (isNat64(address) || isIpv4Compatible(address)) {
      return new byte[] {address[12], address[13], address[14], 0};
    }
    byte[] network = Arrays.copyOf(address, 16);
    boolean sixToFour = (address[0] & 0xff) == 0x20 && (address[1] & 0xff) == 0x02;
    // 6to4 holds the whole IPv4 address in bytes 2-5: keep its /24 only. Everything else keeps its /48, which
    // also zeroes the client IPv4 of Teredo and every IPv4 embedded beyond bit 48 (NAT64 local use, ISATAP).
    Arrays.fill(network, sixToFour ? 5 : 6, 16, (byte) 0);
    return network;
  }

  /** The NAT64 well-known prefix {@code 64:ff9b::/96}, RFC 6052. */
  private static boolean isNat64(byte[] a) {
    return a[0] == 0 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b && zero(a, 4, 12);
  }

  /** The deprecated {@code ::a.b.c.d} form (RFC 4291 2.5.5.1), told apart from {@code ::} and {@code ::1}. */
  private static boolean isIpv4Compatible(byte[] a) {
    return zero(a, 0, 12) && a[12] != 0;
  }

  private static boolean zero(byte[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String format(byte[] address) {
    if (address.length == 4) {
      return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
    }
    StringBuilder text = new StringBuilder(39);
    for (int group = 0; group < 8; group++) {
      if (group > 0) {
        text.append(':');
      }
      text.append(Integer.toHexString(((address[2 * group] & 0xff) << 8) | (address[2 * group + 1] & 0xff)));
    }
    return text.toString();
  }

  /**
   * Parses an IPv4 or IPv6 literal to its bytes; an IPv4-mapped IPv6 address gives the 4 bytes of its IPv4 address.
   *
   * @throws InvalidInputException naming {@code field} if it is not a literal
   */
  static byte[] parse(String address, String field) {
    Preconditions.notNull(address, field);
    if (address.indexOf(':') < 0) {
      byte[] v4 = ipv4(address, 0, address.length());
      if (v4 == null) {
        throw notAnIp(field);
      }
      return v4;
    }
    byte[] v6 = ipv6(address);
    if (v6 == null) {
      throw notAnIp(field);
    }
    boolean mapped = zero(v6, 0, 10) && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
    return mapped ? Arrays.copyOfRange(v6, 12, 16) : v6;
  }

  /** Parses {@code text[from, to)} as a dotted quad, or returns null. */
  private static byte @Nullable [] ipv4(String text, int from, int to) {
    byte[] bytes = new byte[4];
    int part = 0;
    int i = from;
    while (part < 4) {
      int start = i;
      int value = 0;
      while (i < to && i - start < 4) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        value = value * 10 + (c - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return null;
      }
      bytes[part++] = (byte) value;
      if (part < 4) {
        if (i >= to || text.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    return i == to ? bytes : null;
  }

  /** Parses an IPv6 literal, or returns null. */
  private static byte @Nullable [] ipv6(String text) {
    int length = text.length();
    if (length < 2 || length > MAX_LENGTH) {
      return null;
    }
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    if (text.startsWith("::")) {
      gap = 0;
      i = 2;
      if (i == length) {
        return new byte[16];
      }
    } else if (text.charAt(0) == ':') {
      return null;
    }
    while (i < length) {
      if (count == 8) {
        return null;
      }
      int start = i;
      int value = 0;
      while (i < length && i - start < 5) {
        int digit = Character.digit(text.charAt(i), 16);
        if (digit < 0 || text.charAt(i) > 'f') {
          break;
        }
        value = (value << 4) | digit;
        i++;
      }
      if (i < length && text.charAt(i) == '.') {
        // A dotted-quad tail: the last 32 bits, in place of two groups.
        if (count > 6) {
          return null;
        }
        byte[] v4 = ipv4(text, start, length);
        if (v4 == null) {
          return null;
        }
        groups[count++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        groups[count++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        i = length;
        break;
      }
      int digits = i - start;
      if (digits == 0 || digits > 4) {
        return null;
      }
      groups[count++] = value;
      if (i == length) {
        break;
      }
      if (text.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < length && text.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
      } else if (i == length) {
        return null; // a single trailing ':'
      }
    }
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    byte[] bytes = new byte[16];
    int zeros = 8 - count;
    for (int g = 0, out = 0; g < count; g++, out++) {
      if (g == gap) {
        out += zeros;
      }
      bytes[2 * out] = (byte) (groups[g] >>> 8);
      bytes[2 * out + 1] = (byte) groups[g];
    }
    return bytes;
  }

  private static InvalidInputException notAnIp(String field) {
    return InvalidInputException.of(field, "must be an IPv4 or IPv6 literal");
  }
}

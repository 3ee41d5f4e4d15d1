package io.gdprkit.gpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A framework-free view of an HTTP request's header section, so that a servlet filter, a reactive handler or a test
 * can hand its headers to {@link GpcSignal#fromHeaders}.
 *
 * <p>Each call returns the value of every field line with the given name, one element per line, in the order
 * received. Field names are case-insensitive (RFC 9110 §5.1), so an implementation matches them without regard to
 * ASCII case. <b>Warning:</b> it must not join several lines into one comma-separated value: {@code Sec-GPC} is not
 * a list-based field (RFC 9110 §5.3), and a joined {@code "1, 1"} is not the valid value {@code "1"}. It returns
 * header lines only, never trailers (GPC §3.3 forbids the field in a trailer).
 *
 * <p>Usage example (a servlet): <pre>{@code RequestHeaders headers = name -> Collections.list(request.getHeaders(name));}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface RequestHeaders {

  /**
   * Returns the values of the field lines named {@code name}, matched without regard to ASCII case; empty when
   * there is none.
   *
   * @param name the field name, such as {@code Sec-GPC}
   * @return one value per field line, in the order received; {@code null} elements are ignored
   */
  List<String> fieldValues(String name);

  /**
   * Returns a view of a map from field name to its lines' values, such as a framework's multi-value header map.
   *
   * <p>Names are compared without regard to ASCII case, so {@code "sec-gpc"} (as HTTP/2 and HTTP/3 send it) and
   * {@code "Sec-GPC"} are the same field and the lines of both are returned; no other case folding applies, so
   * {@code "ſec-gpc"} (with U+017F) is another name. {@code null} keys (the status line of some clients) and
   * {@code null} lists are skipped. The view reads the map on each call.
   */
  static RequestHeaders of(Map<String, ? extends Collection<String>> headers) {
    Preconditions.notNull(headers, "headers");
    return name -> {
      Preconditions.notNull(name, "name");
      List<String> values = new ArrayList<>(1);
      headers.forEach((key, lines) -> {
        if (key != null && lines != null && equalsIgnoringAsciiCase(key, name)) {
          values.addAll(lines);
        }
      });
      return values;
    };
  }

  /**
   * Compares two field names as RFC 9110 §5.1 does: ASCII letters without regard to case, every other character
   * exactly. {@link String#equalsIgnoreCase} would also match, say, the Kelvin sign with {@code k}.
   */
  private static boolean equalsIgnoringAsciiCase(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      // letters that differ only in the case bit are equal; y is then a letter too
      if (x != y && (!isAsciiLetter(x) || (x | 0x20) != (y | 0x20))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'z';
  }
}

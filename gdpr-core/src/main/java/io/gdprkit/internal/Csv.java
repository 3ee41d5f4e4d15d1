package io.gdprkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.Writer;
import org.apiguardian.api.API;

/**
 * Writes CSV fields as RFC 4180 wants them, for every CSV document the kit writes.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Csv {

  /** The line break of RFC 4180. */
  public static final String CRLF = "\r\n";

  private Csv() {}

  /**
   * Writes a field, quoted when it is empty or holds a comma, a double quote, CR or LF; quotes are doubled.
   *
   * <p>An empty string is written as {@code ""}, so that a reader can tell it from an absent value, an empty field.
   */
  public static void field(Writer out, String text) throws IOException {
    if (!needsQuotes(text)) {
      out.write(text);
      return;
    }
    out.write('"');
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '"') {
        out.write(text, from, i + 1 - from);
        out.write('"');
        from = i + 1;
      }
    }
    out.write(text, from, text.length() - from);
    out.write('"');
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty()) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}

package io.gdprkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Writes caller-supplied identifiers into exception messages safely: quoted, escaped and bounded.
 *
 * <p>An id that reaches a message (a purpose, a topic, a provider, a key id) came from a caller and
 * may hold anything: CR LF that forges a second log line, a NUL or a right-to-left override that
 * hides what follows, a megabyte that floods the log. {@link #quote} writes it between single quotes,
 * escapes every control, format, separator, surrogate, private-use and unassigned character (and the
 * quote and backslash) as {@code \}{@code uXXXX}, and cuts it after {@value #MAX_QUOTED} characters
 * with an ellipsis and the original length. Only identifiers go through here: personal data never
 * goes into a message at all.
 *
 * <p>Usage example: <pre>{@code "purpose " + Messages.quote(id) + " is not declared"}</pre>
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Messages {

  /** How many characters of the escaped id a message shows at most. */
  public static final int MAX_QUOTED = 64;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Messages() {}

  /**
   * Returns {@code id} quoted with {@code '…'}, escaped and cut to at most {@value #MAX_QUOTED} characters.
   *
   * <p>{@code null} is written as {@code null}; an id that was cut reads {@code 'abc…' (1048576 chars)}.
   */
  public static String quote(@Nullable Object id) {
    if (id == null) {
      return "null";
    }
    String text = id.toString();
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_QUOTED) + 24).append('\'');
    int shown = 0;
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      int width = Character.charCount(codePoint);
      int before = out.length();
      append(out, text, i, codePoint, width);
      shown += out.length() - before;
      if (shown > MAX_QUOTED) {
        out.setLength(before);
        break;
      }
      i += width;
    }
    out.append('\'');
    if (i < text.length()) {
      out.insert(out.length() - 1, '…').append(" (").append(text.length()).append(" chars)");
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String text, int at, int codePoint, int width) {
    if (codePoint == '\'' || codePoint == '\\' || !printable(codePoint) || width == 1 && Character.isSurrogate(text.charAt(at))) {
      for (int k = 0; k < width; k++) {
        char c = text.charAt(at + k);
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
      }
    } else {
      out.append(text, at, at + width);
    }
  }

  private static boolean printable(int codePoint) {
    if (codePoint >= 0x20 && codePoint < 0x7F) {
      return true;
    }
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
      default -> true;
    };
  }
}

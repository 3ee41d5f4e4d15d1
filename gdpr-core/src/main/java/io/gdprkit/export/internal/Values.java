package io.gdprkit.export.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * How data item values become JSON and CSV, and how the {@code valueType} hint of a JSON number turns it back into
 * the Java type it had.
 *
 * <p>A JSON reader restores a string, a boolean, an {@code Integer}, a {@code Long} outside {@code int} range, a
 * {@code BigInteger} outside {@code long} range and a finite {@code Double} on its own; every other number carries a
 * hint. {@code Instant}, {@code LocalDate} and any other type are written as text and come back as {@code String}.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Values {

  public static final String LONG = "long";
  public static final String SHORT = "short";
  public static final String BYTE = "byte";
  public static final String FLOAT = "float";
  public static final String DOUBLE = "double";
  public static final String BIG_INTEGER = "big-integer";
  public static final String BIG_DECIMAL = "big-decimal";

  private static final SerializableString VALUE_TYPE = new SerializedString(ExportDocument.VALUE_TYPE);
  private static final SerializableString LONG_HINT = new SerializedString(LONG);
  private static final SerializableString SHORT_HINT = new SerializedString(SHORT);
  private static final SerializableString BYTE_HINT = new SerializedString(BYTE);
  private static final SerializableString FLOAT_HINT = new SerializedString(FLOAT);
  private static final SerializableString DOUBLE_HINT = new SerializedString(DOUBLE);
  private static final SerializableString BIG_INTEGER_HINT = new SerializedString(BIG_INTEGER);
  private static final SerializableString BIG_DECIMAL_HINT = new SerializedString(BIG_DECIMAL);

  private Values() {}

  /**
   * Writes the value after its property name, followed by a {@code valueType} property when a reader needs it.
   *
   * <p>Strings come first: they are most values, and this runs once per item.
   */
  static void writeJson(JsonGenerator json, @Nullable Object value) {
    if (value instanceof String text) {
      json.writeString(text);
    } else if (value == null) {
      json.writeNull();
    } else if (value instanceof Boolean flag) {
      json.writeBoolean(flag);
    } else if (value instanceof Number number) {
      writeNumber(json, number);
    } else {
      json.writeString(value.toString());
    }
  }

  private static void writeNumber(JsonGenerator json, Number number) {
    if (number instanceof Integer i) {
      json.writeNumber(i.intValue());
    } else if (number instanceof Long l) {
      long v = l;
      json.writeNumber(v);
      if (v == (int) v) {
        json.writeName(VALUE_TYPE).writeString(LONG_HINT);
      }
    } else if (number instanceof Double d) {
      json.writeNumber(d.doubleValue());
      if (!Double.isFinite(d)) {
        json.writeName(VALUE_TYPE).writeString(DOUBLE_HINT);
      }
    } else if (number instanceof BigDecimal big) {
      json.writeNumber(big);
      json.writeName(VALUE_TYPE).writeString(BIG_DECIMAL_HINT);
    } else if (number instanceof BigInteger big) {
      json.writeNumber(big);
      if (big.bitLength() < 64) {
        json.writeName(VALUE_TYPE).writeString(BIG_INTEGER_HINT);
      }
    } else if (number instanceof Float f) {
      json.writeNumber(f.floatValue());
      json.writeName(VALUE_TYPE).writeString(FLOAT_HINT);
    } else if (number instanceof Short s) {
      json.writeNumber(s.shortValue());
      json.writeName(VALUE_TYPE).writeString(SHORT_HINT);
    } else if (number instanceof Byte b) {
      json.writeNumber(b.intValue());
      json.writeName(VALUE_TYPE).writeString(BYTE_HINT);
    } else {
      json.writeString(number.toString());
    }
  }

  /** Returns the value as CSV text; {@code null} stays {@code null}. */
  static @Nullable String text(@Nullable Object value) {
    return value == null ? null : value.toString();
  }

  /**
   * Turns a number read from a document, as its JSON text, into the Java type its {@code valueType} hint names.
   *
   * @throws IllegalArgumentException if the hint is unknown or the text does not fit the type
   */
  public static Object fromHint(String hint, String text) {
    switch (hint) {
      case LONG:
        return Long.valueOf(text);
      case SHORT:
        return Short.valueOf(text);
      case BYTE:
        return Byte.valueOf(text);
      case FLOAT:
        return Float.valueOf(text);
      case DOUBLE:
        return Double.valueOf(text);
      case BIG_INTEGER:
        return new BigInteger(text);
      case BIG_DECIMAL:
        return new BigDecimal(text);
      default:
        throw new IllegalArgumentException("unknown valueType");
    }
  }
}

package io.gdprkit.gpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Preconditions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A Global Privacy Control signal received from a person's user agent: a do-not-sell-or-share preference (GPC §2)
 * sent as the {@code Sec-GPC} request header (GPC §3.3) or read by a page script from
 * {@code navigator.globalPrivacyControl} (GPC §3.4), with the evidence the kit keeps of it.
 *
 * <p>Only a signal that is present exists as a value: the parsers return an empty {@link Optional} for "no signal",
 * which is what anything but the valid value means (GPC §3.3: a server "MUST ignore it and process the request as if
 * that header had not been specified unless the field value is exactly the character "1""). Parsing, per header field
 * line:
 * <ul>
 *   <li>the field name {@code Sec-GPC} is matched without regard to ASCII case (RFC 9110 §5.1);</li>
 *   <li>leading and trailing spaces and horizontal tabs are not part of a field value (RFC 9110 §5.5: a parser "MUST
 *       exclude such whitespace prior to evaluating the field value"), so {@code " 1 "} on the wire is the value
 *       {@code 1}; no other character is trimmed;</li>
 *   <li>the value must then be exactly {@code 1}: {@code 0}, {@code true}, {@code 01}, {@code 1.0}, {@code 1,1},
 *       {@code 1, 1} and the empty value are no signal. The field is a singleton with no list syntax and no extension
 *       mechanism (GPC §3.3, §3.3.1), so a line holding a comma is not split (RFC 9110 §5.3 allows recombining lines
 *       only for list-based fields);</li>
 *   <li>with several {@code Sec-GPC} lines, the request carries the signal when at least one of them is exactly
 *       {@code 1}, and none otherwise (GPC §3.3).</li>
 * </ul>
 *
 * <p>The page is kept as its origin only (scheme, host and port): path, query, fragment and user info can hold
 * personal data and are dropped (Art. 5(1)(c)). The user agent is held only until the kit records the signal, which
 * keeps a keyed hash of it and never the text; {@link #toString()} leaves it out.
 *
 * <p>Usage example: <pre>{@code
 * Optional<GpcSignal> signal = GpcSignal.fromHeaders(name -> Collections.list(request.getHeaders(name)))
 *     .map(s -> s.atPage(request.getRequestURL().toString()));
 * signal.ifPresent(s -> gdpr.gpc().apply(alice, s));
 * }</pre>
 *
 * @param source how the signal arrived
 * @param origin the origin of the page that received it, such as {@code https://shop.example}, if known
 * @param userAgent the user agent's {@code User-Agent} text, if known; left out of {@code toString()}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record GpcSignal(Source source, @Nullable String origin, @Nullable String userAgent) {

  /** The header field name, as GPC §3.3 spells it; recipients compare it without regard to case. */
  public static final String HEADER = "Sec-GPC";

  /** The only field value that expresses the preference (GPC §3.3). */
  public static final String VALUE = "1";

  private static final String USER_AGENT = "User-Agent";
  private static final int MAX_ORIGIN = 200;
  private static final int MAX_USER_AGENT = 1024;

  /** Validates the fields. */
  public GpcSignal {
    Preconditions.notNull(source, "source");
    if (origin != null) {
      checkOrigin(origin);
    }
    if (userAgent != null) {
      Preconditions.text(userAgent, "user agent", MAX_USER_AGENT);
    }
  }

  /**
   * Parses the request's {@code Sec-GPC} header lines as GPC §3.3 and RFC 9110 §5 say (see the class description).
   *
   * <p>The signal carries the request's {@code User-Agent} when the request has exactly one such line of at most
   * 1024 characters. Nothing is thrown for any header content: a malformed signal is no signal.
   *
   * @return the signal, or empty when the request carries none
   */
  public static Optional<GpcSignal> fromHeaders(RequestHeaders headers) {
    Preconditions.notNull(headers, "headers");
    if (!anyExactlyOne(headers.fieldValues(HEADER))) {
      return Optional.empty();
    }
    return Optional.of(new GpcSignal(Source.SEC_GPC_HEADER, null, userAgent(headers.fieldValues(USER_AGENT))));
  }

  /**
   * Returns whether one header field value, as received, is the valid {@code Sec-GPC} value {@code 1} once the
   * whitespace around it is excluded (GPC §3.3, RFC 9110 §5.5).
   */
  public static boolean isValidValue(@Nullable String fieldValue) {
    if (fieldValue == null) {
      return false;
    }
    int start = 0;
    int end = fieldValue.length();
    while (start < end && isOws(fieldValue.charAt(start))) {
      start++;
    }
    while (end > start && isOws(fieldValue.charAt(end - 1))) {
      end--;
    }
    return end - start == 1 && fieldValue.charAt(start) == '1';
  }

  /**
   * Reads the value a page script found in {@code navigator.globalPrivacyControl}: {@code true} when the person's
   * preference is enabled, {@code false} when it is disabled or unset (GPC §3.4, §3.2).
   *
   * <p>The host's own script reports it (a browser that does not support GPC has no such property: report nothing
   * then). Unlike the {@code Sec-GPC} header, which scripts cannot set, the report reaches the host as ordinary
   * request data; the record names its source so the difference stays visible.
   *
   * @return the signal, or empty for {@code false}
   */
  public static Optional<GpcSignal> fromNavigator(boolean globalPrivacyControl) {
    return globalPrivacyControl ? Optional.of(new GpcSignal(Source.NAVIGATOR_PROPERTY, null, null)) : Optional.empty();
  }

  /**
   * Returns this signal as received on the page at {@code url}, which is reduced to its origin.
   *
   * @param url an absolute {@code http} or {@code https} URL, or an origin
   * @throws InvalidInputException if it is not one
   */
  public GpcSignal atPage(String url) {
    return new GpcSignal(source, originOf(Preconditions.notNull(url, "page"), "page"), userAgent);
  }

  /** Returns this signal with the user agent's text, of which the kit records only a keyed hash. */
  public GpcSignal withUserAgent(String text) {
    return new GpcSignal(source, origin, Preconditions.text(text, "user agent", MAX_USER_AGENT));
  }

  /** Returns a description without the user agent, which may single a person out; it says only whether one is held. */
  @Override
  public String toString() {
    return "GpcSignal[source=" + source + ", origin=" + origin + ", userAgent="
        + (userAgent == null ? "none" : "redacted") + "]";
  }

  private static boolean anyExactlyOne(@Nullable List<String> lines) {
    if (lines == null) {
      return false;
    }
    for (String line : lines) {
      if (isValidValue(line)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String userAgent(@Nullable List<String> lines) {
    if (lines == null || lines.size() != 1) {
      return null;
    }
    String text = lines.get(0);
    if (text == null || text.isBlank() || text.length() > MAX_USER_AGENT) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return null; // header content never makes parsing fail: an odd user agent is only not kept
      }
    }
    return text;
  }

  /** Optional whitespace, RFC 9110 §5.6.3: space and horizontal tab only. */
  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }

  /** Fails unless {@code origin} is an origin in the form the kit keeps. */
  static void checkOrigin(String origin) {
    Preconditions.check(origin.equals(originOf(origin, "origin")), "origin",
        "must be an origin: scheme http or https, a host and an optional port, lower case, nothing else");
  }

  /**
   * Returns the origin of an absolute http(s) URL: the scheme and host in lower case and the port unless it is the
   * scheme's default; path, query, fragment and user info are dropped unread.
   */
  private static String originOf(String url, String field) {
    int colon = url.indexOf("://");
    String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw InvalidInputException.of(field, "must be an absolute http or https URL");
    }
    int start = colon + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1); // user info can name a person
    try {
      URI parsed = new URI(scheme, authority, null, null, null);
      String host = parsed.getHost();
      int port = parsed.getPort();
      if (host == null || parsed.getRawUserInfo() != null || port > 65_535) {
        throw InvalidInputException.of(field, "must name a host, and a port of at most 65535 if any");
      }
      boolean defaultPort = port == -1 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
      String origin = scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
      Preconditions.check(origin.length() <= MAX_ORIGIN, field, "must have an origin of at most 200 characters");
      return origin;
    } catch (URISyntaxException e) {
      throw InvalidInputException.of(field, "must have a valid host and port");
    }
  }

  /**
   * How a signal arrived.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Source {
    /** The {@code Sec-GPC: 1} request header (GPC §3.3). */
    SEC_GPC_HEADER("Sec-GPC"),
    /** {@code navigator.globalPrivacyControl} was {@code true}, as reported by a page script (GPC §3.4). */
    NAVIGATOR_PROPERTY("navigator.globalPrivacyControl");

    private final String mechanism;

    Source(String mechanism) {
      this.mechanism = mechanism;
    }

    /** Returns the mechanism's name as the draft writes it; recorded as the form id of a withdrawal's proof. */
    public String mechanism() {
      return mechanism;
    }
  }
}

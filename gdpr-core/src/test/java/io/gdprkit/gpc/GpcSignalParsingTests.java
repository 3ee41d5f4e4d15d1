package io.gdprkit.gpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code Sec-GPC} header and {@code navigator.globalPrivacyControl} parsed as the W3C GPC draft says. */
class GpcSignalParsingTests {

  @Nested
  @DisplayName("GPC §3.3 with RFC 9110 §5.5: one field line")
  class OneLine {

    static Stream<Arguments> values() {
      return Stream.of(
          Arguments.of("1", true, "exactly the character 1"),
          Arguments.of(" 1 ", true, "spaces around it are not part of the field value (RFC 9110 §5.5)"),
          Arguments.of("\t1\t", true, "nor are horizontal tabs (RFC 9110 §5.6.3 OWS)"),
          Arguments.of(" \t 1", true, "any run of optional whitespace before it"),
          Arguments.of("0", false, "0 is not the valid value"),
          Arguments.of("true", false, "true is the DOM form (GPC §3.1), not a header value"),
          Arguments.of("1,1", false, "a comma-joined value is not exactly 1 (no list syntax, RFC 9110 §5.3)"),
          Arguments.of("1, 1", false, "nor with a space after the comma"),
          Arguments.of("1 1", false, "two values separated by a space"),
          Arguments.of("", false, "the empty value"),
          Arguments.of("   ", false, "whitespace only"),
          Arguments.of("01", false, "a leading zero"),
          Arguments.of("1.0", false, "a decimal"),
          Arguments.of("+1", false, "a sign"),
          Arguments.of("1;v=2", false, "a parameter: the field has no extension mechanism (GPC §3.3.1)"),
          Arguments.of("\"1\"", false, "a quoted string"),
          Arguments.of("\u00a01", false, "a no-break space is not optional whitespace"),
          Arguments.of("1\r\n", false, "CR LF is not optional whitespace"),
          Arguments.of("\uff11", false, "a full-width digit one"),
          Arguments.of("l", false, "the letter l"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → signal {1}: {2}")
    @MethodSource("values")
    @DisplayName("only the value 1, after the whitespace around it is excluded, is a signal; anything else is none")
    void onlyTheValueOneIsASignal(String value, boolean signal, String why) {
      Optional<GpcSignal> parsed = GpcSignal.fromHeaders(RequestHeaders.of(Map.of("Sec-GPC", List.of(value))));

      assertThat(parsed).as(why).isEqualTo(signal ? Optional.of(new GpcSignal(GpcSignal.Source.SEC_GPC_HEADER,
          null, null)) : Optional.empty());
      assertThat(GpcSignal.isValidValue(value)).as(why).isEqualTo(signal);
    }
  }

  @Nested
  @DisplayName("GPC §3.3: several field lines")
  class SeveralLines {

    static Stream<Arguments> lines() {
      return Stream.of(
          Arguments.of(List.of("1", "1"), true, "two lines of 1 count as one"),
          Arguments.of(List.of("0", "1"), true, "at least one line is exactly 1"),
          Arguments.of(List.of("true", " 1"), true, "the valid line may come last and carry whitespace"),
          Arguments.of(List.of("0", "true"), false, "no line is exactly 1"),
          Arguments.of(List.of("1, 1", "0"), false, "a joined line is not split"),
          Arguments.of(List.of(), false, "no line at all"));
    }

    @ParameterizedTest(name = "[{index}] {0} → signal {1}: {2}")
    @MethodSource("lines")
    @DisplayName("a request with several Sec-GPC lines carries the signal exactly when one of them is 1")
    void carriesTheSignalWhenAnyLineIsOne(List<String> values, boolean signal, String why) {
      Optional<GpcSignal> parsed = GpcSignal.fromHeaders(RequestHeaders.of(Map.of("Sec-GPC", values)));

      assertThat(parsed.isPresent()).as(why).isEqualTo(signal);
    }

    @Test
    @DisplayName("lines under differently cased names are one field, so a 1 under either counts")
    void mergesLinesUnderDifferentlyCasedNames() {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headers.put("Sec-GPC", List.of("0"));
      headers.put("sec-gpc", List.of("1"));

      assertThat(GpcSignal.fromHeaders(RequestHeaders.of(headers))).isPresent();
    }

    @Test
    @DisplayName("a view that returns null elements or lines is read as having no such line")
    void toleratesNullsFromAHeaderMap() {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headers.put(null, List.of("HTTP/1.1 200 OK"));
      headers.put("Sec-GPC", Arrays.asList(null, "0"));
      headers.put("SEC-GPC", null);

      assertThat(GpcSignal.fromHeaders(RequestHeaders.of(headers))).isEmpty();
      assertThat(GpcSignal.fromHeaders(name -> Arrays.asList((String) null))).isEmpty();
      assertThat(GpcSignal.fromHeaders(name -> null)).isEmpty();
    }
  }

  @Nested
  @DisplayName("RFC 9110 §5.1: field names are case-insensitive")
  class Names {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Sec-GPC", "sec-gpc", "SEC-GPC", "Sec-Gpc", "sEC-gPC"})
    @DisplayName("the name matches in any ASCII case, as HTTP/2 and HTTP/3 send it in lower case")
    void matchesTheNameInAnyAsciiCase(String name) {
      assertThat(GpcSignal.fromHeaders(RequestHeaders.of(Map.of(name, List.of("1"))))).isPresent();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\u017fec-gpc", "Sec-GPC ", "Sec_GPC", "X-Sec-GPC", "Sec-GPC-Extra", "GPC", "DNT"})
    @DisplayName("other names are other fields, including one that only Unicode case folding would match")
    void ignoresOtherNames(String name) {
      assertThat(GpcSignal.fromHeaders(RequestHeaders.of(Map.of(name, List.of("1"))))).isEmpty();
    }

    @Test
    @DisplayName("a request without the field carries no signal")
    void findsNoSignalWithoutTheField() {
      assertThat(GpcSignal.fromHeaders(RequestHeaders.of(Map.of()))).isEmpty();
      assertThat(GpcSignal.fromHeaders(RequestHeaders.of(Map.of("User-Agent", List.of("Firefox/140.0"))))).isEmpty();
    }
  }

  @Nested
  @DisplayName("GPC §3.4: navigator.globalPrivacyControl")
  class Navigator {

    @Test
    @DisplayName("true is the signal, from the navigator property")
    void readsTrueAsTheSignal() {
      assertThat(GpcSignal.fromNavigator(true)).hasValueSatisfying(signal ->
          assertThat(signal.source()).isEqualTo(GpcSignal.Source.NAVIGATOR_PROPERTY));
    }

    @Test
    @DisplayName("false (preference disabled or unset, GPC §3.2) is no signal")
    void readsFalseAsNoSignal() {
      assertThat(GpcSignal.fromNavigator(false)).isEmpty();
    }
  }

  @Nested
  @DisplayName("evidence: page origin and user agent")
  class Evidence {

    @Test
    @DisplayName("the page is kept as its origin: path, query, fragment and user info are dropped (Art. 5(1)(c))")
    void keepsOnlyTheOriginOfThePage() {
      GpcSignal signal = GpcSignal.fromNavigator(true).orElseThrow();

      assertThat(signal.atPage("https://Shop.Example/checkout?email=alice@example.com#pay").origin())
          .isEqualTo("https://shop.example");
      assertThat(signal.atPage("HTTPS://alice:secret@shop.example:8443/a").origin())
          .isEqualTo("https://shop.example:8443");
      assertThat(signal.atPage("http://shop.example:80").origin()).isEqualTo("http://shop.example");
      assertThat(signal.atPage("https://[2001:db8::1]:443/x").origin()).isEqualTo("https://[2001:db8::1]");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"shop.example/checkout", "/checkout", "ftp://shop.example", "https://", "https:///x",
        "https://shop.example:99999", "https://shop example/"})
    @DisplayName("a page that is not an absolute http(s) URL is invalid input")
    void refusesAPageThatIsNoHttpUrl(String page) {
      GpcSignal signal = GpcSignal.fromNavigator(true).orElseThrow();

      assertThatThrownBy(() -> signal.atPage(page)).isInstanceOf(InvalidInputException.class)
          .hasMessageNotContaining(page);
    }

    @Test
    @DisplayName("the user agent of a single User-Agent line is taken along, and left out of toString()")
    void takesTheUserAgentAlongWithoutPrintingIt() {
      String firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

      GpcSignal signal = GpcSignal.fromHeaders(RequestHeaders.of(Map.of("sec-gpc", List.of("1"),
          "user-agent", List.of(firefox)))).orElseThrow();

      assertThat(signal.userAgent()).isEqualTo(firefox);
      assertThat(signal.toString()).doesNotContain("Firefox").contains("redacted");
    }

    @Test
    @DisplayName("an odd User-Agent never makes parsing fail; it is only not taken along")
    void dropsAnOddUserAgent() {
      Optional<GpcSignal> twoLines = GpcSignal.fromHeaders(RequestHeaders.of(Map.of("Sec-GPC", List.of("1"),
          "User-Agent", List.of("a", "b"))));
      Optional<GpcSignal> control = GpcSignal.fromHeaders(RequestHeaders.of(Map.of("Sec-GPC", List.of("1"),
          "User-Agent", List.of("bad\u0000agent"))));
      Optional<GpcSignal> huge = GpcSignal.fromHeaders(RequestHeaders.of(Map.of("Sec-GPC", List.of("1"),
          "User-Agent", List.of("x".repeat(5000)))));

      assertThat(Stream.of(twoLines, control, huge)).allSatisfy(signal ->
          assertThat(signal).hasValueSatisfying(s -> assertThat(s.userAgent()).isNull()));
    }
  }
}

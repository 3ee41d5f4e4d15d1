package io.gdprkit.gpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code /.well-known/gpc.json} support resource of GPC §4, produced by the kit for the host to serve. */
class GpcSupportResourceTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  @DisplayName("GPC §4.1: a kit that honours signals states gpc true and its lastUpdate as an RFC 3339 full-date")
  void statesSupportWithTheDateOfTheStatement() {
    GdprKit gdpr = GdprKit.builder()
        .purpose(Purpose.of("ad-sharing", LegalBasis.CONSENT, "Sharing with ad partners"))
        .gpc(GpcPolicy.defaults().withWithdrawal("ad-sharing").withLastUpdate(LocalDate.of(2026, 12, 7)))
        .build();

    GpcSupportResource resource = gdpr.gpc().supportResource();
    JsonNode json = JSON.readTree(resource.toJson());

    assertThat(resource.toJson()).isEqualTo("{\"gpc\":true,\"lastUpdate\":\"2026-12-07\"}");
    assertThat(json.isObject()).isTrue();
    assertThat(json.get("gpc").isBoolean()).isTrue();
    assertThat(json.get("gpc").booleanValue()).isTrue();
    assertThat(json.get("lastUpdate").stringValue()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(LocalDate.parse(json.get("lastUpdate").stringValue())).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(json.propertyNames()).containsExactly("gpc", "lastUpdate");
  }

  @Test
  @DisplayName("GPC §4.1: without a mapping the kit states gpc false, and without a date it leaves lastUpdate out")
  void statesNoSupportWithoutAMapping() {
    GpcSupportResource resource = GdprKit.builder().build().gpc().supportResource();

    assertThat(resource).isEqualTo(new GpcSupportResource(false, null));
    assertThat(resource.toJson()).isEqualTo("{\"gpc\":false}");
    assertThat(JSON.readTree(resource.toJson()).propertyNames()).containsExactly("gpc");
  }

  @Test
  @DisplayName("GPC §4 and RFC 8615: the resource's well-known path and its media type")
  void namesItsPathAndMediaType() {
    assertThat(GpcSupportResource.PATH).isEqualTo("/.well-known/gpc.json");
    assertThat(GpcSupportResource.MEDIA_TYPE).isEqualTo("application/json");
  }

  @Test
  @DisplayName("RFC 3339 full-date: the year has four digits, padded below 1000, and a fifth digit is refused")
  void keepsTheYearToFourDigits() {
    assertThat(new GpcSupportResource(true, LocalDate.of(999, 1, 2)).toJson())
        .isEqualTo("{\"gpc\":true,\"lastUpdate\":\"0999-01-02\"}");
    assertThatThrownBy(() -> new GpcSupportResource(true, LocalDate.of(10_000, 1, 1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> GpcPolicy.defaults().withLastUpdate(LocalDate.of(-1, 1, 1)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("the policy maps at most 48 purposes, so the signal's audit entry can name each")
  void boundsThePolicy() {
    String[] many = java.util.stream.IntStream.range(0, 49).mapToObj(i -> "p" + i).toArray(String[]::new);

    assertThatThrownBy(() -> GpcPolicy.defaults().withWithdrawal(many)).isInstanceOf(InvalidInputException.class);
    assertThat(GpcPolicy.defaults().withWithdrawal("a").withObjection("b").withWithdrawal("c").withdrawals())
        .isEqualTo(List.of("a", "c"));
  }
}

package io.gdprkit.jpa.gpc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprStoreException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("the JSON columns of the GPC signal table")
class GpcJsonTests {

  @Test
  @DisplayName("the purposes a signal withdrew or objected to (Art. 7(3), Art. 21) come back in order, none lost")
  void purposesRoundTrip() {
    List<String> purposes = List.of("newsletter", "ad-sharing", "a\"quoted\\one", "größe ✓ 𝄞", "");

    String json = GpcJson.purposes(purposes);

    assertThat(GpcJson.purposes(json, "withdrawn")).containsExactlyElementsOf(purposes);
    assertThat(GpcJson.purposes(GpcJson.purposes(List.of()), "objected")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{}", "[1]", "[null]", "[\"a\"] x", "[[\"a\"]]", "[\"a\""})
  @DisplayName("a purposes column the store did not write fails as a store error that names the column only")
  void refusesForeignText(String text) {
    assertThatThrownBy(() -> GpcJson.purposes(text, "withdrawn"))
        .isInstanceOf(GdprStoreException.class)
        .hasMessageContaining("withdrawn column")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\"a\""));
  }
}

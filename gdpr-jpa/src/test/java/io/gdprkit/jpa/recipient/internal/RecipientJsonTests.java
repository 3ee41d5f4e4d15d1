package io.gdprkit.jpa.recipient.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprStoreException;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Sensitivity;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("the JSON columns of the recipient tables")
class RecipientJsonTests {

  @Test
  @DisplayName("data categories of a disclosure (Art. 15(1)(b)) come back equal, with quotes, non-ASCII and every sensitivity")
  void categoriesRoundTrip() {
    Set<DataCategory> categories = Set.of(DataCategory.CONTACT_DETAILS, DataCategory.HEALTH,
        DataCategory.of("loyalty", "Punkte \"Treue\" \\ Prämien ✓ 𝄞", Sensitivity.SENSITIVE));

    String json = RecipientJson.categories(categories);

    assertThat(RecipientJson.categories(json)).isEqualTo(categories);
    assertThat(json).startsWith("[{\"id\":\"contact-details\"");
  }

  @Test
  @DisplayName("categories are written in id order, so equal sets give equal text")
  void categoriesAreWrittenInIdOrder() {
    String one = RecipientJson.categories(Set.of(DataCategory.HEALTH, DataCategory.BEHAVIOURAL));
    String other = RecipientJson.categories(Set.of(DataCategory.BEHAVIOURAL, DataCategory.HEALTH));

    assertThat(one).isEqualTo(other).contains("behavioural").matches(".*behavioural.*health.*");
  }

  @Test
  @DisplayName("the details of an Art. 19 notice come back equal, in key order")
  void detailsRoundTrip() {
    Map<String, String> details = Map.of("scope", "EVERYTHING", "field", "e-mail \"work\"", "provider", "crm/ü");

    Map<String, String> read = RecipientJson.details(RecipientJson.details(details));

    assertThat(read).isEqualTo(details);
    assertThat(read.keySet()).containsExactly("field", "provider", "scope");
    assertThat(RecipientJson.details(RecipientJson.details(Map.of()))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{}", "[{\"id\":\"x\"}]", "[{\"id\":\"x\",\"description\":\"d\",\"sensitivity\":\"LOW\"}]",
      "[{\"id\":\"x\",\"description\":\"d\",\"sensitivity\":\"NORMAL\",\"more\":\"y\"}]", "[] []",
      "[{\"id\":\"x\",\"id\":\"y\",\"description\":\"d\",\"sensitivity\":\"NORMAL\"}]"})
  @DisplayName("a categories column the store did not write fails as a store error that does not quote it")
  void refusesForeignCategories(String text) {
    assertThatThrownBy(() -> RecipientJson.categories(text))
        .isInstanceOf(GdprStoreException.class)
        .hasMessageContaining("categories column")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\"x\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "{\"scope\":1}", "{\"scope\":null}", "{\"a\":\"b\"}x", "{\"a\":{\"b\":\"c\"}}"})
  @DisplayName("a details column the store did not write fails as a store error")
  void refusesForeignDetails(String text) {
    assertThatThrownBy(() -> RecipientJson.details(text))
        .isInstanceOf(GdprStoreException.class)
        .hasMessageContaining("details column");
  }
}

package io.gdprkit.spring.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.preference.Topic;
import io.gdprkit.preference.UnknownTopicException;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListUnsubscribeHeadersTests {

  private static final SubjectId ALICE = SubjectId.of("contact-42");
  private static final URI ENDPOINT = URI.create("https://shop.example/gdpr/self-service/unsubscribe");

  private final GdprKit kit = GdprKit.builder().allowGeneratedKeys()
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter"))
      .topic(Topic.of("newsletter", "Monthly newsletter", "newsletter"))
      .build();

  @Test
  void pointsTheHttpsUriAtTheEndpointWithTheKitsUnsubscribeTokenAndAnnouncesOneClick() {
    Map<String, String> fields = ListUnsubscribeHeaders.of(kit.preferences(), ENDPOINT, null)
        .forTopic(ALICE, "newsletter");

    assertThat(List.copyOf(fields.keySet())).containsExactly("List-Unsubscribe", "List-Unsubscribe-Post");
    assertThat(fields.get("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    String value = fields.get("List-Unsubscribe");
    assertThat(value).matches("<https://shop\\.example/gdpr/self-service/unsubscribe\\?token=[A-Za-z0-9._-]+>");
    String token = value.substring(value.indexOf("token=") + 6, value.length() - 1);
    assertThat(kit.preferences().unsubscribe(token).subject()).isEqualTo(ALICE);
  }

  @Test
  void listsTheMailtoUriAfterTheHttpsOne() {
    String value = ListUnsubscribeHeaders.of(kit.preferences(), ENDPOINT, "unsubscribe@shop.example")
        .forAllTopics(ALICE).get("List-Unsubscribe");

    assertThat(value).matches("<https://[^>]+>, <mailto:unsubscribe@shop\\.example\\?subject=unsubscribe%20[A-Za-z0-9._-]+>");
  }

  @Test
  void refusesAnythingButAnHttpsEndpointAndAPlainMailbox() {
    assertThatThrownBy(() -> ListUnsubscribeHeaders.of(kit.preferences(), URI.create("http://shop.example/u"), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    assertThatThrownBy(() -> ListUnsubscribeHeaders.of(kit.preferences(), URI.create("https://shop.example/u?a=1"),
        null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListUnsubscribeHeaders.of(kit.preferences(), ENDPOINT, "a@b.example>, <https://evil"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnUndeclaredTopic() {
    ListUnsubscribeHeaders headers = ListUnsubscribeHeaders.of(kit.preferences(), ENDPOINT, null);

    assertThatThrownBy(() -> headers.forTopic(ALICE, "lottery")).isInstanceOf(UnknownTopicException.class);
  }
}

package io.gdprkit.examples.crm.preferences;

import io.gdprkit.GdprKit;
import io.gdprkit.preference.Topic;
import io.gdprkit.spring.selfservice.ListUnsubscribeHeaders;
import io.gdprkit.spring.selfservice.SelfServiceProperties;
import io.gdprkit.spring.selfservice.SelfServiceScope;
import io.gdprkit.spring.selfservice.SelfServiceTokens;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The signed links and header fields of the demo's marketing e-mail: the preference center (Art. 7(3), 21(2): changing
 * one's mind is as easy as the first choice), a one-click unsubscribe per topic, and the {@code List-Unsubscribe}
 * fields a mailbox provider turns into its own unsubscribe button (RFC 8058).
 *
 * <p>The preference center link carries the {@link SelfServiceScope#PREFERENCES} scope only: e-mail gets forwarded,
 * and a forwarded newsletter must not hand a stranger the subject's data. The download link is sent separately, when
 * the subject asks for it, to the address on record, and verifies for one hour.
 */
@Component
public class PreferenceLinks {

  /** How long a download link sent from the preference center verifies. */
  static final Duration EXPORT_LINK_VALIDITY = Duration.ofHours(1);

  private final GdprKit gdpr;
  private final SelfServiceTokens tokens;
  private final SelfServiceProperties selfService;
  private final @Nullable ListUnsubscribeHeaders headers;

  PreferenceLinks(GdprKit gdpr, SelfServiceTokens tokens, SelfServiceProperties selfService,
      ObjectProvider<ListUnsubscribeHeaders> headers) {
    this.gdpr = gdpr;
    this.tokens = tokens;
    this.selfService = selfService;
    this.headers = headers.getIfAvailable();
  }

  /** Returns the subject's preference center link under {@code baseUrl}, such as {@code http://localhost:8080}. */
  public String preferenceCenter(String baseUrl, SubjectId subject) {
    return baseUrl + PreferenceCenterController.PATH + "?token="
        + tokens.issue(subject, EnumSet.of(SelfServiceScope.PREFERENCES));
  }

  /** Returns the one-click unsubscribe link for one topic, which needs no login (Art. 7(3), 21(3)). */
  public String unsubscribe(String baseUrl, SubjectId subject, String topic) {
    return baseUrl + "/unsubscribe?token=" + gdpr.preferences().unsubscribeToken(subject, topic);
  }

  /**
   * Returns the footer of a marketing e-mail about {@code topics}: the preference center and one unsubscribe link per
   * declared topic (ids that are no topic are left out).
   */
  public String footer(String baseUrl, SubjectId subject, List<String> topics) {
    StringBuilder footer = new StringBuilder("\n\n--\nYour e-mail preferences, tracking and profiling, and your data: ")
        .append(preferenceCenter(baseUrl, subject));
    for (String topic : topics) {
      Topic declared = topic(topic);
      if (declared != null) {
        footer.append("\nUnsubscribe from ").append(declared.name()).append(" with one click: ")
            .append(unsubscribe(baseUrl, subject, topic));
      }
    }
    return footer.toString();
  }

  /**
   * Returns the {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} fields for a mail about {@code topics}:
   * for one topic that topic's, for several every topic's; empty when {@code gdpr.self-service.public-url} is not set
   * (RFC 8058 needs an https address) or no topic is declared.
   */
  public Map<String, String> headers(SubjectId subject, List<String> topics) {
    List<String> declared = topics.stream().filter(t -> topic(t) != null).toList();
    if (headers == null || declared.isEmpty()) {
      return Map.of();
    }
    return declared.size() == 1 ? headers.forTopic(subject, declared.get(0)) : headers.forAllTopics(subject);
  }

  /** Returns a download link for the subject's access export (Art. 15), on the starter's endpoint, valid one hour. */
  String export(String baseUrl, SubjectId subject) {
    return baseUrl + selfService.basePath() + "/export?format=json&kind=access&token="
        + tokens.issue(subject, EnumSet.of(SelfServiceScope.EXPORT), EXPORT_LINK_VALIDITY);
  }

  private @Nullable Topic topic(String id) {
    return gdpr.preferences().topics().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
  }
}

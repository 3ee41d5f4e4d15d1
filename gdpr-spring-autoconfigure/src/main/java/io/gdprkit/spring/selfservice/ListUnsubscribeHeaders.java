package io.gdprkit.spring.selfservice;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.preference.PreferenceService;
import io.gdprkit.subject.SubjectId;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} header fields (RFC 2369, RFC 8058) for one marketing
 * e-mail, signed for its recipient and topic.
 *
 * <p>Withdrawing consent must be as easy as giving it (Art. 7(3)), and an objection to direct marketing must stop it at
 * once (Art. 21(3)); mailbox providers show an "unsubscribe" button for these fields and, per RFC 8058, send a POST
 * with the body {@code List-Unsubscribe=One-Click} to the HTTPS URI, which the self-service endpoint answers without
 * cookies, redirects or a login. The URI carries the kit's own unsubscribe token
 * ({@link PreferenceService#unsubscribeToken}), which names the subject's opaque id and the topic only. An optional
 * {@code mailto:} URI, with the token in its subject, is listed after the HTTPS one for clients that only send mail;
 * the host's inbound mail handler passes that token to {@code gdpr.preferences().unsubscribe(token)}.
 *
 * <p><b>Warning:</b> RFC 8058 §4 requires a valid DKIM signature that covers both fields; sign the message with them
 * in the signed header list, or mailbox providers ignore the one-click POST. Thread-safe; needs no mail library.
 *
 * <p>Usage example, with Spring's {@code MimeMessageHelper}:
 * <pre>{@code headers.forTopic(alice, "newsletter").forEach((name, value) -> helper.getMimeMessage().setHeader(name, value));}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ListUnsubscribeHeaders {

  /** The field listing where to unsubscribe (RFC 2369). */
  public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";

  /** The field announcing the one-click POST (RFC 8058 §3.1). */
  public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";

  /** The only value of {@code List-Unsubscribe-Post}, and the body of the one-click POST (RFC 8058 §3.1). */
  public static final String ONE_CLICK = "List-Unsubscribe=One-Click";

  private static final Pattern MAILBOX = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=^_`{|}~-]+@[A-Za-z0-9.-]+");

  private final PreferenceService preferences;
  private final String endpoint;
  private final @Nullable String mailto;

  private ListUnsubscribeHeaders(PreferenceService preferences, String endpoint, @Nullable String mailto) {
    this.preferences = preferences;
    this.endpoint = endpoint;
    this.mailto = mailto;
  }

  /**
   * Returns headers that point at {@code endpoint}, the public URI of the self-service unsubscribe endpoint.
   *
   * @param endpoint an absolute {@code https} URI without a query, such as
   *     {@code https://shop.example/gdpr/self-service/unsubscribe}
   * @param mailto an address that accepts unsubscribe mail, such as {@code unsubscribe@shop.example}, or {@code null}
   * @throws IllegalArgumentException if the URI is not https, has a query or fragment, or the address is not a plain
   *     mailbox
   */
  public static ListUnsubscribeHeaders of(PreferenceService preferences, URI endpoint, @Nullable String mailto) {
    Objects.requireNonNull(preferences, "preferences");
    Objects.requireNonNull(endpoint, "endpoint");
    if (!"https".equals(endpoint.getScheme() == null ? null : endpoint.getScheme().toLowerCase(Locale.ROOT))
        || endpoint.getHost() == null || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "endpoint must be an absolute https URI with a host and no query or fragment (RFC 8058 §3.1)");
    }
    if (mailto != null && !MAILBOX.matcher(mailto).matches()) {
      throw new IllegalArgumentException("mailto must be a plain mailbox such as unsubscribe@example.com");
    }
    return new ListUnsubscribeHeaders(preferences, endpoint.toString(), mailto);
  }

  /**
   * Returns the two fields for a message about one topic, {@code List-Unsubscribe} first, in an insertion-ordered map.
   *
   * @throws io.gdprkit.preference.UnknownTopicException if the topic is not declared
   */
  public Map<String, String> forTopic(SubjectId subject, String topic) {
    return fields(preferences.unsubscribeToken(subject, topic));
  }

  /** Returns the two fields for a message whose unsubscribe ends every topic of the subject. */
  public Map<String, String> forAllTopics(SubjectId subject) {
    return fields(preferences.unsubscribeAllToken(subject));
  }

  private Map<String, String> fields(String token) {
    // The kit's tokens are URL-safe: Base64url and dots only, so they need no escaping in a URI or a mailto subject.
    StringBuilder value = new StringBuilder(endpoint.length() + token.length() + 16);
    value.append('<').append(endpoint).append("?token=").append(token).append('>');
    if (mailto != null) {
      value.append(", <mailto:").append(mailto).append("?subject=unsubscribe%20").append(token).append('>');
    }
    Map<String, String> fields = new LinkedHashMap<>(4);
    fields.put(LIST_UNSUBSCRIBE, value.toString());
    fields.put(LIST_UNSUBSCRIBE_POST, ONE_CLICK);
    return fields;
  }
}

package io.gdprkit.preference;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Subscription topics per subject, each backed by a consent purpose, with signed one-click unsubscribe
 * tokens for e-mail footers and {@code List-Unsubscribe} headers (RFC 8058).
 *
 * <p>Thread-safe. Unsubscribe tokens carry no expiry unless the kit sets one: a link in an old e-mail must
 * keep working, since withdrawing must be as easy as giving consent (Art. 7(3)). Rotating the key ring
 * keeps old links working until their key is retired.
 *
 * <p>Usage example: <pre>{@code
 * String link = "https://example.com/unsubscribe?t=" + gdpr.preferences().unsubscribeToken(alice, "newsletter");
 * // later, on the click, with no login:
 * gdpr.preferences().unsubscribe(tokenFromRequest);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public interface PreferenceService {

  /** Returns the declared topics, in declaration order. */
  List<Topic> topics();

  /** Returns the subject's standing on every topic. */
  List<Subscription> subscriptions(SubjectId subject);

  /**
   * Subscribes the subject: grants consent for the topic's purpose.
   *
   * @throws UnknownTopicException if the topic is not declared
   */
  ConsentEvent subscribe(SubjectId subject, String topic, ConsentProof proof);

  /** Unsubscribes the subject from one topic; succeeds, withdrawing nothing, if not subscribed. */
  UnsubscribeResult unsubscribe(SubjectId subject, String topic);

  /** Returns a signed token that unsubscribes the subject from one topic. */
  String unsubscribeToken(SubjectId subject, String topic);

  /** Returns a signed token that unsubscribes the subject from every topic. */
  String unsubscribeAllToken(SubjectId subject);

  /**
   * Unsubscribes as the token says, in one call, with no other input.
   *
   * @throws InvalidTokenException if the token is malformed, forged, signed by a retired key or expired
   */
  UnsubscribeResult unsubscribe(String token);
}

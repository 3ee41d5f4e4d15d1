package io.gdprkit.examples.marketing;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.subject.SubjectId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes the CRM's consents to a purpose the companion also serves (its {@code ConsentGranted} and
 * {@code ConsentConfirmed} events) as sign-ups: the subscriber is added under the CRM's pseudonym and the consent is
 * recorded here with a proof that names the CRM as where it was given. Its own events, which come back through the
 * same exchange, are skipped.
 */
final class SignupListener implements MessageListener {

  static final Set<String> SIGNUP_TYPES = Set.of("ConsentGranted", "ConsentConfirmed");

  private static final Logger log = LoggerFactory.getLogger(SignupListener.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final GdprKit gdpr;
  private final Subscribers subscribers;
  private final String ownSource;
  private final Clock clock;

  SignupListener(GdprKit gdpr, Subscribers subscribers, String ownSource, Clock clock) {
    this.gdpr = gdpr;
    this.subscribers = subscribers;
    this.ownSource = ownSource;
    this.clock = clock;
  }

  @Override
  public void onMessage(Message message) {
    MessageProperties properties = message.getMessageProperties();
    String source = properties.getAppId();
    if (source == null || source.equals(ownSource) || !SIGNUP_TYPES.contains(properties.getType())) {
      return;
    }
    JsonNode payload;
    UUID id;
    try {
      payload = JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
      id = UUID.fromString(String.valueOf(properties.getMessageId()));
    } catch (JacksonException | IllegalArgumentException e) {
      throw new AmqpRejectAndDontRequeueException("not a gdpr-kit consent event", e);
    }
    String pseudonym = payload.path("subject").asString("");
    String purpose = payload.path("purpose").asString("");
    if (pseudonym.isEmpty() || gdpr.purposes().getOrNull(purpose) == null) {
      return; // a purpose the companion does not serve: nothing to subscribe to
    }
    SubjectId subscriber = subscribers.findOrAdd(pseudonym, id, clock.instant());
    if (gdpr.consents().state(subscriber, purpose).isEmpty() && !gdpr.erasure().wasErased(subscriber)) {
      gdpr.consents().grant(subscriber, purpose, ConsentProof.api(source)
          .noticeText("Given in " + source + ", event " + id).build());
      log.info("A {} sign-up arrived from {}", purpose, source);
    }
  }
}

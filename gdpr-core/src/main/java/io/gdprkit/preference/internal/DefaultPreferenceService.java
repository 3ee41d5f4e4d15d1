package io.gdprkit.preference.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentNotGrantedException;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentService;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.TokenSigner;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.preference.PreferenceService;
import io.gdprkit.preference.Subscription;
import io.gdprkit.preference.Topic;
import io.gdprkit.preference.UnknownTopicException;
import io.gdprkit.preference.UnsubscribeResult;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Topics over the consent service, and unsubscribe tokens signed by the kit's key ring.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultPreferenceService implements PreferenceService {

  private static final String TOKEN_KIND = "uns1";
  private static final String ALL_TOPICS = "*";

  private final ConsentService consents;
  private final Map<String, Topic> topics;
  private final TokenSigner tokens;
  private final Clock clock;
  private final @Nullable Duration tokenValidity;

  /**
   * Creates the service and checks the topics against the purposes.
   *
   * @param tokenValidity how long unsubscribe tokens verify, or {@code null} for as long as their key exists
   * @throws InvalidInputException if two topics share an id or a purpose
   * @throws LegalBasisMismatchException if a topic's purpose is not a consent purpose
   */
  public DefaultPreferenceService(ConsentService consents, PurposeRegistry purposes, List<Topic> topics, KeyRing keys,
      Clock clock, @Nullable Duration tokenValidity) {
    this.consents = consents;
    this.clock = clock;
    this.tokenValidity = tokenValidity;
    this.tokens = TokenSigner.of(keys, TOKEN_KIND);
    Map<String, Topic> byId = new LinkedHashMap<>();
    Map<String, String> topicByPurpose = new LinkedHashMap<>();
    for (Topic topic : topics) {
      Purpose purpose = purposes.get(topic.purpose());
      if (!purpose.needsConsent()) {
        throw LegalBasisMismatchException.of(purpose.id(), purpose.legalBasis(), LegalBasis.CONSENT,
            "back topic " + Messages.quote(topic.id()) + " with");
      }
      if (byId.putIfAbsent(topic.id(), topic) != null) {
        throw InvalidInputException.of("topic", Messages.quote(topic.id()) + " is declared twice");
      }
      String other = topicByPurpose.putIfAbsent(topic.purpose(), topic.id());
      if (other != null) {
        throw InvalidInputException.of("topic",
            Messages.quote(topic.id()) + " uses purpose " + Messages.quote(topic.purpose()) + " of topic "
                + Messages.quote(other) + "; each topic needs its own purpose");
      }
    }
    this.topics = byId;
  }

  @Override
  public List<Topic> topics() {
    return List.copyOf(topics.values());
  }

  @Override
  public List<Subscription> subscriptions(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    Instant now = clock.instant();
    List<Subscription> result = new ArrayList<>(topics.size());
    for (Topic topic : topics.values()) {
      ConsentState state = consents.current(subject).state(topic.purpose());
      result.add(state == null ? new Subscription(topic, false, null)
          : new Subscription(topic, state.isValidAt(now.toEpochMilli()), state.statusAt(now)));
    }
    return result;
  }

  @Override
  public ConsentEvent subscribe(SubjectId subject, String topic, ConsentProof proof) {
    return consents.grant(subject, topic(topic).purpose(), proof);
  }

  @Override
  public UnsubscribeResult unsubscribe(SubjectId subject, String topic) {
    Preconditions.notNull(subject, "subject");
    return unsubscribe(subject, List.of(topic(topic)), ConsentProof.of(ConsentChannel.API, Actor.subject()));
  }

  @Override
  public String unsubscribeToken(SubjectId subject, String topic) {
    return token(Preconditions.notNull(subject, "subject"), topic(topic).id());
  }

  @Override
  public String unsubscribeAllToken(SubjectId subject) {
    return token(Preconditions.notNull(subject, "subject"), ALL_TOPICS);
  }

  @Override
  public UnsubscribeResult unsubscribe(String token) {
    Instant now = clock.instant();
    Claim claim = Claim.of(tokens.verify(token, now));
    List<Topic> targets = claim.topic().equals(ALL_TOPICS) ? List.copyOf(topics.values()) : List.of(topic(claim.topic()));
    return unsubscribe(claim.subject(), targets,
        ConsentProof.of(ConsentChannel.UNSUBSCRIBE_LINK, Actor.subject()));
  }

  private UnsubscribeResult unsubscribe(SubjectId subject, List<Topic> targets, ConsentProof proof) {
    List<String> withdrawn = new ArrayList<>();
    List<String> notSubscribed = new ArrayList<>();
    for (Topic topic : targets) {
      ConsentState state = consents.current(subject).state(topic.purpose());
      if (state == null || !ConsentState.takesEffect(state.status(), ConsentEventType.WITHDRAWN)) {
        notSubscribed.add(topic.id());
        continue;
      }
      try {
        consents.withdraw(subject, topic.purpose(), proof);
        withdrawn.add(topic.id());
      } catch (ConsentNotGrantedException raced) {
        notSubscribed.add(topic.id()); // withdrawn by another call in between: the outcome is the same
      }
    }
    return new UnsubscribeResult(subject, withdrawn, notSubscribed);
  }

  private String token(SubjectId subject, String topic) {
    Instant expiresAt = tokenValidity == null ? null : clock.instant().plus(tokenValidity);
    return tokens.sign(List.of(subject.tenant().value(), subject.value(), topic), expiresAt);
  }

  private Topic topic(String id) {
    Topic topic = topics.get(Preconditions.notNull(id, "topic"));
    if (topic == null) {
      throw UnknownTopicException.of(id);
    }
    return topic;
  }

  private record Claim(SubjectId subject, String topic) {

    static Claim of(List<String> fields) {
      try {
        if (fields.size() != 3) {
          throw InvalidTokenException.of(InvalidTokenException.Reason.MALFORMED);
        }
        return new Claim(SubjectId.of(TenantId.of(fields.get(0)), fields.get(1)), fields.get(2));
      } catch (InvalidInputException e) {
        throw InvalidTokenException.of(InvalidTokenException.Reason.MALFORMED);
      }
    }
  }
}

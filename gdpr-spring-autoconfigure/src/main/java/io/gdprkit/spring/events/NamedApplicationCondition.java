package io.gdprkit.spring.events;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application has a name to put on the events it sends, {@code gdpr.events.source} or else
 * {@code spring.application.name}: two unnamed applications would each take the other's events for their own echoes
 * and drop them. Without a name the broker wiring stays off, and {@link GdprEventsAutoConfiguration} says so at
 * start-up, rather than stopping a host that uses RabbitMQ for something else.
 */
final class NamedApplicationCondition extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String source = context.getEnvironment().getProperty("gdpr.events.source");
    String name = context.getEnvironment().getProperty("spring.application.name");
    if (valid(source) || (source == null && valid(name))) {
      return ConditionOutcome.match("the application has a name for its events");
    }
    return ConditionOutcome.noMatch("neither gdpr.events.source nor spring.application.name names the application");
  }

  static boolean valid(String name) {
    return name != null && !name.isBlank() && name.length() <= 64;
  }
}

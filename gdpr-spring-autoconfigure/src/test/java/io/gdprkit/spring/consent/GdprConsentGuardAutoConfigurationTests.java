package io.gdprkit.spring.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.decision.ProcessingNotPermittedException;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import io.gdprkit.subject.SubjectId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code @RequiresConsent} lets a call through only when the kit allows the purpose for the subject. */
class GdprConsentGuardAutoConfigurationTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class, GdprConsentGuardAutoConfiguration.class))
      .withUserConfiguration(Mailing.class)
      .withPropertyValues("gdpr.purposes.newsletter.basis=CONSENT",
          "gdpr.purposes.newsletter.description=Monthly newsletter");

  @Test
  void letsACallThroughForASubjectWhoConsented() {
    runner.run(context -> {
      grant(context.getBean(GdprKit.class), "c-1");
      Newsletter newsletter = context.getBean(Newsletter.class);

      newsletter.send(new Contact("c-1"));

      assertThat(newsletter.sent()).hasValue(1);
    });
  }

  @Test
  void deniesACallForASubjectWithoutConsentBeforeTheMethodRuns() {
    runner.run(context -> {
      Newsletter newsletter = context.getBean(Newsletter.class);

      assertThatThrownBy(() -> newsletter.send(new Contact("c-2")))
          .isInstanceOf(ProcessingNotPermittedException.class);

      assertThat(newsletter.sent()).hasValue(0);
    });
  }

  @Test
  void findsTheSubjectByArgumentPosition() {
    runner.run(context -> {
      grant(context.getBean(GdprKit.class), "c-3");
      Newsletter newsletter = context.getBean(Newsletter.class);

      newsletter.sendTo("c-3");

      assertThatThrownBy(() -> newsletter.sendTo("c-4")).isInstanceOf(ProcessingNotPermittedException.class);
      assertThat(newsletter.sent()).hasValue(1);
    });
  }

  @Test
  void asksTheSubjectResolverWhenNoExpressionIsGiven() {
    runner.withBean(SubjectResolver.class, () -> (method, arguments) -> SubjectId.of("current-user"))
        .run(context -> {
          Newsletter newsletter = context.getBean(Newsletter.class);
          assertThatThrownBy(newsletter::sendToCurrentUser).isInstanceOf(ProcessingNotPermittedException.class);

          grant(context.getBean(GdprKit.class), "current-user");
          newsletter.sendToCurrentUser();

          assertThat(newsletter.sent()).hasValue(1);
        });
  }

  @Test
  void leavesMethodsUnguardedWhenSwitchedOff() {
    runner.withPropertyValues("gdpr.consent-guard.enabled=false").run(context -> {
      Newsletter newsletter = context.getBean(Newsletter.class);

      newsletter.send(new Contact("c-5"));

      assertThat(AopUtils.isAopProxy(newsletter)).isFalse();
      assertThat(newsletter.sent()).hasValue(1);
    });
  }

  @Test
  void staysOffWithoutSpringAop() {
    runner.withClassLoader(new FilteredClassLoader(Advisor.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("gdprConsentGuardAdvisor"));
  }

  private static void grant(GdprKit gdpr, String subject) {
    gdpr.consents().grant(SubjectId.of(subject), "newsletter", ConsentProof.webForm("signup", "v1").build());
  }

  record Contact(String id) {}

  /** A host service without an interface, as most are. */
  static class Newsletter {

    private final AtomicInteger sent = new AtomicInteger();

    // A method, not the field: the field of a class proxy is not the target's.
    public AtomicInteger sent() {
      return sent;
    }

    @RequiresConsent(value = "newsletter", subject = "#contact.id")
    public void send(Contact contact) {
      sent.incrementAndGet();
    }

    @RequiresConsent(value = "newsletter", subject = "#p0")
    public void sendTo(String subjectId) {
      sent.incrementAndGet();
    }

    @RequiresConsent("newsletter")
    public void sendToCurrentUser() {
      sent.incrementAndGet();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Mailing {
    @Bean
    Newsletter newsletter() {
      return new Newsletter();
    }
  }
}

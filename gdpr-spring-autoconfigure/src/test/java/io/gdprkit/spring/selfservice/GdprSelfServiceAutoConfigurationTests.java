package io.gdprkit.spring.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.gdprkit.GdprKit;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class GdprSelfServiceAutoConfigurationTests {

  private static final AutoConfigurations CONFIGURATIONS =
      AutoConfigurations.of(GdprAutoConfiguration.class, GdprSelfServiceAutoConfiguration.class);

  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(CONFIGURATIONS).withPropertyValues("gdpr.jpa.enabled=false");

  @Test
  void servesTheEndpointsInAServletApplicationWithTheKit() {
    web.run(context -> {
      assertThat(context).hasSingleBean(SelfServiceTokens.class);
      assertThat(context).hasSingleBean(SelfServiceController.class);
      assertThat(context).hasSingleBean(SelfServiceExceptionHandler.class);
      assertThat(context).hasSingleBean(TokenRateLimiter.class);
      assertThat(context).doesNotHaveBean(ListUnsubscribeHeaders.class);
    });
  }

  @Test
  void backsOffForTheHostsOwnRateLimiterAndTheEndpointsTakeTheirPermitsFromIt() {
    AtomicLong nanos = new AtomicLong();
    TokenRateLimiter own = new TokenRateLimiter(1, Duration.ofMinutes(1), 10, nanos::get);
    web.withBean(TokenRateLimiter.class, () -> own).run(context -> {
      assertThat(context.getBean(TokenRateLimiter.class)).isSameAs(own);
      SelfServiceTokens tokens = context.getBean(SelfServiceTokens.class);
      String token = tokens.issue(SubjectId.of("rate-limited"), EnumSet.of(SelfServiceScope.PREFERENCES));
      assertThat(own.acquire(token)).as("the host's page took the token's only permit").isZero();
      MockHttpServletRequest request = new MockHttpServletRequest("GET", "/gdpr/self-service/preferences");
      request.addHeader("Authorization", "Bearer " + token);
      assertThatThrownBy(() -> context.getBean(SelfServiceController.class)
          .preferences(request, new MockHttpServletResponse()))
          .as("the endpoint shares the window").isInstanceOf(SelfServiceProblem.class);
    });
  }

  @Test
  void backsOffWithoutAKit() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GdprSelfServiceAutoConfiguration.class))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(SelfServiceTokens.class);
          assertThat(context).doesNotHaveBean(SelfServiceController.class);
        });
  }

  @Test
  void issuesTokensAndHeadersButServesNothingOutsideAWebApplication() {
    new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
        .withPropertyValues("gdpr.jpa.enabled=false", "gdpr.self-service.public-url=https://shop.example")
        .run(context -> {
          assertThat(context).hasSingleBean(SelfServiceTokens.class);
          assertThat(context).hasSingleBean(ListUnsubscribeHeaders.class);
          assertThat(context).doesNotHaveBean(SelfServiceController.class);
        });
  }

  @Test
  void switchesTheEndpointsOffByProperty() {
    web.withPropertyValues("gdpr.self-service.enabled=false").run(context -> {
      assertThat(context).hasSingleBean(SelfServiceTokens.class);
      assertThat(context).doesNotHaveBean(SelfServiceController.class);
    });
  }

  @Test
  void servesNoEndpointsWithoutCaffeineForTheRateLimiter() {
    web.withClassLoader(new FilteredClassLoader(Caffeine.class)).run(context -> {
      assertThat(context).hasSingleBean(SelfServiceTokens.class);
      assertThat(context).doesNotHaveBean(SelfServiceController.class);
    });
  }

  @Test
  void letsTheEndpointsPastSpringSecurityUnlessToldNotTo() {
    web.run(context -> assertThat(context).hasBean("gdprSelfServiceSecurityBypass"));
    web.withPropertyValues("gdpr.self-service.bypass-spring-security=false")
        .run(context -> assertThat(context).doesNotHaveBean("gdprSelfServiceSecurityBypass")
            .hasSingleBean(SelfServiceController.class));
    web.withClassLoader(new FilteredClassLoader(WebSecurityCustomizer.class))
        .run(context -> assertThat(context).doesNotHaveBean("gdprSelfServiceSecurityBypass")
            .hasSingleBean(SelfServiceController.class));
  }

  @Test
  void backsOffForTheHostsOwnTokensAndHeaders() {
    GdprKit own = GdprKit.builder().allowGeneratedKeys().build();
    SelfServiceTokens tokens = SelfServiceTokens.of(own, Duration.ofDays(1));
    ListUnsubscribeHeaders headers = ListUnsubscribeHeaders.of(own.preferences(),
        java.net.URI.create("https://mail.example/u"), null);

    web.withPropertyValues("gdpr.self-service.public-url=https://shop.example")
        .withBean(SelfServiceTokens.class, () -> tokens)
        .withBean(ListUnsubscribeHeaders.class, () -> headers)
        .run(context -> {
          assertThat(context.getBean(SelfServiceTokens.class)).isSameAs(tokens);
          assertThat(context.getBean(ListUnsubscribeHeaders.class)).isSameAs(headers);
        });
  }

  @Test
  void bindsTheProperties() {
    web.withPropertyValues("gdpr.self-service.base-path=/privacy", "gdpr.self-service.token-validity=2d",
            "gdpr.self-service.rate-limit.requests=7", "gdpr.self-service.max-body-size=1KB",
            "gdpr.self-service.public-url=https://shop.example/",
            "gdpr.self-service.list-unsubscribe.mailto=unsubscribe@shop.example")
        .run(context -> {
          SelfServiceProperties properties = context.getBean(SelfServiceProperties.class);
          assertThat(properties.basePath()).isEqualTo("/privacy");
          assertThat(properties.tokenValidity()).isEqualTo(Duration.ofDays(2));
          assertThat(properties.rateLimit().requests()).isEqualTo(7);
          assertThat(properties.rateLimit().period()).isEqualTo(Duration.ofMinutes(1));
          assertThat(properties.maxBodySize().toBytes()).isEqualTo(1024);
          assertThat(properties.unsubscribeEndpoint()).hasToString("https://shop.example/privacy/unsubscribe");
          assertThat(properties.listUnsubscribe().mailto()).isEqualTo("unsubscribe@shop.example");
        });
  }

  @Test
  void mapsTheEndpointsUnderTheConfiguredBasePath() {
    web.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class))
        .withPropertyValues("gdpr.self-service.base-path=/privacy")
        .run(context -> {
          RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
              RequestMappingHandlerMapping.class);
          assertThat(mapping.getHandlerMethods().keySet()).flatMap(info -> info.getPatternValues())
              .contains("/privacy/preferences", "/privacy/unsubscribe", "/privacy/export", "/privacy/erasure-request")
              .noneMatch(path -> path.startsWith(SelfServiceProperties.DEFAULT_BASE_PATH));
        });
  }

  @Test
  void stopsStartUpOnABadPropertyNamingIt() {
    String[][] bad = {
        {"gdpr.self-service.public-url=http://shop.example", "gdpr.self-service.public-url"},
        {"gdpr.self-service.base-path=privacy", "gdpr.self-service.base-path"},
        {"gdpr.self-service.token-validity=0s", "gdpr.self-service.token-validity"},
        {"gdpr.self-service.rate-limit.requests=0", "gdpr.self-service.rate-limit.requests"},
        {"gdpr.self-service.max-body-size=10MB", "gdpr.self-service.max-body-size"}};
    for (String[] property : bad) {
      web.withPropertyValues(property[0]).run(context -> assertThat(context).getFailure()
          .rootCause().hasMessageContaining(property[1]));
    }
  }
}

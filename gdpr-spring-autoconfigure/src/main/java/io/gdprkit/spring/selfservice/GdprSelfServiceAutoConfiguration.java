package io.gdprkit.spring.selfservice;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.gdprkit.GdprKit;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import java.net.URI;
import org.apiguardian.api.API;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The data subject's self-service: {@link SelfServiceTokens} and, with {@code gdpr.self-service.public-url} set,
 * {@link ListUnsubscribeHeaders} for any application that has the kit, and in a servlet web application the
 * token-gated endpoints under {@code gdpr.self-service.base-path} unless {@code gdpr.self-service.enabled=false}.
 *
 * <p>A host's own {@code SelfServiceTokens} or {@code ListUnsubscribeHeaders} bean replaces the one built here. The
 * endpoints ask the {@link GdprKit} bean for everything, so they follow whatever stores and keys it was built with.
 * With Spring Security present, the endpoints' paths are left out of its filters (they carry their own token check,
 * and a one-click unsubscribe comes without session or CSRF token) unless
 * {@code gdpr.self-service.bypass-spring-security=false}.
 *
 * <p>Usage example: <pre>{@code gdpr.self-service.public-url=https://shop.example}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@AutoConfiguration(after = GdprAutoConfiguration.class)
@ConditionalOnBean(GdprKit.class)
@EnableConfigurationProperties(SelfServiceProperties.class)
public final class GdprSelfServiceAutoConfiguration {

  GdprSelfServiceAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  SelfServiceTokens selfServiceTokens(GdprKit kit, SelfServiceProperties properties) {
    return SelfServiceTokens.of(kit, properties.tokenValidity());
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty("gdpr.self-service.public-url")
  ListUnsubscribeHeaders listUnsubscribeHeaders(GdprKit kit, SelfServiceProperties properties) {
    URI endpoint = properties.unsubscribeEndpoint();
    if (endpoint == null) {
      throw new IllegalStateException("gdpr.self-service.public-url is set but could not be read");
    }
    return ListUnsubscribeHeaders.of(kit.preferences(), endpoint, properties.listUnsubscribe().mailto());
  }

  /** The endpoints, in a servlet web application with Spring MVC and Caffeine. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass({DispatcherServlet.class, Caffeine.class})
  @ConditionalOnBooleanProperty(name = "gdpr.self-service.enabled", matchIfMissing = true)
  static final class Endpoints {

    /** The per-token window the endpoints take a permit from; a host's own self-service pages may share it. */
    @Bean
    @ConditionalOnMissingBean
    TokenRateLimiter gdprSelfServiceRateLimiter(SelfServiceProperties properties) {
      return TokenRateLimiter.of(properties.rateLimit());
    }

    @Bean
    SelfServiceController gdprSelfServiceController(GdprKit kit, SelfServiceTokens tokens,
        TokenRateLimiter limiter, SelfServiceProperties properties) {
      return new SelfServiceController(kit, tokens, limiter, (int) properties.maxBodySize().toBytes(),
          properties.formVersion());
    }

    @Bean
    SelfServiceExceptionHandler gdprSelfServiceExceptionHandler() {
      return new SelfServiceExceptionHandler();
    }

    /**
     * Lets the endpoints past the host's Spring Security filters: they check their own signed tokens, and a mailbox
     * provider's one-click POST (RFC 8058) comes with no session, no login and no CSRF token. Ignoring the paths,
     * rather than defining a filter chain, leaves Spring Boot's default chain for the rest of the application in place.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({WebSecurityCustomizer.class, PathPatternRequestMatcher.class})
    @ConditionalOnBooleanProperty(name = "gdpr.self-service.bypass-spring-security", matchIfMissing = true)
    static final class SecurityBypass {

      @Bean
      WebSecurityCustomizer gdprSelfServiceSecurityBypass(SelfServiceProperties properties) {
        return web -> web.ignoring()
            .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(properties.basePath() + "/**"));
      }
    }
  }
}

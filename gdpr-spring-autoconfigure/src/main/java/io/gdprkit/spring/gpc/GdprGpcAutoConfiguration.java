package io.gdprkit.spring.gpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprKit;
import io.gdprkit.gpc.GpcSupportResource;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import org.apiguardian.api.API;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Global Privacy Control in a servlet web application: serves {@code /.well-known/gpc.json} (unless
 * {@code gdpr.gpc.well-known-enabled=false}) and, when the host defines a {@link GpcSubjectResolver} bean, records
 * {@code Sec-GPC: 1} headers for the subject it names (unless {@code gdpr.gpc.enabled=false}).
 *
 * <p>With Spring Security present, {@code gpc.json} is left out of its filters, as a public resource. The filter runs
 * right after Spring Security's filter chain, so the resolver sees the authenticated principal. A
 * host's own filter bean named {@code gdprGpcSignalFilter} replaces it.
 *
 * <p>Usage example: <pre>{@code @Bean GpcSubjectResolver gpcSubjects(Visitors v) { return v::subjectOf; }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@AutoConfiguration(after = GdprAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(GdprKit.class)
@EnableConfigurationProperties(GpcProperties.class)
public final class GdprGpcAutoConfiguration {

  /** Spring Security's filter chain runs at -100; this comes right after it. */
  static final int FILTER_ORDER = -90;

  GdprGpcAutoConfiguration() {}

  @Bean
  @ConditionalOnBean(GpcSubjectResolver.class)
  @ConditionalOnMissingBean(name = "gdprGpcSignalFilter")
  @ConditionalOnBooleanProperty(name = "gdpr.gpc.enabled", matchIfMissing = true)
  FilterRegistrationBean<GpcSignalFilter> gdprGpcSignalFilter(GdprKit kit, GpcSubjectResolver subjects) {
    FilterRegistrationBean<GpcSignalFilter> registration =
        new FilterRegistrationBean<>(new GpcSignalFilter(kit, subjects));
    registration.setName("gdprGpcSignalFilter");
    registration.setOrder(FILTER_ORDER);
    return registration;
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "gdpr.gpc.well-known-enabled", matchIfMissing = true)
  GpcSupportController gdprGpcSupportController(GdprKit kit, GpcProperties properties) {
    return new GpcSupportController(kit, properties.lastUpdate());
  }

  /** Lets user agents read the public support resource past the host's Spring Security filters. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({WebSecurityCustomizer.class, PathPatternRequestMatcher.class})
  @ConditionalOnBooleanProperty(name = "gdpr.gpc.well-known-enabled", matchIfMissing = true)
  static final class SecurityBypass {

    @Bean
    WebSecurityCustomizer gdprGpcSecurityBypass() {
      return web -> web.ignoring()
          .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(GpcSupportResource.PATH));
    }
  }
}

package io.gdprkit.spring.web;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The admin endpoints, their error advice, body limit, security and OpenAPI group; on when Spring Security guards
 * them or the host says it guards them itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "gdpr.web.admin.enabled", matchIfMissing = true)
@Conditional(AdminEndpointsConfiguration.GuardedCondition.class)
@Import({ConsentController.class, RequestController.class, ExportController.class, ErasureController.class,
    RestrictionController.class, ProcessingRecordController.class, MinimisationController.class,
    BreachController.class, RecipientController.class, AuditController.class, GdprProblemAdvice.class,
    AdminSecurityConfiguration.class, AdminOpenApiConfiguration.class})
class AdminEndpointsConfiguration {

  private static final String SECURITY = "org.springframework.security.web.SecurityFilterChain";

  /** Answers a body larger than {@code gdpr.web.max-request-size} with 413, before it is read. */
  @Bean
  @ConditionalOnMissingBean(name = "gdprRequestSizeFilter")
  FilterRegistrationBean<RequestSizeFilter> gdprRequestSizeFilter(GdprWebProperties properties) {
    FilterRegistrationBean<RequestSizeFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeFilter(properties.maxRequestSize().toBytes()));
    registration.addUrlPatterns(properties.basePath() + "/*");
    // After Spring Security's filter (-100): a caller who may not call the endpoints learns nothing from a 413.
    registration.setOrder(0);
    return registration;
  }

  /** The tenant of each admin call, from {@code gdpr.web.tenant.header}; checked against the caller's roles. */
  @Bean
  AdminTenants gdprAdminTenants(GdprWebProperties properties) {
    return new AdminTenants(properties.tenant(), ClassUtils.isPresent(SECURITY, AdminTenants.class.getClassLoader()));
  }

  @Bean
  WebMvcConfigurer gdprAdminTenantsConfigurer(AdminTenants tenants) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(tenants);
      }

      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(tenants);
      }
    };
  }

  /** Spring Security on the classpath, or the host's explicit word that it guards the base path itself. */
  static final class GuardedCondition extends AnyNestedCondition {

    GuardedCondition() {
      super(ConfigurationPhase.PARSE_CONFIGURATION);
    }

    @ConditionalOnClass(name = "org.springframework.security.web.SecurityFilterChain")
    static final class SpringSecurityPresent {
    }

    @ConditionalOnBooleanProperty(name = "gdpr.web.admin.enabled-without-security")
    static final class EnabledWithoutSecurity {
    }
  }
}

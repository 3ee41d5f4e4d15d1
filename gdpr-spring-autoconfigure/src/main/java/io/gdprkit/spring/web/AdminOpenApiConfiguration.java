package io.gdprkit.spring.web;

import io.gdprkit.subject.TenantId;
import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Documents the admin endpoints as their own OpenAPI group, {@code gdpr-admin}, when springdoc is present. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springdoc.core.models.GroupedOpenApi")
class AdminOpenApiConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "gdprAdminOpenApi")
  GroupedOpenApi gdprAdminOpenApi(GdprWebProperties properties) {
    // the tenant comes from the header gdpr.web.tenant.header, resolved before the controller; no query parameter
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(TenantId.class);
    return GroupedOpenApi.builder().group("gdpr-admin").displayName("gdpr-kit admin")
        .pathsToMatch(properties.basePath() + "/**").build();
  }
}

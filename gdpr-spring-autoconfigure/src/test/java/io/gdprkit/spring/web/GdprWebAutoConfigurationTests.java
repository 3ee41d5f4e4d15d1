package io.gdprkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.DispatcherServlet;

/** When the admin endpoints, their security and their documentation are on, and when they back off. */
class GdprWebAutoConfigurationTests {

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class, GdprWebAutoConfiguration.class,
          SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
      .withPropertyValues("gdpr.jpa.enabled=false");

  @Test
  void guardsTheEndpointsWithAChainOfTheirOwnBesideBootsDefault() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(ConsentController.class).hasSingleBean(AuditController.class)
          .hasSingleBean(GdprProblemAdvice.class).hasBean("gdprRequestSizeFilter");
      assertThat(context).hasBean(AdminSecurityConfiguration.CHAIN);
      assertThat(context.getBean(AdminSecurityConfiguration.CHAIN)).isInstanceOf(Ordered.class)
          .extracting(chain -> ((Ordered) chain).getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 100);
      // Spring Boot's chain for the rest of the host is still there: the admin chain adds, it does not replace.
      assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(2);
    });
  }

  @Test
  void takesTheRoleOrderAndBasePathFromTheProperties() {
    runner.withPropertyValues("gdpr.web.base-path=/internal/gdpr", "gdpr.web.admin.role=DPO",
        "gdpr.web.admin.security-order=5").run(context -> {
          GdprWebProperties properties = context.getBean(GdprWebProperties.class);
          assertThat(properties.basePath()).isEqualTo("/internal/gdpr");
          assertThat(properties.admin().role()).isEqualTo("DPO");
          assertThat(((Ordered) context.getBean(AdminSecurityConfiguration.CHAIN)).getOrder()).isEqualTo(5);
        });
  }

  @Test
  void keepsTheEndpointsOffWithoutSpringSecurity() {
    runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ConsentController.class)
            .doesNotHaveBean(GdprProblemAdvice.class).doesNotHaveBean("gdprRequestSizeFilter"));
  }

  @Test
  void turnsTheEndpointsOnWithoutSpringSecurityOnlyWhenTheHostSaysItGuardsThem() {
    runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
        .withPropertyValues("gdpr.web.admin.enabled-without-security=true")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ConsentController.class)
            .doesNotHaveBean(AdminSecurityConfiguration.CHAIN));
  }

  @Test
  void backsOffForTheHostsOwnChainForTheEndpoints() {
    runner.withUserConfiguration(HostChain.class).run(context -> {
      assertThat(context.getBean(AdminSecurityConfiguration.CHAIN)).isSameAs(context.getBean(HostChain.class).chain);
      assertThat(context).hasSingleBean(ConsentController.class);
    });
  }

  @Test
  void ordersItsChainBeforeAHostChainThatMatchesEveryRequest() {
    runner.withUserConfiguration(HostCatchAll.class).run(context -> {
      List<SecurityFilterChain> chains = context.getBeanProvider(SecurityFilterChain.class).orderedStream().toList();
      assertThat(chains).hasSize(2);
      assertThat(chains.get(0)).isSameAs(context.getBean(AdminSecurityConfiguration.CHAIN));
    });
  }

  @Test
  void staysOffOutsideAServletWebApplication() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class, GdprWebAutoConfiguration.class))
        .withPropertyValues("gdpr.jpa.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GdprWebProperties.class)
            .doesNotHaveBean(ConsentController.class));
  }

  @Test
  void staysOffWithoutSpringMvc() {
    runner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ConsentController.class));
  }

  @Test
  void staysOffWithoutAKit() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GdprWebAutoConfiguration.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ConsentController.class));
  }

  @Test
  void staysOffWhenSwitchedOff() {
    runner.withPropertyValues("gdpr.web.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(ConsentController.class)
            .doesNotHaveBean(AdminSecurityConfiguration.CHAIN));
    runner.withPropertyValues("gdpr.web.admin.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(ConsentController.class)
            .doesNotHaveBean(AdminSecurityConfiguration.CHAIN));
  }

  @Test
  void documentsTheEndpointsOnlyWhenSpringdocIsPresent() {
    runner.run(context -> assertThat(context).hasSingleBean(GroupedOpenApi.class));
    runner.withClassLoader(new FilteredClassLoader("org.springdoc"))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ConsentController.class)
            .doesNotHaveBean("gdprAdminOpenApi"));
  }

  @Test
  void servesTheMinimisationReportOnlyWithGdprJpa() {
    runner.run(context -> assertThat(context).hasSingleBean(MinimisationController.class));
    runner.withClassLoader(new FilteredClassLoader("io.gdprkit.jpa"))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MinimisationController.class)
            .hasSingleBean(ProcessingRecordController.class));
  }

  @Test
  void refusesABasePathThatIsNotOneNamingTheProperty() {
    runner.withPropertyValues("gdpr.web.base-path=gdpr/").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("gdpr.web")
          .hasMessageContaining("basePath");
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class HostChain {

    SecurityFilterChain chain;

    @Bean(AdminSecurityConfiguration.CHAIN)
    SecurityFilterChain gdprAdminSecurityFilterChain(HttpSecurity http) throws Exception {
      chain = http.securityMatcher("/gdpr/**").authorizeHttpRequests(r -> r.anyRequest().hasRole("HOST_DPO"))
          .build();
      return chain;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class HostCatchAll {

    @Bean
    @Order(1)
    SecurityFilterChain hostChain(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(r -> r.anyRequest().permitAll()).build();
    }
  }
}

package io.gdprkit.spring.selfservice;

import static org.springframework.security.config.Customizer.withDefaults;

import io.gdprkit.gpc.GpcPolicy;
import io.gdprkit.preference.Topic;
import io.gdprkit.spring.autoconfigure.GdprKitCustomizer;
import io.gdprkit.spring.gpc.GpcSubjectResolver;
import io.gdprkit.subject.SubjectId;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host whose Spring Security chain wants a login for every request, with CSRF protection on, one private page, and a
 * GPC policy applied to the logged-in user. The security filter is registered at Spring Boot's order for it, as
 * spring-boot-security would, which this module leaves to the host.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWebSecurity
class SecuredTestApplication {

  @Bean
  GdprKitCustomizer topics() {
    return builder -> builder.topic(Topic.of("newsletter", "Monthly newsletter", "newsletter"))
        .gpc(GpcPolicy.defaults().withWithdrawal("ad-sharing"));
  }

  @Bean
  GpcSubjectResolver loggedInUser() {
    return request -> request.getUserPrincipal() == null ? null : SubjectId.of(request.getUserPrincipal().getName());
  }

  @Bean
  FilterRegistrationBean<Filter> securityFilterAtBootsOrder(@Qualifier("springSecurityFilterChain") Filter chain) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(chain);
    registration.setOrder(-100);
    return registration;
  }

  @Bean
  SecurityFilterChain everythingNeedsALogin(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated()).httpBasic(withDefaults())
        .build();
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(User.withUsername("staff").password("{noop}secret").roles("STAFF").build());
  }

  /** Registered as a member class of this configuration. */
  @RestController
  static class PrivatePage {

    @GetMapping("/private")
    String page() {
      return "private";
    }
  }
}

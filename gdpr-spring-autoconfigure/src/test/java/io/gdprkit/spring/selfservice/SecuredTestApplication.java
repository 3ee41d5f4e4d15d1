package io.gdprkit.spring.selfservice;

import static org.springframework.security.config.Customizer.withDefaults;

import io.gdprkit.preference.Topic;
import io.gdprkit.spring.autoconfigure.GdprKitCustomizer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
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
 * A host whose Spring Security chain wants a login for every request, with CSRF protection on, and one private page.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWebSecurity
class SecuredTestApplication {

  @Bean
  GdprKitCustomizer topics() {
    return builder -> builder.topic(Topic.of("newsletter", "Monthly newsletter", "newsletter"));
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

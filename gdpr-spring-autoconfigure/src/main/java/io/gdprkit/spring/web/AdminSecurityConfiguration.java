package io.gdprkit.spring.web;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Guards the base path with the admin role: its own filter chain, matching the base path only, ordered before the
 * host's chains, stateless and answering 401 and 403 with problem details.
 *
 * <p>It adds to the host's security instead of replacing it: this configuration runs after Spring Boot's default
 * chain is in place, so a host without a chain of its own keeps Boot's. A host replaces this chain by defining a bean
 * named {@code gdprAdminSecurityFilterChain}.
 *
 * <p>No session is read or made, so a browser's cookies grant nothing here; and 401 carries no
 * {@code WWW-Authenticate: Basic} challenge, so a browser never caches credentials for the base path that a forged
 * cross-site request could then use. That is why CSRF tokens are not asked for.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class})
class AdminSecurityConfiguration {

  static final String CHAIN = "gdprAdminSecurityFilterChain";

  @Bean(name = CHAIN)
  @ConditionalOnMissingBean(name = CHAIN)
  SecurityFilterChain gdprAdminSecurityFilterChain(HttpSecurity http, GdprWebProperties properties) throws Exception {
    String role = properties.admin().role();
    http.securityMatcher(properties.basePath() + "/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(role))
        .httpBasic(basic -> basic.authenticationEntryPoint(
            (request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED, "authentication is required")))
        .exceptionHandling(handling -> handling
            .authenticationEntryPoint(
                (request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED, "authentication is required"))
            .accessDeniedHandler((request, response, e) ->
                problem(response, HttpStatus.FORBIDDEN, "the caller lacks the role these endpoints require")))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable());
    return new OrderedChain(http.build(), properties.admin().securityOrder());
  }

  private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    response.getOutputStream().write(ProblemTypes.json(status, detail).getBytes(StandardCharsets.UTF_8));
  }

  /** A chain with an order from the properties: a plain chain bean can only take a constant {@code @Order}. */
  static final class OrderedChain implements SecurityFilterChain, Ordered {

    private final SecurityFilterChain delegate;
    private final int order;

    OrderedChain(SecurityFilterChain delegate, int order) {
      this.delegate = delegate;
      this.order = order;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
      return delegate.matches(request);
    }

    @Override
    public List<Filter> getFilters() {
      return delegate.getFilters();
    }

    @Override
    public int getOrder() {
      return order;
    }
  }
}

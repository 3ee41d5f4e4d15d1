package io.gdprkit.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** What the loopback HTTP benchmarks share: one call that must answer 200, and the host chain of a bare endpoint. */
final class LoopbackHttp {

  private LoopbackHttp() {}

  /** Sends the request and returns the body's length, failing unless the answer is 200. */
  static int call(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("status " + response.statusCode());
    }
    return response.body().length;
  }

  /** The host's chain for its bare endpoints under {@code /bare/**}: permitted, stateless, no CSRF token. */
  static SecurityFilterChain bareChain(HttpSecurity http) throws Exception {
    return http.securityMatcher("/bare/**").authorizeHttpRequests(r -> r.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable()).build();
  }
}

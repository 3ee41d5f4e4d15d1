package io.gdprkit.benchmarks;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.decision.Decision;
import io.gdprkit.subject.SubjectId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests per second of {@code decide} over loopback HTTP: the starter's admin endpoint against a bare Spring MVC
 * endpoint that a host would write itself, which asks the same kit and answers the same JSON.
 *
 * <p>One Spring Boot application on Tomcat serves both: {@code starter} calls
 * {@code GET /gdpr/subjects/{s}/decisions/newsletter} through the starter's own security chain (HTTP Basic, role
 * {@code GDPR_ADMIN}), its body-size filter and its problem advice; {@code bare} calls
 * {@code GET /bare/subjects/{s}/decisions/newsletter}, a controller of five lines behind a host chain that permits
 * it. Both answer {@code {"purpose":"newsletter","allowed":true,"reason":"CONSENT_GIVEN","legalBasis":"CONSENT"}}.
 * The two run at once in one JMH group, two client threads each (JDK {@code HttpClient}, HTTP/1.1 keep-alive), so they
 * share the machine's load; the difference is what the starter adds per request, HTTP Basic authentication included
 * (against a plain-text password: see {@link BenchmarkApplication#users()}).
 *
 * <p>Run, from the class path rather than the shaded jar (which does not merge Spring's {@code spring.factories}):
 * <pre>{@code
 * ./mvnw -q package -pl gdpr-benchmarks -am -DskipTests
 * ./mvnw -q dependency:build-classpath -pl gdpr-benchmarks -Dmdep.outputFile=cp.txt
 * flock /tmp/jmh.lock java -cp gdpr-benchmarks/target/classes:$(cat gdpr-benchmarks/cp.txt) org.openjdk.jmh.Main HttpDecideBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HttpDecideBenchmark {

  static final String SUBJECT = "bench-contact-1";
  static final String USER = "dpo";
  static final String PASSWORD = "dpo-secret";

  private ConfigurableApplicationContext app;
  private HttpClient client;
  private HttpRequest starterRequest;
  private HttpRequest bareRequest;

  @Setup(Level.Trial)
  public void start() throws IOException, InterruptedException {
    app = new SpringApplicationBuilder(BenchmarkApplication.class).properties(
        "server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN",
        "gdpr.jpa.enabled=false", "gdpr.purposes.newsletter.basis=CONSENT",
        "gdpr.purposes.newsletter.description=Monthly newsletter").run();
    GdprKit gdpr = app.getBean(GdprKit.class);
    gdpr.consents().grant(SubjectId.of(SUBJECT), "newsletter", ConsentProof.webForm("signup", "v1").build());
    String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    starterRequest = HttpRequest.newBuilder(URI.create(base + "/gdpr/subjects/" + SUBJECT + "/decisions/newsletter"))
        .header("Authorization", "Basic " + basic).GET().build();
    bareRequest = HttpRequest.newBuilder(URI.create(base + "/bare/subjects/" + SUBJECT + "/decisions/newsletter"))
        .GET().build();
    String starter = client.send(starterRequest, HttpResponse.BodyHandlers.ofString()).body();
    String bare = client.send(bareRequest, HttpResponse.BodyHandlers.ofString()).body();
    if (!starter.equals(bare) || !starter.contains("\"allowed\":true")) {
      throw new IllegalStateException("the two endpoints must answer the same allowing decision");
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    app.close();
  }

  @Benchmark
  @Group("sideBySide")
  @GroupThreads(2)
  public int starter() throws IOException, InterruptedException {
    return call(starterRequest);
  }

  @Benchmark
  @Group("sideBySide")
  @GroupThreads(2)
  public int bare() throws IOException, InterruptedException {
    return call(bareRequest);
  }

  private int call(HttpRequest request) throws IOException, InterruptedException {
    return LoopbackHttp.call(client, request);
  }

  /** The host: the starter's auto-configuration, a bare decide endpoint, and a staff user with the admin role. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  public static class BenchmarkApplication {

    @Bean
    BareDecideController bareDecideController(GdprKit gdpr) {
      return new BareDecideController(gdpr);
    }

    /**
     * The staff user, with a plain-text password that stays plain: given the manager itself, Spring Security would
     * re-encode it with BCrypt after the first login (it is a {@code UserDetailsPasswordService}), and every request
     * of the stateless chain would then pay a BCrypt check, which measures BCrypt rather than the starter.
     */
    @Bean
    UserDetailsService users() {
      InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(
          User.withUsername(USER).password("{noop}" + PASSWORD).roles("GDPR_ADMIN").build());
      return manager::loadUserByUsername;
    }

    @Bean
    @Order(10)
    SecurityFilterChain bareChain(HttpSecurity http) throws Exception {
      return LoopbackHttp.bareChain(http);
    }
  }

  /** What a host writes without the starter. */
  @RestController
  public static class BareDecideController {

    private final GdprKit gdpr;

    BareDecideController(GdprKit gdpr) {
      this.gdpr = gdpr;
    }

    @GetMapping("/bare/subjects/{subject}/decisions/{purpose}")
    public DecisionJson decide(@PathVariable String subject, @PathVariable String purpose) {
      Decision decision = gdpr.decide(SubjectId.of(subject), purpose);
      return new DecisionJson(purpose, decision.allowed(), decision.reason().name(), decision.legalBasis().name());
    }
  }

  /** The same JSON as the starter's answer. */
  public record DecisionJson(String purpose, boolean allowed, String reason, String legalBasis) {
  }
}

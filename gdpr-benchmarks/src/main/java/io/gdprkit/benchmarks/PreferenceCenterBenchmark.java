package io.gdprkit.benchmarks;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.preference.Subscription;
import io.gdprkit.preference.Topic;
import io.gdprkit.spring.autoconfigure.GdprKitCustomizer;
import io.gdprkit.spring.selfservice.SelfServiceScope;
import io.gdprkit.spring.selfservice.SelfServiceTokens;
import io.gdprkit.subject.SubjectId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests per second of the self-service preference center over loopback HTTP: the starter's endpoints against bare
 * Spring MVC endpoints that a host would write itself, doing the same JSON work on the same kit.
 *
 * <p>One Spring Boot application on Tomcat, with Spring Security, serves both. {@code starter} calls
 * {@code GET /gdpr/self-service/preferences} and {@code POST /gdpr/self-service/preferences} with a signed token as
 * {@code Authorization: Bearer …}: the per-token rate limiter (set high enough never to refuse), the token's
 * signature and scope, the strict JSON parsing of the change, the consent proof of each topic turned on, the
 * {@code no-store} headers. {@code bare} calls {@code /bare/preferences} with the same token: a controller that
 * verifies it with the same {@link SelfServiceTokens}, reads the change with Jackson into a map, turns the topics on
 * or off through the same kit, and answers the same JSON, {@code {"topics":[{"id":…,"name":…,"subscribed":…}]}}
 * (checked at set-up). Each POST turns the topic {@code offers} of one of 256 subjects per client thread on or off,
 * alternately, so every request records a consent event. Both sides run at once in one JMH group, two client threads
 * each (JDK {@code HttpClient}, HTTP/1.1 keep-alive), client and server in one JVM, so they share the machine's load.
 *
 * <p>Run, from the class path rather than the shaded jar (which does not merge Spring's {@code spring.factories}):
 * <pre>{@code
 * ./mvnw -q package dependency:build-classpath -pl gdpr-benchmarks -am -Dmaven.test.skip=true -Dmdep.outputFile=cp.txt
 * flock /tmp/jmh.lock java -cp gdpr-benchmarks/target/classes:$(cat gdpr-benchmarks/cp.txt) org.openjdk.jmh.Main PreferenceCenterBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PreferenceCenterBenchmark {

  static final Set<SelfServiceScope> PREFERENCES = EnumSet.of(SelfServiceScope.PREFERENCES);
  static final int SUBJECTS_PER_THREAD = 256;

  ConfigurableApplicationContext app;
  HttpClient client;
  String base;
  SelfServiceTokens tokens;
  final AtomicInteger threads = new AtomicInteger();

  @Setup(Level.Trial)
  public void start() throws IOException, InterruptedException {
    app = new SpringApplicationBuilder(BenchmarkApplication.class).properties(
        "server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN",
        "gdpr.jpa.enabled=false", "gdpr.schedule.enabled=false",
        "gdpr.purposes.newsletter.basis=CONSENT", "gdpr.purposes.newsletter.description=Monthly newsletter",
        "gdpr.purposes.offers.basis=CONSENT", "gdpr.purposes.offers.description=Special offers",
        "gdpr.self-service.rate-limit.requests=2000000000", "gdpr.self-service.rate-limit.period=1s").run();
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    tokens = app.getBean(SelfServiceTokens.class);
    GdprKit gdpr = app.getBean(GdprKit.class);
    SubjectId check = SubjectId.of("bench-check");
    gdpr.preferences().subscribe(check, "newsletter", ConsentProof.webForm("signup", "v1").build());
    String token = tokens.issue(check, PREFERENCES);
    String starter = body(get("/gdpr/self-service/preferences", token));
    String bare = body(get("/bare/preferences", token));
    String starterChange = body(post("/gdpr/self-service/preferences", token, "{\"offers\": true}"));
    String bareChange = body(post("/bare/preferences", token, "{\"offers\": false}"));
    String starterBack = body(post("/gdpr/self-service/preferences", token, "{\"offers\": false}"));
    if (!starter.equals(bare) || !starter.equals(bareChange) || !starter.equals(starterBack)
        || !starterChange.contains("\"id\":\"offers\",\"name\":\"Special offers\",\"subscribed\":true")) {
      throw new IllegalStateException("the two sides must answer the same JSON: " + starter + " / " + bare);
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    app.close();
  }

  HttpRequest get(String path, String token) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET().build();
  }

  HttpRequest post(String path, String token, String json) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  String body(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** One client thread's subjects, each with its token, subscribed to the newsletter; and which to change next. */
  @State(Scope.Thread)
  public static class Client {

    final List<String> tokens = new ArrayList<>();
    long calls;

    @Setup(Level.Trial)
    public void subjects(PreferenceCenterBenchmark bench) {
      GdprKit gdpr = bench.app.getBean(GdprKit.class);
      int thread = bench.threads.incrementAndGet();
      for (int i = 0; i < SUBJECTS_PER_THREAD; i++) {
        SubjectId subject = SubjectId.of("bench-" + thread + "-" + i);
        gdpr.preferences().subscribe(subject, "newsletter", ConsentProof.webForm("signup", "v1").build());
        tokens.add(bench.tokens.issue(subject, PREFERENCES));
      }
    }

    /** The next subject's token; its {@code offers} topic goes on in one round over the subjects, off in the next. */
    String next() {
      return tokens.get((int) (calls % SUBJECTS_PER_THREAD));
    }

    String change() {
      return (calls++ / SUBJECTS_PER_THREAD) % 2 == 0 ? "{\"offers\": true}" : "{\"offers\": false}";
    }
  }

  @Benchmark
  @Group("show")
  @GroupThreads(2)
  public int starterShow(Client client) throws IOException, InterruptedException {
    return call(get("/gdpr/self-service/preferences", client.tokens.get((int) (client.calls++ % SUBJECTS_PER_THREAD))));
  }

  @Benchmark
  @Group("show")
  @GroupThreads(2)
  public int bareShow(Client client) throws IOException, InterruptedException {
    return call(get("/bare/preferences", client.tokens.get((int) (client.calls++ % SUBJECTS_PER_THREAD))));
  }

  @Benchmark
  @Group("change")
  @GroupThreads(2)
  public int starterChange(Client client) throws IOException, InterruptedException {
    String token = client.next();
    return call(post("/gdpr/self-service/preferences", token, client.change()));
  }

  @Benchmark
  @Group("change")
  @GroupThreads(2)
  public int bareChange(Client client) throws IOException, InterruptedException {
    String token = client.next();
    return call(post("/bare/preferences", token, client.change()));
  }

  private int call(HttpRequest request) throws IOException, InterruptedException {
    return LoopbackHttp.call(client, request);
  }

  /** The host: the starter's auto-configuration with two topics, and the bare preference center. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  public static class BenchmarkApplication {

    @Bean
    GdprKitCustomizer topics() {
      return builder -> builder.topic(Topic.of("newsletter", "Monthly newsletter", "newsletter"))
          .topic(Topic.of("offers", "Special offers", "offers"));
    }

    @Bean
    BarePreferenceController barePreferenceController(GdprKit gdpr, SelfServiceTokens tokens) {
      return new BarePreferenceController(gdpr, tokens);
    }

    @Bean
    @Order(10)
    SecurityFilterChain bareChain(HttpSecurity http) throws Exception {
      return LoopbackHttp.bareChain(http);
    }
  }

  /** What a host writes without the starter's self-service endpoints. */
  @RestController
  public static class BarePreferenceController {

    private final GdprKit gdpr;
    private final SelfServiceTokens tokens;

    BarePreferenceController(GdprKit gdpr, SelfServiceTokens tokens) {
      this.gdpr = gdpr;
      this.tokens = tokens;
    }

    @GetMapping("/bare/preferences")
    public PreferencesJson show(@RequestHeader("Authorization") String authorization) {
      return PreferencesJson.of(gdpr.preferences().subscriptions(subject(authorization)));
    }

    @PostMapping("/bare/preferences")
    public PreferencesJson change(@RequestHeader("Authorization") String authorization,
        @RequestBody Map<String, Boolean> wanted) {
      SubjectId subject = subject(authorization);
      Map<String, Boolean> current = new LinkedHashMap<>();
      gdpr.preferences().subscriptions(subject).forEach(s -> current.put(s.topic().id(), s.subscribed()));
      wanted.forEach((topic, on) -> {
        if (!on.equals(current.get(topic))) {
          if (on) {
            gdpr.preferences().subscribe(subject, topic, ConsentProof.webForm("bare-preferences", "1").build());
          } else {
            gdpr.preferences().unsubscribe(subject, topic);
          }
        }
      });
      return PreferencesJson.of(gdpr.preferences().subscriptions(subject));
    }

    private SubjectId subject(String authorization) {
      return tokens.verify(authorization.substring("Bearer ".length()), SelfServiceScope.PREFERENCES);
    }
  }

  /** The same JSON as the starter's preference center. */
  public record PreferencesJson(List<TopicJson> topics) {

    static PreferencesJson of(List<Subscription> subscriptions) {
      return new PreferencesJson(subscriptions.stream()
          .map(s -> new TopicJson(s.topic().id(), s.topic().name(), s.subscribed())).toList());
    }
  }

  /** One topic. */
  public record TopicJson(String id, String name, boolean subscribed) {
  }
}

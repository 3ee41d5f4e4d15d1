package io.gdprkit.spring.gpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.gpc.GpcSignal;
import io.gdprkit.gpc.GpcSignalRecord;
import io.gdprkit.gpc.GpcSignalRecorded;
import io.gdprkit.subject.SubjectId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Global Privacy Control over real HTTP: the request header recorded through the kit, and the support resource. */
@SpringBootTest(classes = GpcTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        // A host without Spring Security (the module's tests have it on their class path for the admin endpoints);
        // SelfServiceBehindSpringSecurityIntegrationTests shows the filter behind it.
        "spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "gdpr.web.enabled=false",
        "gdpr.jpa.enabled=false",
        "gdpr.purposes.ad-sharing.basis=CONSENT",
        "gdpr.purposes.ad-sharing.description=Sharing with advertising partners",
        "gdpr.gpc.last-update=2026-12-07"})
class GpcIntegrationTests {

  private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

  @LocalServerPort
  int port;

  @Autowired
  GdprKit kit;

  @Autowired
  List<GdprEvent> events;

  private final HttpClient http = HttpClient.newHttpClient();

  private SubjectId consentingVisitor() {
    SubjectId visitor = SubjectId.of("v-" + UUID.randomUUID());
    kit.consents().grant(visitor, "ad-sharing", ConsentProof.webForm("banner", "1").build());
    return visitor;
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  private long signalsRecorded() {
    return events.stream().filter(GpcSignalRecorded.class::isInstance).count();
  }

  @Test
  void recordsTheHeaderForTheResolvedSubjectWithItsProof() throws Exception {
    SubjectId visitor = consentingVisitor();

    HttpResponse<String> response = get("/page?email=alice%40example.com", "Sec-GPC", "1", "User-Agent", FIREFOX,
        GpcTestApplication.VISITOR, visitor.value());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok");
    List<GpcSignalRecord> history = kit.gpc().history(visitor);
    assertThat(history).singleElement().satisfies(record -> {
      assertThat(record.source()).isEqualTo(GpcSignal.Source.SEC_GPC_HEADER);
      assertThat(record.origin()).isEqualTo("http://localhost:" + port);
      assertThat(record.userAgentHash()).isNotBlank().doesNotContain("Firefox");
      assertThat(record.withdrawn()).containsExactly("ad-sharing");
    });
    assertThat(kit.decide(visitor, "ad-sharing").reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
  }

  @Test
  void recordsNothingWithoutTheHeaderOrWithAnotherValue() throws Exception {
    SubjectId visitor = consentingVisitor();

    get("/page", GpcTestApplication.VISITOR, visitor.value());
    get("/page", "Sec-GPC", "0", GpcTestApplication.VISITOR, visitor.value());
    get("/page", "Sec-GPC", "true", GpcTestApplication.VISITOR, visitor.value());

    assertThat(kit.gpc().history(visitor)).isEmpty();
    assertThat(kit.decide(visitor, "ad-sharing").allowed()).isTrue();
  }

  @Test
  void recordsNothingWhenNoSubjectIsResolved() throws Exception {
    long before = signalsRecorded();

    HttpResponse<String> response = get("/page", "Sec-GPC", "1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(signalsRecorded()).isEqualTo(before);
  }

  @Test
  void recordsARepeatedSignalOnce() throws Exception {
    SubjectId visitor = consentingVisitor();

    get("/page", "Sec-GPC", "1", GpcTestApplication.VISITOR, visitor.value());
    get("/page", "Sec-GPC", "1", GpcTestApplication.VISITOR, visitor.value());

    assertThat(kit.gpc().history(visitor)).hasSize(1);
  }

  @Test
  void servesTheSupportResource() throws Exception {
    HttpResponse<String> response = get("/.well-known/gpc.json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/json"));
    assertThat(response.body()).isEqualTo("{\"gpc\":true,\"lastUpdate\":\"2026-12-07\"}");
  }
}

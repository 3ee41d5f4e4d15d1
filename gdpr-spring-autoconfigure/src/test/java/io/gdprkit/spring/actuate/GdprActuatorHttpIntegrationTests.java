package io.gdprkit.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.breach.BreachDetails;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.request.RequestKind;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The {@code gdpr} endpoint and health over real HTTP, on an embedded server: the report lists an overdue request and
 * a breach near its 72 hours by id only, and health turns DOWN, with 503, once an audit entry is edited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gdpr.jpa.enabled=false",
    "gdpr.purposes.newsletter.basis=CONSENT", "gdpr.purposes.newsletter.description=Monthly newsletter",
    "management.endpoints.web.exposure.include=health,gdpr", "gdpr.actuator.audit-check-interval=0s",
    "management.endpoint.health.show-components=always", "management.endpoint.health.show-details=always",
    "spring.main.banner-mode=off", "gdpr.jpa.enabled=false", "gdpr.web.enabled=false",
    // Test keys only: the tamperable audit store is not an in-memory one, so the kit asks for its keys.
    "gdpr.keys.token[0].id=t1", "gdpr.keys.token[0].secret=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    "gdpr.keys.pseudonym.id=p1", "gdpr.keys.pseudonym.secret=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    "gdpr.keys.signing.id=s1", "gdpr.keys.signing.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    "gdpr.keys.key-encryption[0].id=kek1",
    "gdpr.keys.key-encryption[0].key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
class GdprActuatorHttpIntegrationTests {

  private static final SubjectId ALICE = SubjectId.of("alice-42");

  @SpringBootConfiguration
  @EnableAutoConfiguration(excludeName = {"org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
      // no Spring Security: the actuator as a host without it exposes it
      "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
  static class App {

    @Bean
    TamperableAuditStore auditStore() {
      return new TamperableAuditStore();
    }

    @Bean
    SettableClock clock() {
      return new SettableClock(Instant.parse("2026-12-01T09:00:00Z"));
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  GdprKit kit;

  @Autowired
  TamperableAuditStore auditStore;

  @Autowired
  SettableClock clock;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void reportsTheRegistersAndGoesDownWhenTheAuditChainIsEdited() throws Exception {
    kit.consents().grant(ALICE, "newsletter", ConsentProof.webForm("signup", "v1").build());
    kit.requests().receive(ALICE, RequestKind.ACCESS, Actor.subject());
    clock.advance(Duration.ofDays(40));
    kit.breaches().record(BreachDetails.of("Lost laptop"), clock.instant().minus(Duration.ofHours(60)),
        Actor.staff("dpo"));
    kit.audit().drainAll();

    HttpResponse<String> healthy = get("/actuator/health");
    HttpResponse<String> report = get("/actuator/gdpr");
    auditStore.editTimeOf(TenantId.DEFAULT, 0);
    HttpResponse<String> broken = get("/actuator/health");
    HttpResponse<String> brokenReport = get("/actuator/gdpr");

    assertThat(healthy.statusCode()).isEqualTo(200);
    assertThat(json(healthy).at("/components/gdpr/status").asString()).isEqualTo("UP");
    assertThat(report.statusCode()).isEqualTo(200);
    JsonNode registers = json(report);
    assertThat(registers.at("/counts/overdueRequests").asLong()).isEqualTo(1);
    assertThat(registers.at("/overdueRequests/0/kind").asString()).isEqualTo("ACCESS");
    assertThat(registers.at("/counts/breachesNearDeadline").asLong()).isEqualTo(1);
    assertThat(registers.at("/breachesNearDeadline/0/overdue").asBoolean()).isFalse();
    assertThat(registers.at("/audit/default/intact").asBoolean()).isTrue();
    assertThat(report.body()).doesNotContain("alice-42");
    assertThat(broken.statusCode()).isEqualTo(503);
    assertThat(json(broken).at("/status").asString()).isEqualTo("DOWN");
    assertThat(json(broken).at("/components/gdpr/details/default").asString()).startsWith("broken at position 0");
    assertThat(json(brokenReport).at("/audit/default/intact").asBoolean()).isFalse();
    assertThat(json(brokenReport).at("/audit/default/firstBadPosition").asLong()).isZero();
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JsonMapper.shared().readTree(response.body());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A clock the test moves forward. */
  static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

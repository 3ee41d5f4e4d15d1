package io.gdprkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.spring.web.AdminClient.Reply;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The admin endpoints act within the tenant the header {@code gdpr.web.tenant.header} names, the default tenant when
 * it is absent, and only for a caller with that tenant's role: one tenant's admin can neither read nor change another
 * tenant's subjects, requests, breaches, recipients or audit chain (issue 12).
 */
@SpringBootTest(classes = {WebTestApplication.class, AdminTenantsIntegrationTests.Admins.class},
    webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.allow-bean-definition-overriding=true",
        "gdpr.jpa.enabled=false",
        "gdpr.purposes.newsletter.basis=CONSENT",
        "gdpr.purposes.newsletter.description=Monthly newsletter",
        "gdpr.web.tenant.header=X-Gdpr-Tenant"})
class AdminTenantsIntegrationTests {

  private static final String HEADER = "X-Gdpr-Tenant";
  private static final String GRANT = """
      {"channel":"WEB_FORM","formId":"signup","formVersion":"v3"}""";
  private static final TenantId ACME = TenantId.of("acme");

  @LocalServerPort
  int port;

  @Autowired
  GdprKit gdpr;

  private AdminClient acme;
  private AdminClient globex;
  private AdminClient home;
  private String subject;

  /** Three admins, each with the admin role and the role of one tenant. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Admins {

    @Bean
    UserDetailsService users() {
      return new InMemoryUserDetailsManager(
          User.withUsername("acme-dpo").password("{noop}a").roles("GDPR_ADMIN", "GDPR_TENANT_acme").build(),
          User.withUsername("globex-dpo").password("{noop}g").roles("GDPR_ADMIN", "GDPR_TENANT_globex").build(),
          User.withUsername("dpo").password("{noop}d").roles("GDPR_ADMIN", "GDPR_TENANT_default").build());
    }
  }

  @BeforeEach
  void admins() {
    AdminClient client = AdminClient.at(port);
    acme = client.as("acme-dpo", "a");
    globex = client.as("globex-dpo", "g");
    home = client.as("dpo", "d");
    subject = "c-" + UUID.randomUUID();
  }

  private static Reply in(String tenant, AdminClient admin, String method, String path, String json) {
    var request = admin.request(path).header(HEADER, tenant);
    return admin.send(switch (method) {
      case "GET" -> request.GET();
      case "DELETE" -> request.DELETE();
      default -> request.header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
    });
  }

  private static void assertProblem(Reply reply, int status, String type) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().get("type").asString()).isEqualTo("urn:gdpr-kit:problem:" + type);
  }

  @Test
  void recordsAConsentWithinTheTenantTheHeaderNames() {
    Reply granted = in("acme", acme, "POST", "/gdpr/subjects/" + subject + "/consents/newsletter", GRANT);

    assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    assertThat(gdpr.decide(SubjectId.of(ACME, subject), "newsletter").allowed()).isTrue();
    assertThat(gdpr.decide(SubjectId.of(subject), "newsletter").allowed()).isFalse();
    assertThat(in("acme", acme, "GET", "/gdpr/subjects/" + subject + "/consents", "").status()).isEqualTo(200);
  }

  @Test
  void refusesAnotherTenantsAdminAndShowsItsOwnTenantNothing() {
    in("acme", acme, "POST", "/gdpr/subjects/" + subject + "/consents/newsletter", GRANT);
    String consents = "/gdpr/subjects/" + subject + "/consents";

    Reply named = in("acme", globex, "GET", consents, "");
    Reply own = in("globex", globex, "GET", consents, "");
    Reply withdrawn = in("acme", globex, "DELETE", consents + "/newsletter", "");
    Reply erased = in("acme", globex, "POST", "/gdpr/subjects/" + subject + "/erasure", "");
    Reply exported = in("acme", globex, "GET", "/gdpr/subjects/" + subject + "/export", "");

    assertProblem(named, 403, "tenant-not-permitted");
    assertProblem(own, 404, "unknown-subject");
    assertProblem(withdrawn, 403, "tenant-not-permitted");
    assertProblem(erased, 403, "tenant-not-permitted");
    assertProblem(exported, 403, "tenant-not-permitted");
    assertThat(named.body() + own.body()).doesNotContain(subject);
    assertThat(gdpr.decide(SubjectId.of(ACME, subject), "newsletter").allowed()).isTrue();
    assertThat(gdpr.erasure().wasErased(SubjectId.of(ACME, subject))).isFalse();
  }

  @Test
  void keepsEachTenantsRequestsToItself() {
    Reply submitted = in("acme", acme, "POST", "/gdpr/requests",
        "{\"subject\":\"" + subject + "\",\"kind\":\"ACCESS\"}");
    String id = submitted.json().get("id").asString();

    Reply read = in("globex", globex, "GET", "/gdpr/requests/" + id, "");
    Reply rejected = in("globex", globex, "POST", "/gdpr/requests/" + id + "/rejection", "{\"reason\":\"no\"}");
    Reply due = in("globex", globex, "GET", "/gdpr/requests/due?withinDays=366", "");
    Reply ownDue = in("acme", acme, "GET", "/gdpr/requests/due?withinDays=366", "");

    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    assertProblem(read, 404, "unknown-request");
    assertProblem(rejected, 404, "unknown-request");
    assertThat(due.body()).doesNotContain(id);
    assertThat(ownDue.body()).contains(id);
    assertThat(in("acme", acme, "GET", "/gdpr/requests/" + id, "").json().get("state").asString())
        .isEqualTo("RECEIVED");
  }

  @Test
  void keepsEachTenantsBreachesAndAuditChainToItself() {
    Reply recorded = in("acme", acme, "POST", "/gdpr/breaches",
        "{\"description\":\"laptop lost\",\"awareAt\":\"" + Instant.now() + "\"}");
    String id = recorded.json().get("id").asString();

    Reply listed = in("globex", globex, "GET", "/gdpr/breaches", "");
    Reply found = in("globex", globex, "GET", "/gdpr/breaches/" + id, "");
    Reply chain = in("globex", globex, "GET", "/gdpr/audit/verification?tenant=acme", "");

    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).doesNotContain(id);
    assertThat(found.status()).isEqualTo(404);
    assertProblem(chain, 403, "tenant-not-permitted");
    assertThat(in("acme", acme, "GET", "/gdpr/audit/verification", "").json().get("tenant").asString())
        .isEqualTo("acme");
  }

  @Test
  void actsWithinTheDefaultTenantWithoutTheHeaderForItsAdminOnly() {
    String consents = "/gdpr/subjects/" + subject + "/consents/newsletter";

    Reply tenantAdmin = acme.post(consents, GRANT);
    Reply defaultAdmin = home.post(consents, GRANT);

    assertProblem(tenantAdmin, 403, "tenant-not-permitted");
    assertThat(defaultAdmin.status()).as(defaultAdmin.body()).isEqualTo(201);
    assertThat(gdpr.decide(SubjectId.of(subject), "newsletter").allowed()).isTrue();
    assertThat(gdpr.decide(SubjectId.of(ACME, subject), "newsletter").allowed()).isFalse();
  }

  @Test
  void refusesAMalformedTenantWith400AndChangesNothing() {
    Reply reply = in("not a tenant!", acme, "POST", "/gdpr/subjects/" + subject + "/consents/newsletter", GRANT);

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(gdpr.consents().history(SubjectId.of(subject))).isEmpty();
  }
}

package io.gdprkit.spring.web;

import static io.gdprkit.spring.web.WebTestApplication.ADMIN;
import static io.gdprkit.spring.web.WebTestApplication.ADMIN_PASSWORD;
import static io.gdprkit.spring.web.WebTestApplication.CLERK;
import static io.gdprkit.spring.web.WebTestApplication.CLERK_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.AuditProofVerifier;
import io.gdprkit.audit.Checkpoint;
import io.gdprkit.audit.InclusionProof;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.IpPolicy;
import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.Relation;
import io.gdprkit.data.RelationType;
import io.gdprkit.request.InMemoryMailer;
import io.gdprkit.subject.PersonalDataAccess;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.spring.web.AdminClient.Reply;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every admin endpoint over real HTTP, as a back office calls it: what it answers, what it changes in the kit, and
 * how it refuses bad input, missing authentication and the wrong role, with a problem detail and nothing changed.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "gdpr.jpa.enabled=false",
    "gdpr.purposes.newsletter.basis=CONSENT",
    "gdpr.purposes.newsletter.description=Monthly newsletter",
    "gdpr.purposes.newsletter.direct-marketing=true",
    "gdpr.purposes.billing.basis=CONTRACT",
    "gdpr.purposes.billing.description=Invoices",
    "gdpr.purposes.fraud-checks.basis=LEGITIMATE_INTERESTS",
    "gdpr.purposes.fraud-checks.description=Fraud prevention",
    "gdpr.web.max-request-size=8KB"})
class GdprWebEndpointsIntegrationTests {

  private static final String GRANT = """
      {"channel":"WEB_FORM","formId":"signup","formVersion":"v3","noticeText":"We send a monthly newsletter.",
       "locale":"de-AT"}""";

  @LocalServerPort
  int port;

  @Autowired
  GdprKit gdpr;

  @Autowired
  InMemoryPersonalDataProvider contacts;

  @Autowired
  InMemoryMailer mailer;

  AdminClient admin;
  AdminClient clerk;
  AdminClient anonymous;

  @BeforeEach
  void clients() {
    anonymous = AdminClient.at(port);
    admin = anonymous.as(ADMIN, ADMIN_PASSWORD);
    clerk = anonymous.as(CLERK, CLERK_PASSWORD);
  }

  private static String fresh(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  private static void assertProblem(Reply reply, int status, String type) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("type").asString()).isEqualTo("urn:gdpr-kit:problem:" + type);
    assertThat(problem.path("title").asString()).isNotBlank();
    assertThat(problem.path("detail").asString()).isNotBlank();
  }

  @Nested
  class Consents {

    @Test
    void grantsWithTheProofTakenFromTheRequestAndReadsItBack() {
      String subject = fresh("c");

      Reply granted = admin.send(admin.request("/gdpr/subjects/" + subject + "/consents/newsletter")
          .header("Content-Type", "application/json").header("User-Agent", "Firefox/140 test")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(GRANT)));

      assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
      JsonNode event = granted.json();
      assertThat(event.path("type").asString()).isEqualTo("GRANTED");
      assertThat(event.path("proof").path("channel").asString()).isEqualTo("WEB_FORM");
      assertThat(event.path("proof").path("formId").asString()).isEqualTo("signup");
      assertThat(event.path("proof").path("locale").asString()).isEqualTo("de-AT");
      assertThat(event.path("proof").path("noticeSha256").asString()).hasSize(64);
      assertThat(event.path("proof").path("userAgentKept").asBoolean()).isTrue();
      assertThat(granted.body()).doesNotContain("Firefox/140", "127.0.0.1");
      ConsentProof kept = gdpr.consents().history(SubjectId.of(subject)).get(0).proof();
      assertThat(kept.userAgent()).isEqualTo("Firefox/140 test");
      assertThat(kept.ip()).isNotNull();
      // The loopback address the request came from, truncated by the kit's default IP policy.
      assertThat(kept.ip().policy()).isEqualTo(IpPolicy.TRUNCATE);
      assertThat(kept.ip().value().value(PersonalDataAccess.unredacted())).isIn("127.0.0.0", "0:0:0:0:0:0:0:0", "::");

      JsonNode current = admin.get("/gdpr/subjects/" + subject + "/consents").json();
      assertThat(current.path("consents").get(0).path("purpose").asString()).isEqualTo("newsletter");
      assertThat(current.path("consents").get(0).path("status").asString()).isEqualTo("GRANTED");
      assertThat(current.path("restricted").asBoolean()).isFalse();
      Reply history = admin.get("/gdpr/subjects/" + subject + "/consents/history?purpose=newsletter");
      assertThat(history.json().size()).isEqualTo(1);
      assertThat(admin.get("/gdpr/subjects/" + subject + "/decisions/newsletter").json().path("reason").asString())
          .isEqualTo("CONSENT_GIVEN");
    }

    @Test
    void withdrawsInTheCallersNameAndDecidesAsTheLedgerStoodAtAnEarlierInstant() throws InterruptedException {
      String subject = fresh("c");
      admin.post("/gdpr/subjects/" + subject + "/consents/newsletter", GRANT);
      Thread.sleep(5);
      Instant whileGranted = Instant.now();
      Thread.sleep(5);

      Reply withdrawn = admin.delete("/gdpr/subjects/" + subject + "/consents/newsletter");

      assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
      assertThat(withdrawn.json().path("type").asString()).isEqualTo("WITHDRAWN");
      assertThat(withdrawn.json().path("proof").path("recordedBy").path("id").asString()).isEqualTo(ADMIN);
      JsonNode now = admin.get("/gdpr/subjects/" + subject + "/decisions/newsletter").json();
      assertThat(now.path("allowed").asBoolean()).isFalse();
      assertThat(now.path("reason").asString()).isEqualTo("CONSENT_WITHDRAWN");
      JsonNode then = admin.get("/gdpr/subjects/" + subject + "/decisions/newsletter?at=" + whileGranted).json();
      assertThat(then.path("allowed").asBoolean()).isTrue();
      assertThat(then.path("consent").path("type").asString()).isEqualTo("GRANTED");
      assertThat(admin.get("/gdpr/subjects/" + subject + "/consents/history").json().size()).isEqualTo(2);
    }

    @Test
    void grantsOnBehalfOfTheSubjectOverThePhoneInTheCallersName() {
      String subject = fresh("c");

      Reply granted = admin.post("/gdpr/subjects/" + subject + "/consents/newsletter",
          "{\"channel\":\"PHONE\",\"ip\":\"203.0.113.9\"}");

      assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
      assertThat(granted.json().path("proof").path("recordedBy").path("type").asString()).isEqualTo("STAFF");
      assertThat(gdpr.consents().history(SubjectId.of(subject)).get(0).proof().ip().value()
          .value(PersonalDataAccess.unredacted())).as("the body's address, truncated").isEqualTo("203.0.113.0");
    }

    @Test
    void answersAnUnknownSubjectWith404NamingNobody() {
      String subject = fresh("nobody");

      Reply current = admin.get("/gdpr/subjects/" + subject + "/consents");
      Reply history = admin.get("/gdpr/subjects/" + subject + "/consents/history");

      assertProblem(current, 404, "unknown-subject");
      assertProblem(history, 404, "unknown-subject");
      assertThat(current.body()).doesNotContain(subject);
      assertThat(current.json().path("instance").asString()).startsWith("urn:uuid:");
    }

    @Test
    void refusesAnUndeclaredPurposeAndWritesNothing() {
      String subject = fresh("c");

      Reply reply = admin.post("/gdpr/subjects/" + subject + "/consents/telemarketing", GRANT);

      assertProblem(reply, 400, "unknown-purpose");
      assertThat(gdpr.consents().history(SubjectId.of(subject))).isEmpty();
      assertProblem(admin.get("/gdpr/subjects/" + subject + "/decisions/telemarketing"), 400, "unknown-purpose");
    }

    @Test
    void refusesMalformedJsonWithoutEchoingItAndWritesNothing() {
      String subject = fresh("c");

      Reply reply = admin.post("/gdpr/subjects/" + subject + "/consents/newsletter",
          "{\"channel\":\"WEB_FORM\",\"ip\":\"198.51.100.77\", alice@example.com");

      assertProblem(reply, 400, "malformed-body");
      assertThat(reply.body()).doesNotContain("198.51.100.77", "alice@example.com");
      assertThat(gdpr.consents().history(SubjectId.of(subject))).isEmpty();
    }

    @Test
    void refusesAValueOfTheWrongTypeAsMalformed() {
      String subject = fresh("c");

      Reply reply = admin.post("/gdpr/subjects/" + subject + "/consents/newsletter",
          "{\"channel\":\"CARRIER_PIGEON\"}");

      assertProblem(reply, 400, "malformed-body");
      assertThat(reply.body()).doesNotContain("CARRIER_PIGEON");
      assertThat(gdpr.consents().history(SubjectId.of(subject))).isEmpty();
    }

    @Test
    void refusesInvalidFieldsNamingThemButNotTheirValues() {
      String subject = fresh("c");

      Reply reply = admin.post("/gdpr/subjects/" + subject + "/consents/newsletter",
          "{\"noticeSha256\":\"not-a-hash-of-alice\",\"userAgent\":\"" + "x".repeat(600) + "\"}");

      assertProblem(reply, 400, "invalid-fields");
      List<String> fields = new ArrayList<>();
      reply.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
      assertThat(fields).containsExactlyInAnyOrder("channel", "noticeSha256", "userAgent");
      assertThat(reply.body()).doesNotContain("not-a-hash-of-alice", "xxxxxxxxxx");
      assertThat(gdpr.consents().history(SubjectId.of(subject))).isEmpty();
    }

    @Test
    void refusesAWebFormGrantWithoutItsFormAsInvalidInput() {
      String subject = fresh("c");

      Reply reply = admin.post("/gdpr/subjects/" + subject + "/consents/newsletter", "{\"channel\":\"WEB_FORM\"}");

      assertProblem(reply, 400, "invalid-input");
      assertThat(reply.json().path("field").asString()).isEqualTo("formId");
      assertThat(gdpr.consents().history(SubjectId.of(subject))).isEmpty();
    }

    @Test
    void refusesAWithdrawalOfAConsentNeverGivenWithConflict() {
      Reply reply = admin.delete("/gdpr/subjects/" + fresh("c") + "/consents/newsletter");

      assertProblem(reply, 409, "consent-not-granted");
    }

    @Test
    void refusesABodyThatIsNotJson() {
      String subject = fresh("c");

      Reply reply = admin.send(admin.request("/gdpr/subjects/" + subject + "/consents/newsletter")
          .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("yes")));

      assertProblem(reply, 415, "unsupported-media-type");
      assertThat(gdpr.consents().history(SubjectId.of(subject))).isEmpty();
    }

    @Test
    void refusesAnInstantThatIsNotOneWithoutEchoingIt() {
      Reply reply = admin.get("/gdpr/subjects/" + fresh("c") + "/decisions/newsletter?at=yesterday-at-noon");

      assertProblem(reply, 400, "invalid-parameters");
      assertThat(reply.body()).doesNotContain("yesterday-at-noon");
    }
  }

  @Nested
  class Guarding {

    @Test
    void refusesACallerWhoIsNotAuthenticatedAndWritesNothing() {
      String subject = fresh("c");

      Reply grant = anonymous.post("/gdpr/subjects/" + subject + "/consents/newsletter", GRANT);
      Reply read = anonymous.get("/gdpr/breaches");

      assertProblem(grant, 401, "unauthorized");
      assertProblem(read, 401, "unauthorized");
      assertThat(grant.headers().firstValue("WWW-Authenticate")).isEmpty();
      assertThat(gdpr.consents().history(SubjectId.of(subject))).isEmpty();
    }

    @Test
    void refusesWrongCredentials() {
      Reply reply = anonymous.as(ADMIN, "guess").get("/gdpr/breaches");

      assertProblem(reply, 401, "unauthorized");
    }

    @Test
    void refusesACallerWithoutTheAdminRoleAndWritesNothing() {
      String subject = fresh("c");
      int breaches = gdpr.breaches().breaches().size();

      Reply grant = clerk.post("/gdpr/subjects/" + subject + "/consents/newsletter", GRANT);
      Reply erase = clerk.post("/gdpr/subjects/" + subject + "/erasure");
      Reply breach = clerk.post("/gdpr/breaches", "{\"description\":\"lost laptop\",\"awareAt\":\""
          + Instant.now().minusSeconds(60) + "\"}");
      Reply export = clerk.get("/gdpr/subjects/" + subject + "/export");

      assertProblem(grant, 403, "forbidden");
      assertProblem(erase, 403, "forbidden");
      assertProblem(breach, 403, "forbidden");
      assertProblem(export, 403, "forbidden");
      assertThat(gdpr.consents().history(SubjectId.of(subject))).isEmpty();
      assertThat(gdpr.erasure().wasErased(SubjectId.of(subject))).isFalse();
      assertThat(gdpr.breaches().breaches()).hasSize(breaches);
    }

    @Test
    void refusesABodyOverTheLimitByItsLengthAndWritesNothing() {
      String subject = fresh("c");
      String large = "{\"channel\":\"API\",\"noticeText\":\"" + "n".repeat(9000) + "\"}";

      Reply reply = admin.post("/gdpr/subjects/" + subject + "/consents/newsletter", large);

      assertProblem(reply, 413, "content-too-large");
      assertThat(gdpr.consents().history(SubjectId.of(subject))).isEmpty();
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWhileReadingItAndWritesNothing() {
      String subject = fresh("c");
      byte[] large = ("{\"channel\":\"API\",\"noticeText\":\"" + "n".repeat(9000) + "\"}")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);

      Reply reply = admin.postChunked("/gdpr/subjects/" + subject + "/consents/newsletter", large);

      assertProblem(reply, 413, "content-too-large");
      assertThat(gdpr.consents().history(SubjectId.of(subject))).isEmpty();
    }

    @Test
    void leavesTheRestOfTheHostToItsOwnSecurity() {
      Reply reply = anonymous.get("/somewhere-else");

      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.headers().firstValue("WWW-Authenticate")).isPresent();
    }
  }

  @Nested
  class SubjectRequests {

    private static final Pattern TOKEN = Pattern.compile("dsar1\\.[A-Za-z0-9_.-]+");

    @Test
    void takesARequestFromReceiptToCompletionWithItsEvidence() {
      SubjectId subject = SubjectId.of(fresh("r"));
      String email = subject.value() + "@example.com";
      WebTestApplication.contact(contacts, subject, email);

      Reply received = admin.post("/gdpr/requests", "{\"subject\":\"" + subject.value()
          + "\",\"kind\":\"ACCESS\",\"channel\":\"EMAIL\",\"reference\":\"TICKET-7\",\"text\":\"Send me my data\"}");
      assertThat(received.status()).as(received.toString()).isEqualTo(201);
      String id = received.json().path("id").asString();
      assertThat(received.json().path("state").asString()).isEqualTo("RECEIVED");
      assertThat(received.json().path("article").asString()).isEqualTo("Art. 15");

      assertThat(admin.post("/gdpr/requests/" + id + "/verification").status()).isEqualTo(200);
      String mail = mailer.sent().stream().filter(m -> m.to().value(PersonalDataAccess.unredacted()).equals(email))
          .reduce((first, second) -> second).orElseThrow().body();
      Matcher token = TOKEN.matcher(mail);
      assertThat(token.find()).isTrue();
      Reply verified = admin.post("/gdpr/requests/" + id + "/verify", "{\"token\":\"" + token.group() + "\"}");
      assertThat(verified.json().path("state").asString()).as(verified.toString()).isEqualTo("IDENTITY_VERIFIED");
      assertThat(admin.post("/gdpr/requests/" + id + "/start").json().path("state").asString())
          .isEqualTo("IN_PROGRESS");
      Reply extended = admin.post("/gdpr/requests/" + id + "/extension",
          "{\"months\":2,\"reason\":\"Records held in three archives\"}");
      assertThat(Instant.parse(extended.json().path("deadline").asString()))
          .isAfter(Instant.parse(extended.json().path("dueAt").asString()));
      Reply completed = admin.post("/gdpr/requests/" + id + "/complete");

      assertThat(completed.json().path("state").asString()).as(completed.toString()).isEqualTo("COMPLETED");
      assertThat(admin.get("/gdpr/requests/" + id).json().path("version").asInt())
          .isEqualTo(completed.json().path("version").asInt());
      assertThat(admin.get("/gdpr/subjects/" + subject.value() + "/requests").json().size()).isEqualTo(1);
      JsonNode evidence = admin.get("/gdpr/requests/" + id + "/evidence").json();
      assertThat(evidence.path("format").asString()).isEqualTo("gdpr-kit/request-evidence/1");
      assertThat(evidence.path("received").path("reference").asString()).isEqualTo("TICKET-7");
      JsonNode signed = admin.get("/gdpr/requests/" + id + "/evidence?signed=true").json();
      assertThat(signed.path("sha256").asString()).hasSize(64);
      assertThat(signed.path("jws").asString().split("\\.")).hasSize(3);
    }

    @Test
    void listsOpenRequestsDueSoonAndNoneOverdue() {
      SubjectId subject = SubjectId.of(fresh("r"));
      String id = admin.post("/gdpr/requests", "{\"subject\":\"" + subject.value() + "\",\"kind\":\"ERASURE\"}")
          .json().path("id").asString();

      JsonNode due = admin.get("/gdpr/requests/due?withinDays=40&limit=1000").json();
      JsonNode overdue = admin.get("/gdpr/requests/overdue").json();

      List<String> ids = new ArrayList<>();
      due.forEach(request -> ids.add(request.path("id").asString()));
      assertThat(ids).contains(id);
      overdue.forEach(request -> assertThat(request.path("id").asString()).isNotEqualTo(id));
      assertProblem(admin.get("/gdpr/requests/due?withinDays=-1"), 400, "invalid-parameters");
    }

    @Test
    void rejectsARequestWithTheNoticeForTheSubject() {
      String id = admin.post("/gdpr/requests", "{\"subject\":\"" + fresh("r") + "\",\"kind\":\"OBJECTION\"}")
          .json().path("id").asString();

      Reply rejected = admin.post("/gdpr/requests/" + id + "/rejection", "{\"reason\":\"Manifestly unfounded\"}");

      assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
      assertThat(rejected.json().path("text").asString()).isNotBlank();
      assertThat(admin.get("/gdpr/requests/" + id).json().path("state").asString()).isEqualTo("REJECTED");
    }

    @Test
    void refusesUnknownRequestsIllegalStepsAndBadExtensionsChangingNothing() {
      String id = admin.post("/gdpr/requests", "{\"subject\":\"" + fresh("r") + "\",\"kind\":\"ACCESS\"}")
          .json().path("id").asString();

      assertProblem(admin.get("/gdpr/requests/" + UUID.randomUUID()), 404, "unknown-request");
      assertProblem(admin.get("/gdpr/requests/not-a-uuid"), 400, "invalid-parameters");
      assertProblem(admin.post("/gdpr/requests/" + id + "/complete"), 409, "illegal-request-transition");
      assertProblem(admin.post("/gdpr/requests/" + id + "/extension", "{\"months\":3,\"reason\":\"more\"}"), 400,
          "invalid-fields");
      assertProblem(admin.post("/gdpr/requests/" + id + "/verify", "{\"token\":\"dsar1.forged\"}"), 400,
          "invalid-token");
      assertProblem(admin.post("/gdpr/requests", "{\"kind\":\"ACCESS\"}"), 400, "invalid-fields");

      JsonNode request = admin.get("/gdpr/requests/" + id).json();
      assertThat(request.path("state").asString()).isEqualTo("RECEIVED");
      assertThat(request.path("version").asInt()).isEqualTo(1);
    }
  }

  @Nested
  class ExportsAndErasure {

    @Test
    void streamsTheExportAsJsonAndAsCsv() {
      SubjectId subject = SubjectId.of(fresh("e"));
      WebTestApplication.contact(contacts, subject, subject.value() + "@example.com");

      Reply json = admin.get("/gdpr/subjects/" + subject.value() + "/export");
      Reply csv = admin.get("/gdpr/subjects/" + subject.value() + "/export?format=CSV&kind=PORTABILITY");

      assertThat(json.status()).as(json.toString()).isEqualTo(200);
      assertThat(json.contentType()).startsWith("application/json");
      assertThat(json.headers().firstValue("Content-Disposition")).hasValueSatisfying(
          disposition -> assertThat(disposition).contains("attachment", "access-export.json"));
      assertThat(json.json().isObject()).isTrue();
      assertThat(json.body()).contains(subject.value() + "@example.com");
      assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
      assertThat(csv.contentType()).startsWith("text/csv");
      assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
          disposition -> assertThat(disposition).contains("portability-export.csv"));
    }

    @Test
    void refusesAnUnknownExportFormatWithoutEchoingIt() {
      Reply reply = admin.get("/gdpr/subjects/" + fresh("e") + "/export?format=XLSX-SECRET");

      assertProblem(reply, 400, "invalid-parameters");
      assertThat(reply.body()).doesNotContain("XLSX-SECRET");
    }

    @Test
    void previewsTheCascadeWithoutErasingAndThenErases() {
      SubjectId company = SubjectId.of(fresh("company"));
      SubjectId employee = SubjectId.of(fresh("employee"));
      SubjectId device = SubjectId.of(fresh("device"));
      WebTestApplication.contact(contacts, company, company.value() + "@example.com");
      WebTestApplication.contact(contacts, employee, employee.value() + "@example.com");
      contacts.relate(new Relation(company, employee, RelationType.COMPANY_EMPLOYEE));
      contacts.relate(new Relation(employee, device, RelationType.USER_DEVICE));

      JsonNode preview = admin.get("/gdpr/subjects/" + company.value() + "/erasure/preview").json();

      assertThat(preview.path("alreadyErased").asBoolean()).isFalse();
      assertThat(preview.path("providers").get(0).path("id").asString()).isEqualTo("contacts");
      assertThat(preview.path("cascade").size()).as("one level by default").isEqualTo(1);
      assertThat(preview.path("cascade").get(0).path("subject").asString()).isEqualTo(employee.value());
      assertThat(preview.path("cascade").get(0).path("relation").asString()).isEqualTo("company-employee");
      assertThat(contacts.records(company)).isNotEmpty();
      assertThat(contacts.records(employee)).isNotEmpty();

      Reply erased = admin.post("/gdpr/subjects/" + company.value() + "/erasure");

      assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
      assertThat(erased.json().path("recordsDeleted").asLong()).isEqualTo(1);
      assertThat(erased.json().path("cascaded").size()).isEqualTo(1);
      assertThat(erased.body()).doesNotContain(company.value());
      assertThat(contacts.records(company)).isEmpty();
      assertThat(contacts.records(employee)).isEmpty();
      String job = erased.json().path("job").asString();
      assertThat(admin.get("/gdpr/erasures/" + job).json().path("job").asString()).isEqualTo(job);
      assertThat(admin.get("/gdpr/subjects/" + company.value() + "/erasure/preview").json()
          .path("alreadyErased").asBoolean()).isTrue();
      assertProblem(admin.get("/gdpr/erasures/" + UUID.randomUUID()), 404, "unknown-erasure");
    }
  }

  @Nested
  class RestrictionAndObjection {

    @Test
    void restrictsAndLiftsWithTheDecisionFollowing() {
      String subject = fresh("s");

      Reply restricted = admin.post("/gdpr/subjects/" + subject + "/restriction",
          "{\"reason\":\"Art. 18(1)(a) accuracy contested\"}");

      assertThat(restricted.json().path("restricted").asBoolean()).as(restricted.toString()).isTrue();
      assertThat(admin.get("/gdpr/subjects/" + subject + "/decisions/billing").json().path("reason").asString())
          .isEqualTo("RESTRICTED");
      assertThat(admin.get("/gdpr/subjects/" + subject + "/restriction").json().path("restricted").asBoolean())
          .isTrue();
      Reply lifted = admin.post("/gdpr/subjects/" + subject + "/restriction/lifting", "{\"reason\":\"Corrected\"}");
      assertThat(lifted.json().path("restricted").asBoolean()).isFalse();
      assertThat(admin.get("/gdpr/subjects/" + subject + "/restriction").json().path("history").size())
          .isEqualTo(2);
      assertProblem(admin.post("/gdpr/subjects/" + subject + "/restriction/lifting", "{\"reason\":\"again\"}"), 409,
          "restriction-state");
      assertProblem(admin.post("/gdpr/subjects/" + subject + "/restriction", "{\"reason\":\"\"}"), 400,
          "invalid-fields");
      assertThat(gdpr.restrictions().history(SubjectId.of(subject))).hasSize(2);
    }

    @Test
    void recordsAndWithdrawsObjections() {
      String subject = fresh("s");

      Reply objected = admin.post("/gdpr/subjects/" + subject + "/objections/fraud-checks",
          "{\"grounds\":\"I moved abroad\"}");

      assertThat(objected.status()).as(objected.toString()).isEqualTo(200);
      assertThat(objected.json().path("recorded").asBoolean()).isTrue();
      assertThat(admin.get("/gdpr/subjects/" + subject + "/decisions/fraud-checks").json().path("reason").asString())
          .isEqualTo("OBJECTED");
      assertThat(admin.get("/gdpr/subjects/" + subject + "/objections").json().path("standing")
          .path("fraud-checks").asString()).isEqualTo("OBJECTED");
      assertProblem(admin.post("/gdpr/subjects/" + subject + "/objections/billing", "{\"grounds\":\"\"}"), 409,
          "objection-refused");
      assertThat(admin.delete("/gdpr/subjects/" + subject + "/objections/fraud-checks").json().path("status")
          .asString()).isEqualTo("WITHDRAWN");

      Reply marketing = admin.post("/gdpr/subjects/" + subject + "/objection-to-direct-marketing");
      assertThat(marketing.status()).as(marketing.toString()).isEqualTo(200);
      assertThat(admin.get("/gdpr/subjects/" + subject + "/objections").json().path("directMarketing").asBoolean())
          .isTrue();
      assertThat(admin.get("/gdpr/subjects/" + subject + "/decisions/newsletter").json().path("reason").asString())
          .isEqualTo("OBJECTED");
      assertThat(admin.delete("/gdpr/subjects/" + subject + "/objection-to-direct-marketing").status())
          .isEqualTo(200);
      assertThat(gdpr.restrictions().objectsToDirectMarketing(SubjectId.of(subject))).isFalse();
    }
  }

  @Nested
  class Registers {

    @Test
    void servesTheRecordsOfProcessingTheirCheckAndTheMinimisationReport() {
      Reply markdown = admin.get("/gdpr/processing-records?format=MARKDOWN");
      Reply json = admin.get("/gdpr/processing-records");
      JsonNode check = admin.get("/gdpr/processing-records/check").json();
      Reply minimisation = admin.get("/gdpr/processing-records/minimisation");

      assertThat(markdown.status()).as(markdown.toString()).isEqualTo(200);
      assertThat(markdown.contentType()).startsWith("text/markdown");
      assertThat(json.json().isObject()).isTrue();
      assertThat(check.path("complete").asBoolean()).isFalse();
      List<String> missing = new ArrayList<>();
      check.path("purposesWithoutActivity").forEach(purpose -> missing.add(purpose.asString()));
      assertThat(missing).contains("newsletter", "billing", "fraud-checks");
      assertThat(minimisation.status()).as(minimisation.toString()).isEqualTo(200);
      assertThat(minimisation.json().isObject()).isTrue();
      assertProblem(admin.get("/gdpr/processing-records?format=PDF"), 400, "invalid-parameters");
    }

    @Test
    void recordsABreachAndFollowsItThroughAssessmentAndNotification() {
      String id = fresh("BR");
      Instant awareAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

      Reply recorded = admin.post("/gdpr/breaches", "{\"id\":\"" + id + "\",\"description\":\"Laptop stolen\","
          + "\"dataCategories\":[\"contact-details\"],\"approximateSubjects\":120,\"awareAt\":\"" + awareAt + "\"}");

      assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
      assertThat(recorded.json().path("deadline").asString()).isEqualTo(awareAt.plus(72, ChronoUnit.HOURS).toString());
      assertThat(recorded.json().path("authorityStatus").asString()).isEqualTo("PENDING");
      List<String> awaiting = new ArrayList<>();
      admin.get("/gdpr/breaches/awaiting-notification").json().forEach(b -> awaiting.add(b.path("id").asString()));
      assertThat(awaiting).contains(id);
      Reply assessed = admin.post("/gdpr/breaches/" + id + "/assessments",
          "{\"level\":\"HIGH_RISK\",\"rationale\":\"Unencrypted disk\"}");
      assertThat(assessed.json().path("subjectStatus").asString()).as(assessed.toString()).isEqualTo("DUE");
      Reply notified = admin.post("/gdpr/breaches/" + id + "/authority-notification",
          "{\"notifiedAt\":\"" + Instant.now().minusSeconds(5) + "\"}");
      assertThat(notified.json().path("authorityStatus").asString()).as(notified.toString()).isEqualTo("NOTIFIED");
      Reply told = admin.post("/gdpr/breaches/" + id + "/subject-communication",
          "{\"toldAt\":\"" + Instant.now().minusSeconds(1) + "\"}");
      assertThat(told.json().path("subjectStatus").asString()).as(told.toString()).isEqualTo("TOLD");
      assertThat(admin.get("/gdpr/breaches/" + id).json().path("version").asInt()).isEqualTo(4);
      List<String> all = new ArrayList<>();
      admin.get("/gdpr/breaches").json().forEach(b -> all.add(b.path("id").asString()));
      assertThat(all).contains(id);

      assertProblem(admin.post("/gdpr/breaches/" + id + "/authority-notification",
          "{\"notifiedAt\":\"" + Instant.now().minusSeconds(1) + "\"}"), 409, "breach-state");
      assertThat(admin.get("/gdpr/breaches/" + id).json().path("version").asInt()).isEqualTo(4);
    }

    @Test
    void refusesBadBreachesAndUnknownOnes() {
      int before = gdpr.breaches().breaches().size();

      assertProblem(admin.get("/gdpr/breaches/" + fresh("BR")), 404, "unknown-breach");
      assertProblem(admin.post("/gdpr/breaches", "{\"description\":\"x\",\"dataCategories\":[\"shoe-size\"],"
          + "\"awareAt\":\"" + Instant.now().minusSeconds(5) + "\"}"), 400, "invalid-input");
      assertProblem(admin.post("/gdpr/breaches", "{\"description\":\"x\",\"awareAt\":\""
          + Instant.now().plusSeconds(3600) + "\"}"), 400, "invalid-input");
      assertProblem(admin.post("/gdpr/breaches", "{\"description\":\"x\",\"approximateSubjects\":-1}"), 400,
          "invalid-fields");

      assertThat(gdpr.breaches().breaches()).hasSize(before);
    }

    @Test
    void registersReplacesAndRetiresRecipients() {
      String id = fresh("mailer").substring(0, 30);
      String body = "{\"id\":\"" + id + "\",\"kind\":\"PROCESSOR\",\"name\":\"Mail Co\",\"contact\":\"dpo@mail.example\","
          + "\"country\":\"DE\"}";

      Reply registered = admin.post("/gdpr/recipients", body);
      Reply replaced = admin.post("/gdpr/recipients", body.replace("Mail Co", "Mail Company"));

      assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
      assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
      assertThat(admin.get("/gdpr/recipients/" + id).json().path("name").asString()).isEqualTo("Mail Company");
      List<String> ids = new ArrayList<>();
      admin.get("/gdpr/recipients").json().forEach(r -> ids.add(r.path("id").asString()));
      assertThat(ids).contains(id);
      Reply retired = admin.post("/gdpr/recipients/" + id + "/retirement", "{\"reason\":\"Contract ended\"}");
      assertThat(retired.json().path("retiredAt").isNull()).as(retired.toString()).isFalse();
      assertProblem(admin.post("/gdpr/recipients", body), 409, "recipient-retired");
      assertProblem(admin.get("/gdpr/recipients/nobody-here"), 404, "unknown-recipient");
      assertProblem(admin.post("/gdpr/recipients", body.replace("\"DE\"", "\"DEU\"").replace(id, id + "x")), 400,
          "invalid-fields");
      assertThat(gdpr.recipients().recipient(id + "x")).isEmpty();
      assertThat(admin.get("/gdpr/subjects/" + fresh("s") + "/disclosures").json().size()).isZero();
    }
  }

  @Nested
  class AuditTrail {

    @Test
    void verifiesTheChainAndProvesAnEntryToAnAuditorWithThePublishedKeys() {
      admin.post("/gdpr/subjects/" + fresh("a") + "/consents/newsletter", GRANT);
      gdpr.audit().drainAll();

      JsonNode verification = admin.get("/gdpr/audit/verification").json();
      Reply checkpoint = admin.post("/gdpr/audit/checkpoints");
      JsonNode proof = admin.get("/gdpr/audit/entries/0/proof").json();
      String jwks = admin.get("/gdpr/audit/keys").json().path("jwks").asString();

      assertThat(verification.path("intact").asBoolean()).isTrue();
      assertThat(verification.path("size").asLong()).isPositive();
      assertThat(checkpoint.status()).as(checkpoint.toString()).isEqualTo(201);
      Checkpoint signed = Checkpoint.parse(Base64.getDecoder().decode(proof.path("checkpoint").path("bytes")
          .asString()));
      List<AuditHash> path = new ArrayList<>();
      proof.path("path").forEach(hash -> path.add(AuditHash.ofHex(hash.asString())));
      InclusionProof inclusion = new InclusionProof(proof.path("leafIndex").asLong(), proof.path("treeSize").asLong(),
          path);
      AuditEntry entry = gdpr.audit().entries(TenantId.DEFAULT, 0, 1).get(0);
      assertThat(proof.path("entry").path("hash").asString()).isEqualTo(entry.hash().hex());
      AuditProofVerifier.verifyInclusion(entry, inclusion, signed, VerificationKeys.fromJwks(jwks));
      assertProblem(admin.get("/gdpr/audit/entries/999999999/proof"), 400, "invalid-input");
    }
  }

  @Nested
  class OpenApi {

    @Test
    void documentsTheAdminEndpointsAsTheirOwnGroup() {
      Reply docs = admin.get("/v3/api-docs/gdpr-admin");

      assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
      JsonNode paths = docs.json().path("paths");
      assertThat(paths.has("/gdpr/subjects/{subject}/consents/{purpose}")).isTrue();
      assertThat(paths.has("/gdpr/requests/{id}/evidence")).isTrue();
      assertThat(paths.has("/gdpr/audit/entries/{position}/proof")).isTrue();
    }
  }
}

package io.gdprkit.spring.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.preference.Subscription;
import io.gdprkit.preference.Topic;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.RequestState;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.subject.SubjectId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The self-service endpoints over real HTTP, on a random port. */
@SpringBootTest(classes = SelfServiceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "gdpr.jpa.enabled=false",
        "gdpr.purposes.newsletter.basis=CONSENT",
        "gdpr.purposes.newsletter.description=Monthly newsletter",
        "gdpr.purposes.newsletter.direct-marketing=true",
        "gdpr.purposes.offers.basis=CONSENT",
        "gdpr.purposes.offers.description=Special offers",
        "gdpr.self-service.rate-limit.requests=5",
        "gdpr.self-service.max-body-size=256B",
        "gdpr.self-service.public-url=https://mail.example",
        "gdpr.self-service.list-unsubscribe.mailto=unsubscribe@mail.example",
        "logging.level.io.gdprkit.spring=DEBUG"})
class SelfServiceEndpointIntegrationTests extends SelfServiceHttpTests {

  private static final String BASE = "/gdpr/self-service";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<SelfServiceScope> PREFERENCES = EnumSet.of(SelfServiceScope.PREFERENCES);

  @Autowired
  ListUnsubscribeHeaders listUnsubscribe;

  private static SubjectId someone() {
    return SubjectId.of("c-" + UUID.randomUUID());
  }

  private void subscribe(SubjectId subject, String topic) {
    kit.preferences().subscribe(subject, topic, ConsentProof.webForm("signup", "3").build());
  }

  private boolean subscribed(SubjectId subject, String topic) {
    return kit.preferences().subscriptions(subject).stream()
        .filter(s -> s.topic().id().equals(topic)).anyMatch(Subscription::subscribed);
  }

  /** A token the same keys signed a day ago, valid for an hour. */
  private String expiredToken(SubjectId subject) {
    GdprKit yesterday = GdprKit.builder().keyRing(kit.keys())
        .clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-1))).allowGeneratedKeys().build();
    return SelfServiceTokens.of(yesterday, Duration.ofHours(1)).issue(subject, PREFERENCES);
  }

  private HttpResponse<String> changePreferences(SubjectId subject, String contentType, BodyPublisher body)
      throws IOException, InterruptedException {
    return changePreferences(tokens.issue(subject, PREFERENCES), contentType, body);
  }

  private HttpResponse<String> changePreferences(String token, String contentType, BodyPublisher body)
      throws IOException, InterruptedException {
    return send(bearer(BASE + "/preferences", token).header("Content-Type", contentType).POST(body));
  }

  private HttpRequest.Builder bearer(String path, String token) {
    return at(path).header("Authorization", "Bearer " + token);
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private static void assertProblem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asString()).isEqualTo("urn:gdpr-kit:problem:" + type);
    assertThat(problem.get("title").asString()).isNotBlank();
  }

  @Nested
  class PreferenceCenter {

    @Test
    void showsEveryTopicAndWhetherTheSubjectIsSubscribed() throws Exception {
      SubjectId alice = someone();
      subscribe(alice, "newsletter");

      HttpResponse<String> response = send(bearer(BASE + "/preferences", tokens.issue(alice, PREFERENCES)));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(JSON.writeValueAsString(json(response))).isEqualTo(
          "{\"topics\":[{\"id\":\"newsletter\",\"name\":\"Monthly newsletter\",\"subscribed\":true},"
              + "{\"id\":\"offers\",\"name\":\"Special offers\",\"subscribed\":false}]}");
      assertThat(response.body()).doesNotContain(alice.value());
    }

    @Test
    void acceptsTheTokenInTheQueryOfALink() throws Exception {
      SubjectId alice = someone();

      HttpResponse<String> response = send(at(BASE + "/preferences?token=" + tokens.issue(alice, PREFERENCES)));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(json(response).get("topics")).hasSize(2);
    }

    @Test
    void turnsTopicsOnAndOffWithAProofNamingThePreferenceCenter() throws Exception {
      SubjectId alice = someone();
      subscribe(alice, "newsletter");

      HttpResponse<String> response = send(bearer(BASE + "/preferences", tokens.issue(alice, PREFERENCES))
          .header("Content-Type", "application/json").header("User-Agent", "TestBrowser/1.0")
          .POST(BodyPublishers.ofString("{\"newsletter\": false, \"offers\": true}")));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(json(response).get("topics").get(0).get("subscribed").asBoolean()).isFalse();
      assertThat(json(response).get("topics").get(1).get("subscribed").asBoolean()).isTrue();
      assertThat(subscribed(alice, "newsletter")).isFalse();
      assertThat(subscribed(alice, "offers")).isTrue();
      List<ConsentEvent> offers = kit.consents().history(alice, "offers");
      assertThat(offers).hasSize(1);
      assertThat(offers.get(0).proof().channel()).isEqualTo(ConsentChannel.WEB_FORM);
      assertThat(offers.get(0).proof().formId()).isEqualTo("gdpr-self-service-preferences");
      assertThat(offers.get(0).proof().userAgent()).isEqualTo("TestBrowser/1.0");
    }

    @Test
    void changesNothingWhenOneTopicIsUnknown() throws Exception {
      SubjectId alice = someone();

      HttpResponse<String> response = changePreferences(alice, "application/json",
          BodyPublishers.ofString("{\"offers\": true, \"lottery\": true}"));

      assertProblem(response, 400, "unknown-topic");
      assertThat(json(response).get("topic").asString()).isEqualTo("lottery");
      assertThat(subscribed(alice, "offers")).isFalse();
    }

    @Test
    void refusesMalformedJsonAndChangesNothing() throws Exception {
      SubjectId alice = someone();
      int minutes = 10;

      for (String body : List.of("{\"offers\": tru", "[true]", "{\"offers\": \"yes\"}", "{\"offers\": true} {}",
          "{\"offers\": true, \"offers\": false}", "")) {
        // a token of its own for each body, or the rate limit would answer the sixth
        String token = tokens.issue(alice, PREFERENCES, Duration.ofMinutes(minutes++));
        HttpResponse<String> response = changePreferences(token, "application/json", BodyPublishers.ofString(body));

        assertProblem(response, 400, "malformed-request");
      }
      assertThat(subscribed(alice, "offers")).isFalse();
    }

    @Test
    void refusesABodyThatIsNotJson() throws Exception {
      SubjectId alice = someone();

      HttpResponse<String> response = changePreferences(alice, "text/plain",
          BodyPublishers.ofString("{\"offers\": true}"));

      assertProblem(response, 415, "unsupported-media-type");
      assertThat(subscribed(alice, "offers")).isFalse();
    }

    @Test
    void refusesAnOversizedBodyWithOrWithoutContentLengthAndChangesNothing() throws Exception {
      SubjectId alice = someone();
      byte[] padded = ("{\"offers\": true" + " ".repeat(300) + "}").getBytes(StandardCharsets.UTF_8);

      HttpResponse<String> declared = changePreferences(alice, "application/json", BodyPublishers.ofByteArray(padded));
      HttpResponse<String> chunked = changePreferences(tokens.issue(alice, PREFERENCES, Duration.ofHours(1)),
          "application/json", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(padded)));

      assertProblem(declared, 413, "body-too-large");
      assertProblem(chunked, 413, "body-too-large");
      assertThat(subscribed(alice, "offers")).isFalse();
    }

    @Test
    void answersAnUnknownSubjectAsAKnownOneWithNothingSubscribed() throws Exception {
      SubjectId known = someone();
      subscribe(known, "newsletter");
      kit.preferences().unsubscribe(known, "newsletter");
      SubjectId unknown = someone();

      HttpResponse<String> forKnown = send(bearer(BASE + "/preferences", tokens.issue(known, PREFERENCES)));
      HttpResponse<String> forUnknown = send(bearer(BASE + "/preferences", tokens.issue(unknown, PREFERENCES)));

      assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(200);
      assertThat(forUnknown.body()).isEqualTo(forKnown.body());
      assertThat(forUnknown.headers().map().keySet()).isEqualTo(forKnown.headers().map().keySet());
    }
  }

  @Nested
  class Tokens {

    @Test
    void answersEveryRefusedTokenAlike() throws Exception {
      SubjectId alice = someone();
      subscribe(alice, "newsletter");
      String valid = tokens.issue(alice, PREFERENCES);
      String[] parts = valid.split("\\.");
      Map<String, String> refused = new LinkedHashMap<>();
      refused.put("forged", parts[0] + "." + parts[1] + "." + parts[2] + "." + "A".repeat(parts[3].length()));
      refused.put("tampered", parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
          + (parts[2].endsWith("AA") ? "AB" : "AA") + "." + parts[3]);
      refused.put("unknown key", parts[0] + ".zz." + parts[2] + "." + parts[3]);
      refused.put("garbage", "not-a-token");
      refused.put("wrong scope", tokens.issue(alice, EnumSet.of(SelfServiceScope.EXPORT)));
      refused.put("unsubscribe token", kit.preferences().unsubscribeToken(alice, "newsletter"));
      refused.put("expired", expiredToken(alice));

      HttpResponse<String> first = null;
      for (Map.Entry<String, String> token : refused.entrySet()) {
        HttpResponse<String> response = send(bearer(BASE + "/preferences", token.getValue()));

        assertProblem(response, 401, "invalid-link");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
            v -> assertThat(v).startsWith("Bearer").contains("invalid_token"));
        assertThat(response.body()).doesNotContain(alice.value()).doesNotContain(token.getValue());
        if (first == null) {
          first = response;
        }
        assertThat(response.body()).as(token.getKey()).isEqualTo(first.body());
      }
      HttpResponse<String> none = send(at(BASE + "/preferences"));
      assertThat(none.body()).isEqualTo(first.body());
      assertThat(subscribed(alice, "newsletter")).isTrue();
    }

    @Test
    void answersAnExpiredTokenAlikeOnEveryEndpointAndChangesNothing() throws Exception {
      SubjectId alice = someone();
      subscribe(alice, "newsletter");
      GdprKit lastWeek = GdprKit.builder().keyRing(kit.keys())
          .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter"))
          .topic(Topic.of("newsletter", "Monthly newsletter", "newsletter"))
          .clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-7))).unsubscribeTokenValidity(Duration.ofDays(1))
          .allowGeneratedKeys().build();
      String expired = SelfServiceTokens.of(lastWeek, Duration.ofDays(1))
          .issue(alice, EnumSet.allOf(SelfServiceScope.class));
      String expiredUnsubscribe = lastWeek.preferences().unsubscribeToken(alice, "newsletter");
      List<HttpRequest.Builder> requests = List.of(
          bearer(BASE + "/preferences", expired),
          bearer(BASE + "/preferences", expired).header("Content-Type", "application/json")
              .POST(BodyPublishers.ofString("{\"newsletter\": false}")),
          bearer(BASE + "/export", expired),
          bearer(BASE + "/erasure-request", expired).POST(BodyPublishers.noBody()),
          at(BASE + "/unsubscribe?token=" + expiredUnsubscribe)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(BodyPublishers.ofString("List-Unsubscribe=One-Click")));

      List<String> bodies = new ArrayList<>();
      for (HttpRequest.Builder request : requests) {
        HttpResponse<String> response = send(request);
        assertProblem(response, 401, "invalid-link");
        assertThat(json(response).get("instance").asString()).doesNotContain("token");
        bodies.add(response.body().replaceFirst("\"instance\":\"[^\"]*\"", "")); // the path differs, nothing else
      }

      assertThat(bodies).containsOnly(bodies.get(0));
      assertThat(subscribed(alice, "newsletter")).isTrue();
      assertThat(kit.requests().forSubject(alice)).isEmpty();
    }

    @Test
    void limitsTheRequestsOfOneTokenWithA429ProblemAndLeavesOtherTokensAlone() throws Exception {
      String token = tokens.issue(someone(), PREFERENCES);
      for (int i = 0; i < 5; i++) {
        assertThat(send(bearer(BASE + "/preferences", token)).statusCode()).isEqualTo(200);
      }

      HttpResponse<String> limited = send(bearer(BASE + "/preferences", token));

      assertProblem(limited, 429, "rate-limited");
      assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
          v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
      assertThat(send(bearer(BASE + "/preferences", tokens.issue(someone(), PREFERENCES))).statusCode())
          .isEqualTo(200);
    }

    @Test
    void limitsForgedTokensToo() throws Exception {
      String forged = "ssv1.k.AAAAAAAAAAA.AAAA";
      for (int i = 0; i < 5; i++) {
        assertThat(send(bearer(BASE + "/preferences", forged)).statusCode()).isEqualTo(401);
      }

      assertProblem(send(bearer(BASE + "/preferences", forged)), 429, "rate-limited");
    }
  }

  @Nested
  @ExtendWith(OutputCaptureExtension.class)
  class NothingPersonal {

    @Test
    void logsAnErasedSubjectsChangeWithoutTheSubjectOrTheToken(CapturedOutput output) throws Exception {
      SubjectId erased = someone();
      subscribe(erased, "newsletter");
      kit.erasure().erase(erased);
      String token = tokens.issue(erased, PREFERENCES);

      HttpResponse<String> answered = changePreferences(token, "application/json",
          BodyPublishers.ofString("{\"offers\": true}"));
      HttpResponse<String> forged = send(bearer(BASE + "/preferences", token.substring(0, token.length() - 4)));

      assertThat(answered.statusCode()).isEqualTo(200);
      assertProblem(forged, 401, "invalid-link");
      assertThat(answered.body() + forged.body()).doesNotContain(erased.value()).doesNotContain(token);
      assertThat(output.getAll()).contains("were not recorded").contains("self-service token refused")
          .doesNotContain(erased.value()).doesNotContain(token.substring(0, token.length() - 4));
    }
  }

  /** Issue 12: an erased subject's still-valid link must not tell that the subject was erased. */
  @Nested
  class ErasedSubject {

    private final Set<SelfServiceScope> everything = EnumSet.allOf(SelfServiceScope.class);

    private SubjectId erased() {
      SubjectId subject = someone();
      subscribe(subject, "newsletter");
      kit.erasure().erase(subject);
      return subject;
    }

    @Test
    void turnsATopicOnWithTheAnswerOfASubjectNobodyKnowsAndRecordsNothing() throws Exception {
      SubjectId erased = erased();
      SubjectId unknown = someone();
      String body = "{\"offers\": true, \"newsletter\": false}";

      HttpResponse<String> forErased = changePreferences(erased, "application/json", BodyPublishers.ofString(body));
      HttpResponse<String> forUnknown = changePreferences(unknown, "application/json", BodyPublishers.ofString(body));

      assertThat(forErased.statusCode()).isEqualTo(forUnknown.statusCode()).isEqualTo(200);
      assertThat(forErased.body()).isEqualTo(forUnknown.body()).contains("\"id\":\"offers\",\"name\":\"Special offers\","
          + "\"subscribed\":true");
      assertThat(forErased.headers().map().keySet()).isEqualTo(forUnknown.headers().map().keySet());
      assertThat(kit.consents().history(erased)).isEmpty();
      assertThat(kit.decide(erased, "offers").allowed()).isFalse();
      assertThat(subscribed(unknown, "offers")).isTrue();
    }

    @Test
    void answersEveryOtherEndpointAsForASubjectNobodyKnows() throws Exception {
      SubjectId erased = erased();
      SubjectId unknown = someone();
      String forErased = tokens.issue(erased, everything);
      String forUnknown = tokens.issue(unknown, everything);

      for (String path : List.of("/preferences", "/export?format=json", "/export?format=csv&kind=portability")) {
        HttpResponse<String> a = send(bearer(BASE + path, forErased));
        HttpResponse<String> b = send(bearer(BASE + path, forUnknown));

        assertThat(a.statusCode()).as(path).isEqualTo(b.statusCode()).isEqualTo(200);
        assertThat(comparable(a.body(), erased)).as(path).isEqualTo(comparable(b.body(), unknown));
      }
      HttpResponse<String> a = send(bearer(BASE + "/erasure-request", forErased).POST(BodyPublishers.noBody()));
      HttpResponse<String> b = send(bearer(BASE + "/erasure-request", forUnknown).POST(BodyPublishers.noBody()));
      assertThat(a.statusCode()).isEqualTo(b.statusCode()).isEqualTo(202);
      assertThat(fieldNames(json(a))).isEqualTo(fieldNames(json(b)));
      assertThat(json(a).get("state").asString()).isEqualTo(json(b).get("state").asString());
    }

    /** The body without what differs by design: the subject's own id and the time the export was made. */
    private static String comparable(String body, SubjectId subject) {
      return body.replace(subject.value(), "SUBJECT").replaceAll("\"generatedAt\":\"[^\"]+\"", "\"generatedAt\":\"T\"");
    }

    private static List<String> fieldNames(JsonNode node) {
      List<String> names = new ArrayList<>();
      node.propertyNames().forEach(names::add);
      return names;
    }
  }

  @Nested
  class OneClickUnsubscribe {

    /** The https URI of the List-Unsubscribe field, moved to the test server. */
    private String unsubscribeUri(SubjectId subject, String topic) {
      String field = listUnsubscribe.forTopic(subject, topic).get("List-Unsubscribe");
      String https = field.substring(1, field.indexOf('>'));
      assertThat(https).startsWith("https://mail.example" + BASE + "/unsubscribe?token=");
      return https.substring("https://mail.example".length());
    }

    private HttpRequest.Builder oneClick(String uri) {
      return at(uri).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(BodyPublishers.ofString("List-Unsubscribe=One-Click"));
    }

    @Test
    void unsubscribesOnTheRfc8058PostWithoutCookiesOrRedirects() throws Exception {
      SubjectId alice = someone();
      subscribe(alice, "newsletter");
      subscribe(alice, "offers");

      HttpResponse<String> response = send(oneClick(unsubscribeUri(alice, "newsletter")));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
      assertThat(response.headers().firstValue("Location")).isEmpty();
      assertThat(json(response).get("unsubscribed").asBoolean()).isTrue();
      assertThat(subscribed(alice, "newsletter")).isFalse();
      assertThat(subscribed(alice, "offers")).isTrue();
      assertThat(kit.consents().history(alice, "newsletter").get(1).proof().channel())
          .isEqualTo(ConsentChannel.UNSUBSCRIBE_LINK);
    }

    @Test
    void acceptsTheMultipartFormOfTheOneClickBody() throws Exception {
      SubjectId alice = someone();
      subscribe(alice, "newsletter");
      String boundary = "b0undary";
      String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
          + "One-Click\r\n--" + boundary + "--\r\n";

      HttpResponse<String> response = send(at(unsubscribeUri(alice, "newsletter"))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(BodyPublishers.ofString(body)));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(subscribed(alice, "newsletter")).isFalse();
    }

    @Test
    void answersARepeatedPostAsTheFirst() throws Exception {
      SubjectId alice = someone();
      subscribe(alice, "newsletter");
      String uri = unsubscribeUri(alice, "newsletter");

      HttpResponse<String> first = send(oneClick(uri));
      HttpResponse<String> second = send(oneClick(uri));

      assertThat(second.statusCode()).isEqualTo(first.statusCode()).isEqualTo(200);
      assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void answersAnUnknownSubjectAsASubscribedOne() throws Exception {
      SubjectId known = someone();
      subscribe(known, "newsletter");

      HttpResponse<String> forKnown = send(oneClick(unsubscribeUri(known, "newsletter")));
      HttpResponse<String> forUnknown = send(oneClick(unsubscribeUri(someone(), "newsletter")));

      assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(200);
      assertThat(forUnknown.body()).isEqualTo(forKnown.body());
      assertThat(subscribed(known, "newsletter")).isFalse();
    }

    @Test
    void changesNothingOnAGetSinceMailScannersFetchLinks() throws Exception {
      SubjectId alice = someone();
      subscribe(alice, "newsletter");

      HttpResponse<String> response = send(at(unsubscribeUri(alice, "newsletter")));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(json(response).get("unsubscribed").asBoolean()).isFalse();
      assertThat(subscribed(alice, "newsletter")).isTrue();
    }

    @Test
    void refusesAPostWithoutTheOneClickBody() throws Exception {
      SubjectId alice = someone();
      subscribe(alice, "newsletter");
      String uri = unsubscribeUri(alice, "newsletter");

      assertProblem(send(at(uri).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(BodyPublishers.ofString("List-Unsubscribe=Yes"))), 400, "malformed-request");
      assertProblem(send(at(uri).POST(BodyPublishers.noBody())), 415, "unsupported-media-type");
      assertProblem(send(at(uri).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(BodyPublishers.ofString("List-Unsubscribe=One-Click&pad=" + "x".repeat(300)))), 413,
          "body-too-large");

      assertThat(subscribed(alice, "newsletter")).isTrue();
    }

    @Test
    void refusesATamperedTokenAsAForgedOne() throws Exception {
      SubjectId alice = someone();
      subscribe(alice, "newsletter");
      String uri = unsubscribeUri(alice, "newsletter");
      String tampered = uri.substring(0, uri.length() - 3) + (uri.endsWith("AAA") ? "BBB" : "AAA");

      HttpResponse<String> response = send(oneClick(tampered));

      assertProblem(response, 401, "invalid-link");
      assertThat(subscribed(alice, "newsletter")).isTrue();
    }
  }

  @Nested
  class Export {

    private final Set<SelfServiceScope> export = EnumSet.of(SelfServiceScope.EXPORT);

    @Test
    void downloadsTheSubjectsAccessExportAsJson() throws Exception {
      SubjectId alice = someone();
      subscribe(alice, "newsletter");

      HttpResponse<String> response = send(bearer(BASE + "/export", tokens.issue(alice, export)));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          v -> assertThat(v).startsWith("application/json"));
      assertThat(response.headers().firstValue("Content-Disposition"))
          .hasValue("attachment; filename=\"personal-data-access.json\"");
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
      JsonNode document = json(response);
      assertThat(document.get("metadata").get("kind").asString()).isEqualTo("ACCESS");
      assertThat(document.get("consents").toString()).contains("newsletter");
    }

    @Test
    void downloadsThePortabilityExportAsCsv() throws Exception {
      SubjectId alice = someone();

      HttpResponse<String> response = send(
          bearer(BASE + "/export?format=csv&kind=portability", tokens.issue(alice, export)));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          v -> assertThat(v).startsWith("text/csv"));
      assertThat(response.body()).startsWith("provider,record,field,category,value,provided_by_subject,collected_at");
    }

    @Test
    void answersAnUnknownSubjectWithAValidDocumentOfTheSameShape() throws Exception {
      SubjectId known = someone();
      SubjectId unknown = someone();

      HttpResponse<String> forKnown = send(bearer(BASE + "/export", tokens.issue(known, export)));
      HttpResponse<String> forUnknown = send(bearer(BASE + "/export", tokens.issue(unknown, export)));

      assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(200);
      assertThat(forUnknown.headers().map().keySet()).isEqualTo(forKnown.headers().map().keySet());
      assertThat(json(forUnknown).propertyNames()).isEqualTo(json(forKnown).propertyNames());
    }

    @Test
    void breaksTheDownloadOffRatherThanEndItWellWhenAStoreFailsMidway() throws Exception {
      String token = tokens.issue(SelfServiceTestApplication.FailingProvider.FAILS, export);

      HttpResponse<String> response;
      try {
        response = send(bearer(BASE + "/export", token));
      } catch (IOException brokenOff) {
        return; // the client saw the chunked body end without its last chunk: no document that looks complete
      }

      assertThat(response.body()).doesNotContain("urn:gdpr-kit:problem");
      assertThatThrownBy(() -> JSON.readTree(response.body())).isInstanceOf(JacksonException.class);
    }

    @Test
    void refusesAPreferencesTokenAndAnUnknownFormat() throws Exception {
      SubjectId alice = someone();

      assertProblem(send(bearer(BASE + "/export", tokens.issue(alice, PREFERENCES))), 401, "invalid-link");
      assertProblem(send(bearer(BASE + "/export?format=xml", tokens.issue(alice, export))), 400,
          "malformed-request");
    }
  }

  @Nested
  class ErasureRequest {

    private final Set<SelfServiceScope> erasure = EnumSet.of(SelfServiceScope.ERASURE);

    @Test
    void recordsASubjectRequestAndErasesNothingYet() throws Exception {
      SubjectId alice = someone();
      subscribe(alice, "newsletter");

      HttpResponse<String> response = send(bearer(BASE + "/erasure-request", tokens.issue(alice, erasure))
          .POST(BodyPublishers.noBody()));

      assertThat(response.statusCode()).isEqualTo(202);
      List<SubjectRequest> requests = kit.requests().forSubject(alice);
      assertThat(requests).singleElement().satisfies(r -> {
        assertThat(r.kind()).isEqualTo(RequestKind.ERASURE);
        assertThat(r.state()).isEqualTo(RequestState.RECEIVED);
        assertThat(r.intake().channel()).isEqualTo(io.gdprkit.request.RequestChannel.WEB_FORM);
      });
      assertThat(json(response).get("request").asString()).isEqualTo(requests.get(0).id().toString());
      assertThat(json(response).get("state").asString()).isEqualTo("RECEIVED");
      assertThat(subscribed(alice, "newsletter")).isTrue();
    }

    @Test
    void returnsTheOpenRequestWhenAskedAgain() throws Exception {
      SubjectId alice = someone();
      String token = tokens.issue(alice, erasure);

      HttpResponse<String> first = send(bearer(BASE + "/erasure-request", token).POST(BodyPublishers.noBody()));
      HttpResponse<String> second = send(bearer(BASE + "/erasure-request", token).POST(BodyPublishers.noBody()));

      assertThat(second.statusCode()).isEqualTo(202);
      assertThat(second.body()).isEqualTo(first.body());
      assertThat(kit.requests().forSubject(alice)).hasSize(1);
    }

    @Test
    void answersAnUnknownSubjectAsAKnownOne() throws Exception {
      SubjectId known = someone();
      subscribe(known, "newsletter");

      HttpResponse<String> forKnown = send(bearer(BASE + "/erasure-request", tokens.issue(known, erasure))
          .POST(BodyPublishers.noBody()));
      HttpResponse<String> forUnknown = send(bearer(BASE + "/erasure-request", tokens.issue(someone(), erasure))
          .POST(BodyPublishers.noBody()));

      assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(202);
      assertThat(json(forUnknown).propertyNames()).isEqualTo(json(forKnown).propertyNames());
      assertThat(json(forUnknown).get("dueAt")).isEqualTo(json(forKnown).get("dueAt"));
    }

    @Test
    void refusesAnOversizedBodyAndRecordsNothing() throws Exception {
      SubjectId alice = someone();

      HttpResponse<String> response = send(bearer(BASE + "/erasure-request", tokens.issue(alice, erasure))
          .header("Content-Type", "text/plain").POST(BodyPublishers.ofString("x".repeat(300))));

      assertProblem(response, 413, "body-too-large");
      assertThat(kit.requests().forSubject(alice)).isEmpty();
    }
  }
}

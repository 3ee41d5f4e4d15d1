package io.gdprkit.spring.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.consent.ConsentProof;
import io.gdprkit.preference.Subscription;
import io.gdprkit.subject.SubjectId;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The self-service endpoints in a host whose Spring Security chain wants a login and a CSRF token everywhere: the
 * one-click POST of a mailbox provider, which has neither, still unsubscribes, and the host's own pages stay closed;
 * and a GPC signal recorded for the logged-in user, whom the filter sees since it runs after Spring Security's.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "gdpr.jpa.enabled=false",
        "gdpr.purposes.newsletter.basis=CONSENT",
        "gdpr.purposes.newsletter.description=Monthly newsletter",
        "gdpr.purposes.ad-sharing.basis=CONSENT",
        "gdpr.purposes.ad-sharing.description=Sharing with advertising partners"})
class SelfServiceBehindSpringSecurityIntegrationTests extends SelfServiceHttpTests {

  @Test
  void takesTheOneClickPostWithoutLoginOrCsrfToken() throws Exception {
    SubjectId alice = SubjectId.of("c-secured-1");
    kit.preferences().subscribe(alice, "newsletter", ConsentProof.webForm("signup", "3").build());

    HttpResponse<String> response = send(at("/gdpr/self-service/unsubscribe?token="
        + kit.preferences().unsubscribeToken(alice, "newsletter"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString("List-Unsubscribe=One-Click")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(kit.preferences().subscriptions(alice)).noneMatch(Subscription::subscribed);
  }

  @Test
  void servesThePreferenceCenterAndTheSupportResourceWithoutLogin() throws Exception {
    String token = tokens.issue(SubjectId.of("c-secured-2"), EnumSet.of(SelfServiceScope.PREFERENCES));

    assertThat(send(at("/gdpr/self-service/preferences?token=" + token)).statusCode()).isEqualTo(200);
    assertThat(send(at("/.well-known/gpc.json")).statusCode()).isEqualTo(200);
  }

  @Test
  void stillRefusesAForgedTokenAndLeavesTheHostsPagesClosed() throws Exception {
    assertThat(send(at("/gdpr/self-service/preferences?token=forged")).statusCode()).isEqualTo(401);
    assertThat(send(at("/gdpr/self-service/preferences?token=forged")).body()).contains("invalid-link");
    assertThat(send(at("/private")).statusCode()).isEqualTo(401);
  }

  @Test
  void recordsTheGpcSignalOfTheLoggedInUser() throws Exception {
    SubjectId staff = SubjectId.of("staff");
    kit.consents().grant(staff, "ad-sharing", ConsentProof.webForm("banner", "1").build());
    String login = "Basic " + Base64.getEncoder().encodeToString("staff:secret".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> anonymous = send(at("/private").header("Sec-GPC", "1"));
    HttpResponse<String> loggedIn = send(at("/private").header("Sec-GPC", "1").header("Authorization", login));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(loggedIn.statusCode()).isEqualTo(200);
    assertThat(kit.gpc().history(staff)).singleElement()
        .satisfies(record -> assertThat(record.withdrawn()).containsExactly("ad-sharing"));
  }
}

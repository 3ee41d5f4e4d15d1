package io.gdprkit.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.examples.crm.contact.ContactService;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.RequestState;
import io.gdprkit.spring.selfservice.SelfServiceScope;
import io.gdprkit.spring.selfservice.SelfServiceTokens;
import io.gdprkit.subject.SubjectId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The subject's preference center, reached from the links in the demo's e-mail, in a real headless Chromium. */
class PreferenceCenterStoryTests extends BrowserStory {

  @Autowired
  SelfServiceTokens tokens;

  @Autowired
  DemoClock clock;

  @Value("${gdpr.self-service.rate-limit.requests:20}")
  int permits;

  @Test
  void theWelcomeMailLeadsToThePreferenceCenterWhereATopicIsTurnedOffAndDecideFollows() {
    SubjectId dora = signUpAndConfirm("Dora Weiss", "dora@example.org");
    assertThat(gdpr.decide(dora, "newsletter").allowed()).isTrue();

    browser.get("/outbox");
    WebElement welcome = mail("dora@example.org", "Welcome");
    assertThat(welcome.findElement(By.cssSelector(".list-unsubscribe")).getText())
        .startsWith("<https://crm.acme.example/gdpr/self-service/unsubscribe?token=")
        .contains("<mailto:unsubscribe@acme.example?subject=unsubscribe%20");
    assertThat(welcome.findElement(By.cssSelector(".list-unsubscribe-post")).getText())
        .isEqualTo("List-Unsubscribe=One-Click");
    assertThat(welcome.findElements(By.cssSelector("pre.mail a")))
        .anySatisfy(a -> assertThat(a.getAttribute("href")).contains("/unsubscribe?token="));
    browser.follow(mailLink("dora@example.org", "Welcome", "/preferences?token="));

    assertThat(browser.find("#topic-newsletter").isSelected()).isTrue();
    assertThat(browser.find("#topic-offers").isSelected()).isFalse();
    assertThat(browser.text("#preferences-form")).contains("Send me the monthly newsletter by e-mail.");
    browser.tick("#topic-newsletter");
    browser.tick("#topic-offers");
    browser.tick("#switch-profiling");
    browser.click("#preferences-save");

    assertThat(browser.text("#notice")).isEqualTo("Your choices are saved.");
    assertThat(browser.find("#topic-newsletter").isSelected()).isFalse();
    assertThat(gdpr.decide(dora, "newsletter").allowed()).isFalse();
    assertThat(gdpr.consents().state(dora, "newsletter").orElseThrow().status()).isEqualTo(ConsentStatus.WITHDRAWN);
    assertThat(gdpr.decide(dora, "offers").allowed()).isTrue();
    assertThat(gdpr.consents().history(dora, "offers")).last()
        .satisfies(e -> {
          assertThat(e.proof().formId()).isEqualTo("preference-center");
          assertThat(e.proof().noticeSha256()).as("the wording shown is kept as proof").isNotNull();
        });
    assertThat(gdpr.consents().isSwitchOn(dora, ProcessingSwitch.PROFILING)).isTrue();
  }

  @Test
  void aTamperedAnExpiredAndAnOutOfScopeLinkAllGetTheSameNeutralPage() throws Exception {
    SubjectId anna = ContactService.subject(seeded("Anna Schmidt"));
    String valid = tokens.issue(anna, EnumSet.of(SelfServiceScope.PREFERENCES));
    String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
    String expired = tokens.issue(anna, EnumSet.of(SelfServiceScope.PREFERENCES), Duration.ofMinutes(5));
    String export = tokens.issue(anna, EnumSet.of(SelfServiceScope.EXPORT));
    clock.advance(Duration.ofMinutes(10));

    String[] pages = new String[3];
    String[] refused = {tampered, expired, export};
    for (int i = 0; i < refused.length; i++) {
      browser.get("/preferences?token=" + refused[i]);
      pages[i] = browser.text("main");
    }

    assertThat(pages[0]).startsWith("This link is not valid").isEqualTo(pages[1]).isEqualTo(pages[2])
        .doesNotContain("Anna").doesNotContain("anna@acme.example");
    browser.get("/preferences");
    assertThat(browser.text("main")).as("no token at all").isEqualTo(pages[0]);
    browser.get("/preferences?token=" + valid);
    assertThat(browser.text("#preference-center")).isEqualTo("Your preferences");
    browser.get("/preferences?token=" + tokens.issue(SubjectId.of("nobody-on-record"),
        EnumSet.of(SelfServiceScope.PREFERENCES)));
    assertThat(browser.text("#preference-center")).as("a subject nobody knows sees a page like anyone's")
        .isEqualTo("Your preferences");
    assertThat(browser.driver().findElements(By.cssSelector("#preferences-form input[type=checkbox]")))
        .isNotEmpty().noneMatch(WebElement::isSelected);
  }

  @Test
  void downloadMyDataMailsALinkToTheAddressOnRecordAndForgetMeOnlyRecordsARequest() throws Exception {
    SubjectId frida = signUpAndConfirm("Frida Lund", "frida@example.org");
    browser.get("/outbox");
    browser.follow(mailLink("frida@example.org", "Welcome", "/preferences?token="));

    browser.click("#preferences-export");
    assertThat(browser.text("#notice")).startsWith("If we hold an e-mail address for you");
    browser.click("#preferences-forget");
    assertThat(browser.text("#notice")).startsWith("Your request to be forgotten is recorded");

    assertThat(gdpr.requests().forSubject(frida)).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(RequestKind.ERASURE);
      assertThat(r.state()).isEqualTo(RequestState.RECEIVED);
    });
    assertThat(contacts.findById(frida.value())).as("nothing is erased by the request alone").isPresent();
    browser.get("/outbox");
    String download = mailLink("frida@example.org", "Your data", "/gdpr/self-service/export?").getAttribute("href");
    HttpResponse<String> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(download)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.body()).contains("frida@example.org");
  }

  @Test
  void aLinkUsedTooOftenGetsATooManyRequestsPageValidOrForgedWhileOtherLinksStillOpen() throws Exception {
    SubjectId ben = ContactService.subject(seeded("Ben Novak"));
    String valid = tokens.issue(ben, EnumSet.of(SelfServiceScope.PREFERENCES));
    String forged = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < permits; i++) {
      assertThat(open(http, valid).statusCode()).as("request %d of the window", i + 1).isEqualTo(200);
      assertThat(open(http, forged).statusCode()).as("forged request %d", i + 1).isEqualTo(200);
    }
    HttpResponse<String> limited = open(http, valid);
    HttpResponse<String> limitedForged = open(http, forged);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 60L);
    assertThat(limited.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(limited.body()).contains("This link was used too often").doesNotContain("Ben");
    assertThat(limitedForged.statusCode()).as("a forged link is limited alike, so the limit tells nothing")
        .isEqualTo(429);
    browser.get("/preferences?token=" + valid);
    assertThat(browser.text("#too-many")).isEqualTo("This link was used too often");
    assertThat(browser.find("#retry-after").getText()).matches("\\d+");
    SubjectId clara = ContactService.subject(seeded("Clara Novak"));
    browser.get("/preferences?token=" + tokens.issue(clara, EnumSet.of(SelfServiceScope.PREFERENCES)));
    assertThat(browser.text("#preference-center")).as("another link has a window of its own")
        .isEqualTo("Your preferences");
    HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(
        "http://localhost:" + port + "/gdpr/self-service/preferences?token=" + valid)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(json.statusCode()).as("the starter's JSON endpoint shares the link's window").isEqualTo(429);
  }

  private HttpResponse<String> open(HttpClient http, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/preferences?token=" + token))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private SubjectId signUpAndConfirm(String name, String email) {
    browser.get("/signup");
    browser.type("#name", name);
    browser.type("#email", email);
    browser.find("#birthDate").sendKeys("01021990");
    browser.tick("#newsletter");
    browser.click("#signup-submit");
    browser.get("/outbox");
    mailLink(email, "Please confirm your subscription", "/preferences?token=");
    mailLink(email, "Please confirm your subscription", "/unsubscribe?token=");
    assertThat(mail(email, "Please confirm your subscription").findElement(By.cssSelector(".list-unsubscribe-post"))
        .getText()).isEqualTo("List-Unsubscribe=One-Click");
    browser.follow(mailLink(email, "Please confirm your subscription", "/confirm?token="));
    return SubjectId.of(contacts.findFirstByEmailIgnoreCase(email).orElseThrow().getId());
  }
}

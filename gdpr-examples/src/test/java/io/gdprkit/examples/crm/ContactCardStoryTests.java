package io.gdprkit.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.examples.crm.contact.Contact;
import io.gdprkit.request.RequestKind;
import io.gdprkit.subject.SubjectId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The contact card's stories in a real headless Chromium: scoring, restriction, requests on the demo clock, export. */
class ContactCardStoryTests extends BrowserStory {

  @Test
  void aLeadScoreIsComputedOnlyWhileProfilingIsAllowedAndNeverForARestrictedContact() {
    Contact anna = seeded("Anna Schmidt"); // seeded with profiling on
    browser.get("/contacts/" + anna.getId());
    browser.click("#compute-score");
    assertThat(browser.text("#notice")).isEqualTo("Lead score computed.");
    String score = browser.text("#lead-score");
    assertThat(score).matches("\\d+");

    browser.click("#toggle-restriction");
    assertThat(browser.text("#restriction-state")).isEqualTo("restricted");
    browser.click("#compute-score");
    assertThat(browser.text("#notice")).contains("not allowed").contains("RESTRICTED");
    assertThat(browser.text("#lead-score")).as("a restricted contact's data is only stored").isEqualTo(score);
    assertThat(gdpr.decide(SubjectId.of(anna.getId()), "lead-scoring").allowed()).isFalse();

    browser.click("#toggle-restriction");
    browser.click("#toggle-profiling");
    assertThat(browser.text("#profiling-state")).isEqualTo("off");
    browser.click("#compute-score");
    assertThat(browser.text("#notice")).contains("PROFILING_OFF");
    assertThat(browser.text("#lead-score")).as("nothing is kept of a refused profile").isEqualTo("none");
  }

  @Test
  void aSubjectRequestGoesOverdueOnTheDemoClock() {
    Contact ben = seeded("Ben Novak");
    browser.get("/contacts/" + ben.getId());
    browser.find("#request-kind").sendKeys("Access");
    browser.click("#record-request");
    assertThat(gdpr.requests().forSubject(SubjectId.of(ben.getId())))
        .anySatisfy(r -> assertThat(r.kind()).isEqualTo(RequestKind.ACCESS));
    browser.get("/requests");
    String row = "tr[data-request='" + gdpr.requests().forSubject(SubjectId.of(ben.getId())).get(0).id().value() + "']";
    assertThat(browser.text(row)).contains("days left").doesNotContain("OVERDUE");
    browser.click("#advance-month");
    assertThat(browser.text(row)).contains("OVERDUE");
  }

  @Test
  void aConsentReceiptVerifiesAndAChangedOneDoesNot() throws Exception {
    Contact anna = seeded("Anna Schmidt");
    browser.get("/contacts/" + anna.getId());
    String href = browser.find(".receipt-link").getAttribute("href");
    String jws = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(jws.split("\\.")).hasSize(3);
    browser.click("#verify-receipt-link");
    browser.type("#jws", jws);
    browser.click("#verify-receipt");
    assertThat(browser.text("#receipt-verified")).contains("signature verified").contains("newsletter")
        .contains("Acme Analytics Ltd");

    String[] parts = jws.split("\\.");
    String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
    browser.get("/receipts/verify");
    browser.type("#jws", forged);
    browser.click("#verify-receipt");
    assertThat(browser.text("#receipt-problem")).contains("does not verify");
  }

  @Test
  void theExportHoldsWhatTheKitKnowsOfTheContact() throws Exception {
    Contact anna = seeded("Anna Schmidt");
    browser.get("/contacts/" + anna.getId());
    String href = browser.find("#export-json").getAttribute("href");
    HttpResponse<String> json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
    assertThat(json.body()).contains("newsletter").contains("GRANTED");
    HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(browser.find("#export-csv").getAttribute("href"))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).contains("newsletter");
  }
}

package io.gdprkit.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** What a DPO shows an authority, in a real headless Chromium: the trail, a proof, the registers. */
class AccountabilityStoryTests extends BrowserStory {

  @Test
  void theAuditChainVerifiesAndAnEntryIsProvenAgainstASignedCheckpoint() {
    browser.get("/audit");
    browser.click("#verify-chain");
    assertThat(browser.text("#verification")).startsWith("intact");
    browser.follow(browser.driver().findElements(By.cssSelector(".proof-link")).get(0));
    assertThat(browser.text("#proof-verdict")).isEqualTo("verified");
  }

  @Test
  void aBreachShowsWhatIsLeftOfItsSeventyTwoHours() {
    browser.get("/breaches");
    browser.type("#breach-description", "A contact export was mailed to the wrong customer");
    browser.type("#breach-hours", "60");
    browser.click("#record-breach");
    assertThat(browser.text("#breaches")).contains("A contact export was mailed to the wrong customer");
    assertThat(browser.text("#breaches .clock")).matches("1[12] h \\d+ min left");
  }

  @Test
  void thePurposesAndTheRecordsOfProcessingAreThereToRead() throws Exception {
    browser.get("/purposes");
    assertThat(browser.text("#purpose-definitions")).contains("newsletter").contains("CONSENT")
        .contains("LEGITIMATE_INTERESTS").contains("Art. 21(2)");
    browser.get("/records");
    HttpResponse<String> md = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(browser.find("#records-md").getAttribute("href"))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(md.statusCode()).isEqualTo(200);
    assertThat(md.body()).isNotBlank();
  }
}

package io.gdprkit.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.examples.crm.contact.Contact;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Sources from the API, disclosures and the derived register, in a real headless Chromium. */
class SourcesAndRegisterStoryTests extends BrowserStory {

  @Test
  void aContactFromTheApiCarriesTheCallingClientAsItsSource() throws Exception {
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/contacts"))
        .header("Content-Type", "application/json").header("X-Client-Id", "web-shop")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"kind\":\"PERSON\",\"name\":\"Ida Lund\",\"email\":\"ida@example.org\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    Contact ida = contacts.findFirstByEmailIgnoreCase("ida@example.org").orElseThrow();
    browser.get("/contacts/" + ida.getId());
    assertThat(browser.text("#sources")).contains("API_CLIENT: web-shop");
  }

  @Test
  void aDisclosureIsOnTheCardAndTheRegisterShowsWhatTheCodeStores() {
    browser.get("/contacts/" + seeded("Anna Schmidt").getId());
    assertThat(browser.text("#disclosures")).as("seeded: Anna's newsletter consent")
        .contains("mailing-service for newsletter");
    Contact ben = seeded("Ben Novak");
    browser.get("/contacts/" + ben.getId());
    browser.click("#disclose");
    assertThat(browser.text("#notice")).contains("Not disclosed").contains("NO_CONSENT");
    assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#disclosures li"))).isEmpty();
    browser.get("/records");
    assertThat(browser.text("#stored-data")).as("derived from the annotations").contains("email (contact-details)");
    assertThat(browser.text("#minimisation")).as("billing needs financial data the CRM keeps nowhere")
        .contains("Needed by billing but stored nowhere: financial");
  }
}

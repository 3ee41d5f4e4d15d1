package io.gdprkit.examples.crm;

import io.gdprkit.GdprKit;
import io.gdprkit.examples.crm.contact.Contact;
import io.gdprkit.examples.crm.contact.ContactRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A story of the demo CRM clicked through in a fresh headless Chromium against the application on a random port. Each
 * story class has an application of its own, started on the seeded data set, so stories never see each other's
 * contacts, consents or demo clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:crm-${random.uuid};DB_CLOSE_DELAY=-1")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class BrowserStory {

  @LocalServerPort
  int port;

  @Autowired
  GdprKit gdpr;

  @Autowired
  ContactRepository contacts;

  Browser browser;

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Browser.open("http://localhost:" + port);
  }

  @AfterEach
  void closeBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  /** The newest mail in the outbox (the page open) to {@code to} whose subject starts with {@code subject}. */
  WebElement mail(String to, String subject) {
    browser.find(".mail");
    for (WebElement mail : browser.driver().findElements(By.cssSelector(".card.mail"))) {
      if (mail.findElement(By.cssSelector(".mail-to")).getText().equals(to)
          && mail.findElement(By.cssSelector(".mail-subject")).getText().startsWith(subject)) {
        return mail;
      }
    }
    throw new AssertionError("no mail to " + to + " with subject " + subject);
  }

  /** The link in the newest mail to {@code to} whose subject starts with {@code subject}. */
  WebElement mailLink(String to, String subject, String hrefPart) {
    return mail(to, subject).findElements(By.cssSelector("pre a")).stream()
        .filter(a -> a.getAttribute("href").contains(hrefPart)).findFirst()
        .orElseThrow(() -> new AssertionError("no link with " + hrefPart + " in the mail " + subject));
  }

  /** A contact of the seeded data set, by name. */
  Contact seeded(String name) {
    return contacts.findAll().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
  }
}

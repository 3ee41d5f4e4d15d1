package io.gdprkit.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.examples.crm.contact.Contact;
import io.gdprkit.examples.crm.contact.ContactService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** "Forget me" in a real headless Chromium: erased with cascade, and kept out of the next import. */
class ForgetStoryTests extends BrowserStory {

  @Test
  void aForgottenPersonIsRefusedByTheNextImportAndTheNextManualEntry() throws Exception {
    browser.get("/contacts");
    browser.type("#new-contact #name", "Fritz Olsen");
    browser.type("#new-contact #email", "fritz@example.org");
    browser.click("#create-contact");
    assertThat(browser.text("#contact-name")).isEqualTo("Fritz Olsen");
    String id = browser.driver().getCurrentUrl().replaceAll(".*/contacts/", "");
    browser.clickAndAccept("#forget-me");
    assertThat(browser.text("#erased")).isEqualTo("Erased");
    assertThat(browser.text("#suppressed")).isEqualTo("1");
    Contact erased = contacts.findById(id).orElse(null);
    assertThat(erased == null || erased.getEmail() == null).as("the e-mail column is erased").isTrue();

    Path csv = Files.createTempDirectory("import").resolve("autumn-fair.csv");
    Files.writeString(csv, "name,email,phone\nFritz Olsen,FRITZ@example.org,\nHanna Berg,hanna@example.org,\n");
    browser.get("/contacts");
    browser.find("#import-file").sendKeys(csv.toString());
    browser.click("#import-submit");
    assertThat(browser.text("#imported")).isEqualTo("1");
    assertThat(browser.text("#import-suppressed")).isEqualTo("1");

    browser.type("#new-contact #name", "Fritz Olsen");
    browser.type("#new-contact #email", "fritz@example.org");
    browser.click("#create-contact");
    assertThat(browser.text("#refusal")).contains("suppression list");
  }

  @Test
  void forgettingAParentErasesTheChildAndTheDeviceToo() {
    Contact ben = seeded("Ben Novak");
    Contact clara = seeded("Clara Novak");
    Contact phone = seeded("Ben's phone");
    Contact anna = seeded("Anna Schmidt");
    browser.get("/contacts/" + ben.getId());
    browser.clickAndAccept("#forget-me");
    assertThat(browser.text("#erased")).isEqualTo("Erased");
    assertThat(browser.text("#cascaded")).as("Clara (parent-child) and Ben's phone (user-device)").isEqualTo("2");
    assertThat(gdpr.erasure().wasErased(ContactService.subject(clara))).isTrue();
    assertThat(gdpr.erasure().wasErased(ContactService.subject(phone))).isTrue();
    assertThat(gdpr.erasure().wasErased(ContactService.subject(anna))).as("no relation to Ben").isFalse();
    assertThat(contacts.findById(clara.getId()).map(Contact::getEmail)).as("Clara's e-mail erased").isEmpty();
  }
}

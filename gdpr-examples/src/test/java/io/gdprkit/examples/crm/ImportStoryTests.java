package io.gdprkit.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.examples.crm.contact.Contact;
import io.gdprkit.examples.crm.contact.ContactService;
import io.gdprkit.source.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A CSV import in a real headless Chromium: each contact tagged with the file it came from. */
class ImportStoryTests extends BrowserStory {

  @Test
  void importedContactsCarryTheFileAsTheirSource() throws Exception {
    Path csv = Files.createTempDirectory("import").resolve("spring-fair-2027.csv");
    Files.writeString(csv, "name,email,phone\nGreta Holm,greta@example.org,+46 8 123 45\nBad Row,not-an-email,\n");
    browser.get("/contacts");
    browser.find("#import-file").sendKeys(csv.toString());
    browser.click("#import-submit");
    assertThat(browser.text("#imported")).isEqualTo("1");
    Contact greta = contacts.findFirstByEmailIgnoreCase("greta@example.org").orElseThrow();
    assertThat(gdpr.sources().tags(ContactService.subject(greta)))
        .anySatisfy(tag -> assertThat(tag.origin()).isEqualTo(Origin.importFile("spring-fair-2027.csv")));
    browser.get("/contacts/" + greta.getId());
    assertThat(browser.text("#sources")).contains("IMPORT_FILE: spring-fair-2027.csv");
  }
}

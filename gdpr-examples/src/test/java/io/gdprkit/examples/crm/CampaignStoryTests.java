package io.gdprkit.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.examples.crm.contact.ContactService;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A re-permission campaign in a real headless Chromium: who confirms stays, who does not is erased by the sweep. */
class CampaignStoryTests extends BrowserStory {

  @Test
  void theSweepErasesThoseWhoDidNotConfirmWithinTheWindow() {
    SubjectId ben = ContactService.subject(seeded("Ben Novak"));
    SubjectId clara = ContactService.subject(seeded("Clara Novak"));
    SubjectId anna = ContactService.subject(seeded("Anna Schmidt")); // newsletter granted: left out
    browser.get("/campaigns");
    browser.type("#campaign-id", "newsletter-again");
    browser.click("#start-campaign");
    assertThat(browser.text("#notice")).contains("asked to confirm").contains("1 left out");

    browser.get("/outbox");
    String benEmail = seeded("Ben Novak").getEmail();
    List<WebElement> invitation = browser.driver().findElements(By.cssSelector(".card.mail")).stream()
        .filter(m -> m.findElement(By.cssSelector(".mail-to")).getText().equals(benEmail)).toList();
    assertThat(invitation).hasSize(1);
    assertThat(invitation.get(0).findElements(By.cssSelector("pre.mail a"))).as("the re-permission mail's footer")
        .anySatisfy(a -> assertThat(a.getAttribute("href")).contains("/preferences?token="))
        .anySatisfy(a -> assertThat(a.getAttribute("href")).contains("/unsubscribe?token="));
    browser.follow(invitation.get(0).findElement(By.cssSelector("pre a")));
    assertThat(browser.text("#confirmed-purpose")).isEqualTo("newsletter");

    browser.get("/campaigns");
    browser.click("#run-sweep");
    assertThat(browser.text("#sweep-erased")).as("nobody is erased before the deadline").isEqualTo("0");
    browser.click("#advance-15");
    browser.click("#run-sweep");
    assertThat(browser.find("#sweep-progress").isDisplayed()).isTrue();
    assertThat(gdpr.erasure().wasErased(clara)).as("Clara did not confirm").isTrue();
    assertThat(gdpr.erasure().wasErased(ben)).as("Ben confirmed").isFalse();
    assertThat(gdpr.erasure().wasErased(anna)).as("Anna's consent was current").isFalse();
    assertThat(gdpr.decide(ben, "newsletter").allowed()).isTrue();
  }
}

package io.gdprkit.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.subject.SubjectId;
import org.junit.jupiter.api.Test;

/** The stories of the demo CRM, clicked through in a real headless Chromium. */
class SignupStoryTests extends BrowserStory {

  @Test
  void signUpConfirmFromTheInboxThenUnsubscribeWithOneClick() {
    browser.get("/signup");
    assertThat(browser.find("#newsletter").isSelected()).as("boxes start unticked (Art. 7(2))").isFalse();
    browser.type("#name", "Dora Weiss");
    browser.type("#email", "dora@example.org");
    browser.find("#birthDate").sendKeys("01021990");
    browser.tick("#newsletter");
    browser.click("#signup-submit");
    assertThat(browser.text("#check-inbox")).isEqualTo("Check your inbox");
    SubjectId dora = SubjectId.of(contacts.findFirstByEmailIgnoreCase("dora@example.org").orElseThrow().getId());
    assertThat(gdpr.consents().state(dora, "newsletter").orElseThrow().status()).isEqualTo(ConsentStatus.PENDING);
    assertThat(gdpr.decide(dora, "newsletter").allowed()).as("nothing is sent before the confirmation").isFalse();

    browser.click("#to-outbox");
    browser.follow(mailLink("dora@example.org", "Please confirm your subscription", "/confirm?token="));
    assertThat(browser.text("#confirmed-purpose")).isEqualTo("newsletter");
    assertThat(gdpr.decide(dora, "newsletter").allowed()).isTrue();

    browser.get("/outbox");
    browser.follow(mailLink("dora@example.org", "Welcome", "/unsubscribe?token="));
    assertThat(gdpr.decide(dora, "newsletter").allowed()).as("opening the link alone changes nothing").isTrue();
    browser.click("#unsubscribe-submit");
    assertThat(browser.text("#unsubscribed")).isEqualTo("You are unsubscribed");
    assertThat(gdpr.consents().state(dora, "newsletter").orElseThrow().status()).isEqualTo(ConsentStatus.WITHDRAWN);
    assertThat(gdpr.decide(dora, "newsletter").allowed()).isFalse();
  }

  @Test
  void aChildBelowTheAgeOfDigitalConsentIsRefusedAndNothingIsStored() {
    long before = contacts.count();
    browser.get("/signup");
    browser.type("#name", "Emil Young");
    browser.type("#email", "emil@example.org");
    browser.find("#birthDate").sendKeys("01022014");
    browser.tick("#newsletter");
    browser.click("#signup-submit");
    assertThat(browser.text("#refusal")).contains("Art. 8(1)");
    assertThat(contacts.count()).isEqualTo(before);
    assertThat(contacts.findFirstByEmailIgnoreCase("emil@example.org")).isEmpty();
  }
}

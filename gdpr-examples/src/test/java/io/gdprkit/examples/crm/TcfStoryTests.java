package io.gdprkit.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.iabtcf.encoder.TCStringEncoder;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The landing page's IAB TCF field, in a real headless Chromium, with TC strings written by the IAB's own encoder: the
 * demo is the publisher, and purpose 1 of the Publisher TC segment stands for its analytics.
 */
class TcfStoryTests extends BrowserStory {

  @Test
  void aTcStringWithPurposeOneConsentTurnsTrackingOnWithTheStringAsProof() {
    browser.get("/welcome");
    assertThat(browser.text("#tracking-state")).isEqualTo("off");

    browser.type("#tcf-string", tcString(1));
    browser.click("#tcf-submit");

    assertThat(browser.text("#tcf-action")).isEqualTo("GRANTED");
    assertThat(browser.text("#tracking-state")).isEqualTo("on");
    SubjectId visitor = visitor();
    assertThat(gdpr.decide(visitor, "tracking").allowed()).isTrue();
    assertThat(gdpr.consents().state(visitor, "tracking").orElseThrow().status()).isEqualTo(ConsentStatus.GRANTED);
    assertThat(gdpr.consents().history(visitor, "tracking")).last()
        .satisfies(e -> assertThat(e.proof().channel()).isEqualTo(ConsentChannel.TCF_STRING));
  }

  @Test
  void aTcStringWithoutPurposeOneLeavesTrackingOff() {
    browser.get("/welcome");

    browser.type("#tcf-string", tcString(2));
    browser.click("#tcf-submit");

    assertThat(browser.text("#tcf-action")).isEqualTo("UNCHANGED");
    assertThat(browser.text("#tracking-state")).isEqualTo("off");
    assertThat(gdpr.decide(visitor(), "tracking").allowed()).isFalse();
  }

  @Test
  void aStringThatIsNoTcStringIsRefusedAndNothingIsRecorded() {
    browser.get("/welcome");

    browser.type("#tcf-string", "not-a-tc-string");
    browser.click("#tcf-submit");

    assertThat(browser.text("#tcf-refused")).startsWith("Not recorded");
    assertThat(browser.text("#tracking-state")).isEqualTo("off");
    assertThat(gdpr.consents().state(visitor(), "tracking")).isEmpty();
  }

  private SubjectId visitor() {
    return SubjectId.of("visitor-" + browser.driver().manage().getCookieNamed("crm_visitor").getValue());
  }

  /** A TCF v2.3 string from a CMP, in which the publisher has the visitor's consent to {@code publisherPurpose} only. */
  private static String tcString(int publisherPurpose) {
    Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
    return TCStringEncoder.newBuilder()
        .version(2)
        .created(today)
        .lastUpdated(today)
        .cmpId(300)
        .cmpVersion(1)
        .consentScreen(1)
        .consentLanguage("EN")
        .vendorListVersion(120)
        .tcfPolicyVersion(5)
        .isServiceSpecific(true)
        .publisherCC("DE")
        .addPurposesConsent(publisherPurpose)
        .addVendorConsent(755)
        .addDisclosedVendors(755)
        .addPubPurposesConsent(publisherPurpose)
        .encode();
  }
}

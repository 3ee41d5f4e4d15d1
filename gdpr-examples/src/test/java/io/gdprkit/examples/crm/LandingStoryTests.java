package io.gdprkit.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.subject.SubjectId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/** The landing page's tracking banner and Global Privacy Control, in a real headless Chromium. */
class LandingStoryTests extends BrowserStory {

  @Test
  void analyticsStayOffUntilAcceptedAndGoOffAgainWithOneClick() {
    browser.get("/welcome");
    assertThat(browser.text("#tracking-state")).isEqualTo("off");
    browser.click("#banner-accept");
    assertThat(browser.text("#tracking-state")).isEqualTo("on");
    assertThat(browser.driver().findElements(By.id("banner"))).isEmpty();
    browser.click("#withdraw-tracking");
    assertThat(browser.text("#tracking-state")).isEqualTo("off");
  }

  @Test
  void aGlobalPrivacyControlVisitTurnsTrackingOffAndIsRecorded() {
    browser.get("/welcome");
    browser.click("#banner-accept");
    assertThat(browser.text("#tracking-state")).isEqualTo("on");
    Cookie visitor = browser.driver().manage().getCookieNamed("crm_visitor");

    ChromeDriver chrome = (ChromeDriver) browser.driver();
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Sec-GPC", "1")));
    browser.get("/welcome");
    assertThat(browser.text("#gpc-honoured")).contains("Global Privacy Control");
    assertThat(browser.text("#tracking-state")).isEqualTo("off");
    SubjectId subject = SubjectId.of("visitor-" + visitor.getValue());
    assertThat(gdpr.gpc().history(subject)).hasSize(1);
    assertThat(gdpr.decide(subject, "tracking").allowed()).isFalse();
  }
}

package io.gdprkit.examples.crm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Selenium with Debian's chromedriver: the driver path is set, so Selenium
 * Manager never tries to download one, and the flags keep Chromium off the closed network. Without Chromium the
 * browser tests skip with a message, unless {@code GDPR_KIT_REQUIRE_SERVICES=true} (as {@code .ci/run} sets, after
 * installing it), in which case they fail.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final Path profile;
  private final String base;

  private Browser(WebDriver driver, Path profile, String base) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
  }

  /** Starts a fresh headless Chromium for pages under {@code base}, such as {@code http://localhost:8080}. */
  static Browser open(String base) throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "true".equals(System.getenv("GDPR_KIT_REQUIRE_SERVICES"))) {
      throw new IllegalStateException("Chromium and chromedriver are required (GDPR_KIT_REQUIRE_SERVICES=true) but "
          + CHROMIUM + " or " + CHROMEDRIVER + " is missing: apt-get install chromium chromium-driver");
    }
    Assumptions.assumeTrue(present, "browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER
        + " is missing (apt-get install chromium chromium-driver; .ci/run installs them)");
    Path profile = Files.createTempDirectory("gdpr-kit-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1280,1400", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), profile, base);
  }

  WebDriver driver() {
    return driver;
  }

  void get(String path) {
    driver.get(path.startsWith("http") ? path : base + path);
  }

  WebElement find(String css) {
    return wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  /** Clicks a link or a submit button and waits until the next page has replaced this one. */
  void click(String css) {
    WebElement page = driver.findElement(By.tagName("html"));
    clickWhenReady(css);
    waitGone(page);
  }

  /** Clicks, trying again while the page is still settling (a node replaced under the click is retried). */
  private void clickWhenReady(String css) {
    wait(d -> {
      try {
        d.findElement(By.cssSelector(css)).click();
        return true;
      } catch (org.openqa.selenium.TimeoutException e) {
        throw e;
      } catch (org.openqa.selenium.WebDriverException e) {
        return null;
      }
    });
  }

  /** Clicks a link or button that opens a confirm dialog, accepts it, and waits for the next page. */
  void clickAndAccept(String css) {
    WebElement page = driver.findElement(By.tagName("html"));
    clickWhenReady(css);
    wait(ExpectedConditions.alertIsPresent()).accept();
    waitGone(page);
  }

  /** Follows a link found on this page and waits for the next page. */
  void follow(WebElement link) {
    WebElement page = driver.findElement(By.tagName("html"));
    link.click();
    waitGone(page);
  }

  /** Ticks or unticks a check box; the page stays. */
  void tick(String css) {
    find(css).click();
  }

  /**
   * Waits until {@code page} has been replaced. Chromium answers a question about a node of a page it has left either
   * "stale element" or "node does not belong to the document"; both mean the next page is there.
   */
  private void waitGone(WebElement page) {
    wait(d -> {
      try {
        page.isEnabled();
        return null;
      } catch (org.openqa.selenium.TimeoutException e) {
        throw e;
      } catch (org.openqa.selenium.WebDriverException e) {
        return true;
      }
    });
  }

  private <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
  }

  /** Types into a field, trying again while the page is still settling (a node replaced under the typing). */
  void type(String css, String text) {
    wait(d -> {
      try {
        WebElement field = d.findElement(By.cssSelector(css));
        field.clear();
        field.sendKeys(text);
        return true;
      } catch (org.openqa.selenium.TimeoutException e) {
        throw e;
      } catch (org.openqa.selenium.WebDriverException e) {
        return null;
      }
    });
  }

  /** The text of an element, read again if the page replaced it meanwhile. */
  String text(String css) {
    return wait(d -> {
      try {
        return d.findElement(By.cssSelector(css)).getText();
      } catch (org.openqa.selenium.TimeoutException e) {
        throw e;
      } catch (org.openqa.selenium.WebDriverException e) {
        return null;
      }
    });
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

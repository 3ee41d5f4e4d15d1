package io.gdprkit.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditPseudonyms;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.examples.crm.contact.Contact;
import io.gdprkit.examples.crm.contact.ContactRepository;
import io.gdprkit.examples.marketing.MarketingApplication;
import io.gdprkit.examples.marketing.Subscribers;
import io.gdprkit.subject.SubjectId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The CRM on its {@code rabbitmq} profile and the marketing companion on its {@code marketing} profile, both in this
 * JVM on the machine's RabbitMQ at 127.0.0.1:5672, each with its own H2 database: the CRM's newsletter subscribers,
 * seeded or signed up and confirmed in the CRM, sign up in the companion, and an opt-out, an unsubscribe link and a
 * "Forget me" used in the CRM change the companion's {@code decide} within 10 seconds, seen on the companion's page in
 * Chromium. Skipped with a message when RabbitMQ
 * cannot be reached, unless {@code GDPR_KIT_REQUIRE_SERVICES=true}, which fails it instead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompanionStoryTests {

  private static final String HOST = "127.0.0.1";
  private static final int PORT = 5672;
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String EXCHANGE = "gdpr-kit.demo-companion." + RUN;
  private static final String CRM = "demo-companion-" + RUN + "-crm";
  private static final String MARKETING = "demo-companion-" + RUN + "-marketing";
  private static final String NEWSLETTER = "newsletter";
  private static final Duration WITHIN = Duration.ofSeconds(10);

  private static ConfigurableApplicationContext crm;
  private static ConfigurableApplicationContext marketing;

  private Browser browser;

  @BeforeAll
  static void startBoth() {
    requireBroker();
    // The companion first, so that its sign-up queue exists when the CRM's seed grants Anna's newsletter consent
    marketing = start(MarketingApplication.class, MarketingApplication.PROFILE, MARKETING);
    crm = start(CrmApplication.class, "rabbitmq", CRM, "--demo.companion-url=" + url(marketing) + "/");
  }

  @AfterAll
  static void stopBoth() {
    for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {crm, marketing}) {
      if (context != null) {
        context.close();
      }
    }
    CachingConnectionFactory connection = new CachingConnectionFactory(HOST, PORT);
    try {
      RabbitAdmin admin = new RabbitAdmin(connection);
      for (String queue : List.of(EXCHANGE + "." + CRM, EXCHANGE + "." + MARKETING)) {
        admin.deleteQueue(queue);
        admin.deleteQueue(queue + ".dlq");
      }
      admin.deleteQueue(EXCHANGE + "." + MARKETING + ".signups");
      admin.deleteExchange(EXCHANGE);
      admin.deleteExchange(EXCHANGE + ".dlx");
    } finally {
      connection.destroy();
    }
  }

  @BeforeEach
  void openBrowser() throws IOException {
    browser = Browser.open(url(crm));
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void theCrmsNewsletterSubscriberSignsUpInTheCompanion() {
    SubjectId anna = crmSubject("Anna Schmidt");

    SubjectId subscriber = subscriberOf(anna);

    assertThat(kit(marketing).decide(subscriber, NEWSLETTER).reason())
        .isEqualTo(DecisionReason.CONSENT_GIVEN);
    browser.get("/");
    browser.click("#nav-companion");
    assertThat(newsletterOnCompanionPage(anna)).isEqualTo("CONSENT_GIVEN");
  }

  @Test
  @Order(2)
  void anOptOutInTheCrmReachesTheCompanionWithinSeconds() {
    SubjectId anna = crmSubject("Anna Schmidt");
    SubjectId subscriber = subscriberOf(anna);

    kit(crm).consents().withdraw(anna, NEWSLETTER);

    await(() -> kit(marketing).decide(subscriber, NEWSLETTER).reason() == DecisionReason.CONSENT_WITHDRAWN);
    browser.get(url(marketing) + "/");
    awaitOnPage(() -> newsletterOnCompanionPage(anna).equals("CONSENT_WITHDRAWN"));
    assertThat(browser.text("#applied .event-type")).isEqualTo("ConsentWithdrawn");
    assertThat(browser.text("#applied .event-outcome")).isEqualTo("APPLIED");
  }

  @Test
  @Order(3)
  void forgettingAContactInTheCrmErasesTheSubscriberInTheCompanionWithinSeconds() {
    SubjectId anna = crmSubject("Anna Schmidt");
    SubjectId subscriber = subscriberOf(anna);
    browser.get("/contacts/" + anna.value());

    browser.clickAndAccept("#forget-me");

    await(() -> kit(marketing).erasure().wasErased(subscriber));
    assertThat(kit(marketing).decide(subscriber, NEWSLETTER).allowed()).isFalse();
    browser.get(url(marketing) + "/");
    awaitOnPage(() -> row(anna).findElement(By.cssSelector(".erased")).getText().equals("erased"));
  }

  @Test
  @Order(4)
  void aSignUpConfirmedInTheCrmAndItsUnsubscribeLinkReachTheCompanion() {
    browser.get("/signup");
    browser.type("#name", "Dora Weiss");
    browser.type("#email", "dora@example.org");
    browser.find("#birthDate").sendKeys("01021990");
    browser.tick("#newsletter");
    browser.click("#signup-submit");
    browser.get("/outbox");
    browser.follow(browser.find("pre a[href*='/confirm?token=']"));
    SubjectId dora = SubjectId.of(crm.getBean(ContactRepository.class).findFirstByEmailIgnoreCase("dora@example.org")
        .orElseThrow().getId());
    SubjectId subscriber = subscriberOf(dora);
    browser.get("/outbox");

    browser.follow(browser.find("pre a[href*='/unsubscribe?token=']"));
    browser.click("#unsubscribe-submit");

    await(() -> kit(marketing).decide(subscriber, NEWSLETTER).reason() == DecisionReason.CONSENT_WITHDRAWN);
    browser.get(url(marketing) + "/");
    awaitOnPage(() -> newsletterOnCompanionPage(dora).equals("CONSENT_WITHDRAWN"));
  }

  /** Starts an application; the settings are arguments, which win over the profiles' files. */
  private static ConfigurableApplicationContext start(Class<?> application, String profile, String source,
      String... more) {
    List<String> arguments = new java.util.ArrayList<>(List.of(
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:" + source + ";DB_CLOSE_DELAY=-1",
        "--gdpr.events.source=" + source,
        "--gdpr.events.amqp.exchange=" + EXCHANGE,
        "--spring.rabbitmq.host=" + HOST,
        "--spring.rabbitmq.port=" + PORT,
        "--spring.main.banner-mode=off"));
    arguments.addAll(List.of(more));
    return new SpringApplicationBuilder(application).profiles(profile).run(arguments.toArray(String[]::new));
  }

  /** Skips the stories, or fails them with {@code GDPR_KIT_REQUIRE_SERVICES=true}, when RabbitMQ does not answer. */
  private static void requireBroker() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, PORT), 2_000);
    } catch (IOException e) {
      String message = "RabbitMQ at " + HOST + ":" + PORT + " is not reachable (" + e.getMessage()
          + "); the companion stories are skipped. Set GDPR_KIT_REQUIRE_SERVICES=true to make them fail instead.";
      if (Boolean.parseBoolean(System.getenv("GDPR_KIT_REQUIRE_SERVICES"))) {
        throw new IllegalStateException(message, e);
      }
      abort(message);
    }
  }

  private static String url(ConfigurableApplicationContext app) {
    return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  private static GdprKit kit(ConfigurableApplicationContext app) {
    return app.getBean(GdprKit.class);
  }

  private static SubjectId crmSubject(String name) {
    Contact contact = crm.getBean(ContactRepository.class).findAll().stream()
        .filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    return SubjectId.of(contact.getId());
  }

  private static String pseudonym(SubjectId crmSubject) {
    return AuditPseudonyms.of(kit(crm).pseudonymKey(), crmSubject);
  }

  /** The companion's subscriber for the CRM's subject, once its sign-up arrived; fails after {@link #WITHIN}. */
  private static SubjectId subscriberOf(SubjectId crmSubject) {
    await(() -> companionSubject(crmSubject).isPresent());
    return companionSubject(crmSubject).orElseThrow();
  }

  /** The companion's own subject for the CRM's, found by the pseudonym the CRM's events name it by. */
  private static Optional<SubjectId> companionSubject(SubjectId crmSubject) {
    return marketing.getBean(Subscribers.class).all().stream()
        .filter(s -> s.crmPseudonym().equals(pseudonym(crmSubject))).map(Subscribers.Subscriber::subject).findFirst();
  }

  private WebElement row(SubjectId crmSubject) {
    return browser.find("tr.subscriber[data-pseudonym='" + pseudonym(crmSubject) + "']");
  }

  private String newsletterOnCompanionPage(SubjectId crmSubject) {
    return row(crmSubject).findElement(By.cssSelector(".decision.newsletter")).getText();
  }

  /** Reloads the companion's page until {@code condition} holds on it; fails after {@link #WITHIN}. */
  private void awaitOnPage(BooleanSupplier condition) {
    await(() -> {
      try {
        if (condition.getAsBoolean()) {
          return true;
        }
      } catch (org.openqa.selenium.WebDriverException e) {
        // the page refreshed itself under the lookup: look again
      }
      browser.driver().navigate().refresh();
      return false;
    });
  }

  /** Waits until {@code condition} holds; fails after {@link #WITHIN}. */
  private static void await(BooleanSupplier condition) {
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - start > WITHIN.toNanos()) {
        throw new AssertionError("not within " + WITHIN);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}

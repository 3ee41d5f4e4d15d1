package io.gdprkit.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.examples.crm.contact.ContactRepository;
import io.gdprkit.subject.SubjectId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo CRM on the PostgreSQL of this machine, as {@code -Dspring.profiles.active=postgres} starts it: Flyway
 * creates the kit's and the CRM's tables from the PostgreSQL scripts in a schema of the test's own, and a sign-up
 * lands there. Skipped with a message when PostgreSQL is unreachable, unless {@code GDPR_KIT_REQUIRE_SERVICES=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + PostgresProfileStoryTests.SCHEMA,
    "spring.flyway.schemas=" + PostgresProfileStoryTests.SCHEMA})
@ActiveProfiles("postgres")
class PostgresProfileStoryTests {

  static final String SCHEMA = "gdpr_demo_crm_test";
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

  @LocalServerPort
  int port;

  @Autowired
  GdprKit gdpr;

  @Autowired
  ContactRepository contacts;

  private Browser browser;

  /** A schema of the test's own, dropped first so that Flyway and the seed start from nothing. */
  @BeforeAll
  static void freshSchema() {
    try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + SCHEMA + " cascade");
    } catch (SQLException e) {
      if ("true".equals(System.getenv("GDPR_KIT_REQUIRE_SERVICES"))) {
        throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is required (GDPR_KIT_REQUIRE_SERVICES=true)", e);
      }
      Assumptions.abort("PostgreSQL at 127.0.0.1:5432 is unreachable: the postgres profile's test is skipped");
    }
  }

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

  @Test
  void aSignUpLandsInPostgreSql() {
    assertThat(contacts.count()).as("the seeded data set").isGreaterThanOrEqualTo(5);
    browser.get("/signup");
    browser.type("#name", "Jonas Berg");
    browser.type("#email", "jonas@example.org");
    browser.find("#birthDate").sendKeys("03041988");
    browser.tick("#newsletter");
    browser.click("#signup-submit");
    assertThat(browser.text("#check-inbox")).isEqualTo("Check your inbox");
    SubjectId jonas = SubjectId.of(contacts.findFirstByEmailIgnoreCase("jonas@example.org").orElseThrow().getId());
    assertThat(gdpr.consents().state(jonas, "newsletter").orElseThrow().status()).isEqualTo(ConsentStatus.PENDING);
  }
}

package io.gdprkit.examples.marketing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * The marketing-automation companion of the demo CRM, on the {@code marketing} profile: its own H2 database and port
 * 8081, the CRM's newsletter sign-ups, opt-outs and erasures arriving through RabbitMQ (Art. 7(3), 17(2), 19, 21(3)).
 *
 * <p>Run it next to the CRM's {@code rabbitmq} profile with
 * {@code ./mvnw -q -pl gdpr-examples -am compile exec:java -Dexec.mainClass=io.gdprkit.examples.marketing.MarketingApplication}.
 */
@SpringBootApplication
public class MarketingApplication {

  /** The profile that gives the companion its name, database, port and broker (application-marketing.yaml). */
  public static final String PROFILE = "marketing";

  private static final Logger log = LoggerFactory.getLogger(MarketingApplication.class);

  public static void main(String[] args) {
    new SpringApplicationBuilder(MarketingApplication.class).profiles(PROFILE).run(args);
  }

  /** Tells the person who started the companion where to point the browser. */
  @EventListener
  void ready(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
      log.info("gdpr-kit marketing companion is running: open http://localhost:{}/ in a browser",
          web.getWebServer().getPort());
    }
  }
}

package io.gdprkit.examples.crm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * The demo CRM: a small web CRM on gdpr-spring-starter that shows every feature of gdpr-kit, each screen with the
 * article that makes the law's reason for it one click away. Embedded H2 by default; the {@code postgres} profile uses
 * the PostgreSQL on 127.0.0.1:5432.
 *
 * <p>Run it with {@code ./mvnw -q -pl gdpr-examples -am compile exec:java} and open the URL it prints.
 */
@SpringBootApplication
public class CrmApplication {

  private static final Logger log = LoggerFactory.getLogger(CrmApplication.class);

  public static void main(String[] args) {
    SpringApplication.run(CrmApplication.class, args);
  }

  /** Tells the person who started the demo where to point the browser. */
  @EventListener
  void ready(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
      log.info("gdpr-kit demo CRM is running: open http://localhost:{}/ in a browser", web.getWebServer().getPort());
    }
  }
}

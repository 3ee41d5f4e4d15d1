package io.gdprkit.spring.selfservice;

import io.gdprkit.preference.Topic;
import io.gdprkit.spring.autoconfigure.GdprKitCustomizer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A host application with two newsletter topics; no component scanning, so the endpoints come from the
 * auto-configuration alone.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SelfServiceTestApplication {

  @Bean
  GdprKitCustomizer topics() {
    return builder -> builder
        .topic(Topic.of("newsletter", "Monthly newsletter", "newsletter"))
        .topic(Topic.of("offers", "Special offers", "offers"));
  }
}

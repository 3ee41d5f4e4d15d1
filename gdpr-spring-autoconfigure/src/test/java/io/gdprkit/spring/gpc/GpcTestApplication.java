package io.gdprkit.spring.gpc;

import io.gdprkit.event.GdprEvent;
import io.gdprkit.gpc.GpcPolicy;
import io.gdprkit.spring.autoconfigure.GdprKitCustomizer;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host application whose GPC policy withdraws the consent for ad sharing, which knows its visitor by a header the
 * tests set (standing in for a session or a cookie), and has one page.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class GpcTestApplication {

  /** The header the test's resolver reads the subject from. */
  static final String VISITOR = "X-Test-Visitor";

  @Bean
  List<GdprEvent> events() {
    return new CopyOnWriteArrayList<>();
  }

  @Bean
  GdprKitCustomizer gpcPolicy(List<GdprEvent> events) {
    return builder -> builder.gpc(GpcPolicy.defaults().withWithdrawal("ad-sharing")).onEvent(events::add);
  }

  @Bean
  GpcSubjectResolver visitors() {
    return request -> request.getHeader(VISITOR) == null ? null : SubjectId.of(request.getHeader(VISITOR));
  }

  /** Registered as a member class of this configuration. */
  @RestController
  static class Page {

    @GetMapping("/page")
    String page() {
      return "ok";
    }
  }
}

package io.gdprkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.subject.SubjectId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GdprAutoConfigurationTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class));

  @Test
  void buildsTheKitFromThePurposesItIsGiven() {
    runner.withPropertyValues("gdpr.allow-generated-keys=true",
            "gdpr.purposes.newsletter.basis=CONSENT", "gdpr.purposes.newsletter.description=Monthly newsletter")
        .run(context -> {
          GdprKit kit = context.getBean(GdprKit.class);
          assertThat(kit.decide(SubjectId.of("c-1"), "newsletter").reason()).isEqualTo(DecisionReason.NO_CONSENT);
        });
  }

  @Test
  void backsOffWhenTheHostBuildsItsOwnKit() {
    GdprKit own = GdprKit.builder().allowGeneratedKeys().build();
    runner.withBean(GdprKit.class, () -> own).run(context -> assertThat(context.getBean(GdprKit.class)).isSameAs(own));
  }
}

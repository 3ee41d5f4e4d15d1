package io.gdprkit.spring.gpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

class GdprGpcAutoConfigurationTests {

  private static final AutoConfigurations CONFIGURATIONS =
      AutoConfigurations.of(GdprAutoConfiguration.class, GdprGpcAutoConfiguration.class);

  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(CONFIGURATIONS).withPropertyValues("gdpr.jpa.enabled=false");

  private final GpcSubjectResolver nobody = request -> null;

  @Test
  void servesTheSupportResourceButRecordsNothingWithoutAResolver() {
    web.run(context -> {
      assertThat(context).hasSingleBean(GpcSupportController.class);
      assertThat(context).hasBean("gdprGpcSecurityBypass");
      assertThat(context).doesNotHaveBean("gdprGpcSignalFilter");
    });
  }

  @Test
  void registersTheFilterRightAfterSpringSecurityWhenTheHostResolvesSubjects() {
    web.withBean(GpcSubjectResolver.class, () -> nobody).run(context -> {
      FilterRegistrationBean<?> filter = context.getBean("gdprGpcSignalFilter", FilterRegistrationBean.class);
      assertThat(filter.getFilter()).isInstanceOf(GpcSignalFilter.class);
      assertThat(filter.getOrder()).isEqualTo(-90);
    });
  }

  @Test
  void switchesTheFilterAndTheResourceOffByProperty() {
    web.withBean(GpcSubjectResolver.class, () -> nobody)
        .withPropertyValues("gdpr.gpc.enabled=false", "gdpr.gpc.well-known-enabled=false")
        .run(context -> {
          assertThat(context).doesNotHaveBean("gdprGpcSignalFilter");
          assertThat(context).doesNotHaveBean(GpcSupportController.class);
          assertThat(context).doesNotHaveBean("gdprGpcSecurityBypass");
        });
  }

  @Test
  void backsOffForTheHostsOwnFilter() {
    FilterRegistrationBean<?> own = new FilterRegistrationBean<>();
    web.withBean(GpcSubjectResolver.class, () -> nobody)
        .withBean("gdprGpcSignalFilter", FilterRegistrationBean.class, () -> own)
        .run(context -> assertThat(context.getBean("gdprGpcSignalFilter")).isSameAs(own));
  }

  @Test
  void doesNothingOutsideAServletApplicationOrWithoutAKit() {
    new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
        .withPropertyValues("gdpr.jpa.enabled=false")
        .withBean(GpcSubjectResolver.class, () -> nobody)
        .run(context -> assertThat(context).doesNotHaveBean(GpcSupportController.class)
            .doesNotHaveBean("gdprGpcSignalFilter"));
    new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(GdprGpcAutoConfiguration.class))
        .withBean(GpcSubjectResolver.class, () -> nobody)
        .run(context -> assertThat(context).doesNotHaveBean(GpcSupportController.class)
            .doesNotHaveBean("gdprGpcSignalFilter"));
  }

  @Test
  void bindsTheDateOfTheSupportStatement() {
    web.withPropertyValues("gdpr.gpc.last-update=2026-12-07").run(context -> {
      GpcProperties properties = context.getBean(GpcProperties.class);
      assertThat(properties.lastUpdate()).isEqualTo(LocalDate.of(2026, 12, 7));
      assertThat(properties.enabled()).isTrue();
      assertThat(properties.wellKnownEnabled()).isTrue();
    });
  }
}

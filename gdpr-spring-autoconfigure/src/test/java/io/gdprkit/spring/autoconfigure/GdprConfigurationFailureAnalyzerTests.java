package io.gdprkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each bad {@code gdpr.*} property stops start-up with a report naming it and the fix. */
class GdprConfigurationFailureAnalyzerTests {

  private static final String PURPOSE = "gdpr.purposes.newsletter.";
  private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0xMjM0NTY3ODk";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class))
      .withPropertyValues(PURPOSE + "basis=CONSENT", PURPOSE + "description=Monthly newsletter");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      gdpr.purposes.newsletter.basis=                          | gdpr.purposes.newsletter.basis                 | Set the legal basis
      gdpr.purposes.newsletter.description=                    | gdpr.purposes.newsletter.description           | Describe the purpose
      gdpr.purposes.newsletter.notice-version=                 | gdpr.purposes.newsletter.notice-version        | notice version to 1 to 64 characters
      gdpr.purposes.newsletter.data-categories=Contact Details | gdpr.purposes.newsletter.data-categories[0]    | Name data categories by id
      gdpr.purposes.newsletter.data-categories=shoe-size       | gdpr.purposes.newsletter.data-categories       | declare it under gdpr.data-categories.shoe-size
      gdpr.data-categories.shoe-size.description=              | gdpr.data-categories.shoe-size.description     | Describe what personal data
      gdpr.default-member-state=de                             | gdpr.default-member-state                      | upper-case ISO 3166-1 alpha-2 code
      gdpr.digital-consent-ages.BE.age=12                      | gdpr.digital-consent-ages.BE.age               | no member state may go below 13
      gdpr.digital-consent-ages.BE.age=17                      | gdpr.digital-consent-ages.BE.age               | above 16 is not a digital age of consent
      gdpr.digital-consent-ages.BE.source=                     | gdpr.digital-consent-ages.BE.age               | Set the age between 13 and 16
      gdpr.instance-id=two words                               | gdpr.instance-id                               | different on each instance
      gdpr.keys.pseudonym.secret=c2hvcnQ=                      | gdpr.keys.pseudonym.secret                     | at least 32 random bytes
      gdpr.keys.pseudonym.secret=not base64 but long enough to pass the size check!! | gdpr.keys.pseudonym.secret | base64
      gdpr.keys.signing.key=c2hvcnQ=                           | gdpr.keys.signing.key                          | exactly 32 random bytes
      gdpr.keys.signing.id=has space                           | gdpr.keys.signing.id                           | Name the key with 1 to 32 letters
      gdpr.keys.token[0].secret=c2hvcnQ=                       | gdpr.keys.token[0].secret                      | at least 32 random bytes
      gdpr.keys.key-encryption[0].key=c2hvcnQ=                 | gdpr.keys.key-encryption[0].key                | exactly 32 random bytes
      gdpr.retention.rules.leads.action=ERASE                  | gdpr.retention.rules.leads.keep                | how long the data is kept
      gdpr.retention.rules.leads.keep=730d                     | gdpr.retention.rules.leads.action              | ERASE or ANONYMISE
      gdpr.retention.rules.leads.purpose=billing               | gdpr.retention.rules.leads.purpose             | Declare it under gdpr.purposes.billing
      gdpr.retention.rules.leads.category=financial            | gdpr.retention.rules.leads.category            | a purpose or a data category, not both
      gdpr.erasure.cascade.default-depth=9                     | gdpr.erasure.cascade.default-depth             | between 0 and 5
      gdpr.erasure.cascade.depths.employee-of=-1               | gdpr.erasure.cascade.depths.employee-of         | between 0 and 5
      gdpr.signals.gpc.withdrawals=ad-sharing                  | gdpr.signals.gpc.withdrawals                   | Declare it under gdpr.purposes.ad-sharing
      gdpr.signals.gpc.objections=ad-sharing                   | gdpr.signals.gpc.objections                    | Declare it under gdpr.purposes.ad-sharing
      gdpr.signals.tcf.vendor-id=0                             | gdpr.signals.tcf.vendor-id                     | Global Vendor List
      gdpr.signals.tcf.purposes.30=newsletter                  | gdpr.signals.tcf.purposes[30]                  | TCF purposes 1 to 24 only
      gdpr.signals.tcf.purposes.1=storage                      | gdpr.signals.tcf.purposes.1                    | Declare it under gdpr.purposes.storage
      """)
  void reportsTheBadPropertyAndTheFix(String setting, String property, String fix) {
    List<String> settings = new ArrayList<>(List.of(setting));
    if (setting.startsWith("gdpr.retention.rules.leads.purpose") || setting.startsWith("gdpr.retention.rules.leads.category")) {
      settings.add("gdpr.retention.rules.leads.keep=730d");
      settings.add("gdpr.retention.rules.leads.action=ERASE");
    }
    if (setting.startsWith("gdpr.retention.rules.leads.category")) {
      settings.add("gdpr.retention.rules.leads.purpose=newsletter");
    }
    if (setting.startsWith("gdpr.digital-consent-ages.BE.source")) {
      settings.add("gdpr.digital-consent-ages.BE.age=");
    }
    if (setting.startsWith("gdpr.keys.signing.id")) {
      settings.add("gdpr.keys.signing.key=" + SECRET.substring(0, 43));
    }

    FailureAnalysis[] analysis = new FailureAnalysis[1];
    runner.withPropertyValues(settings.toArray(String[]::new)).run(context -> {
      assertThat(context).hasFailed();
      analysis[0] = new GdprConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
    });

    assertThat(analysis[0]).as("analysis of %s", setting).isNotNull();
    assertThat(analysis[0].getDescription()).contains("'" + property + "'");
    assertThat(analysis[0].getAction()).contains(fix);
    assertThat(analysis[0].getDescription() + analysis[0].getAction()).doesNotContain(SECRET, "c2hvcnQ=");
  }
}

package io.gdprkit.examples.crm;

import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.examples.crm.mail.DemoMailbox;
import io.gdprkit.consent.WithdrawalMethod;
import io.gdprkit.gpc.GpcPolicy;
import io.gdprkit.receipt.ConsentReceipt.PiiController;
import io.gdprkit.receipt.ConsentReceipt.PostalAddress;
import io.gdprkit.receipt.ReceiptOptions;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.preference.Topic;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.spring.autoconfigure.GdprKitCustomizer;
import java.net.URI;
import java.time.Clock;
import java.time.Period;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the CRM processes personal data for, each purpose on its legal basis (Art. 6(1)), and the topics of its
 * preference center: three kinds of marketing e-mail, each its own consent (Art. 7(2): a separate, unticked box per
 * communication type), a lead score that needs the profiling switch, tracking that needs the tracking switch, and
 * invoices on the contract.
 */
@Configuration(proxyBeanMethods = false)
public class CrmGdprConfiguration {

  public static final String NEWSLETTER = "newsletter";
  public static final String OFFERS = "offers";
  public static final String INVITATIONS = "invitations";
  public static final String TRACKING = "tracking";
  public static final String BILLING = "billing";

  @Bean
  DemoClock demoClock() {
    return new DemoClock(Clock.systemUTC());
  }

  @Bean
  GdprKitCustomizer crmPurposes(DemoMailbox mailbox) {
    return builder -> builder
        .mailer(mailbox)
        // A browser's Global Privacy Control signal withdraws the consent to analytics (W3C GPC; Art. 7(3), 21(5)).
        .gpc(GpcPolicy.defaults().withWithdrawal(TRACKING))
        // What each consent receipt names as the controller (Kantara v1.1, ISO/IEC TS 27560).
        .receipts(ReceiptOptions.of(
            PiiController.of("Acme Analytics Ltd", "Privacy Team",
                PostalAddress.of("Main Street 1", "10115", "Berlin", CountryCode.of("DE")),
                "privacy@acme.example", "+49 30 1234"),
            "DE", URI.create("https://acme.example/privacy"),
            WithdrawalMethod.of(WithdrawalMethod.Means.WEB_FORM, URI.create("https://acme.example/preferences")))
            .withServiceName("Acme demo CRM"))
        .purpose(Purpose.of(NEWSLETTER, LegalBasis.CONSENT, "The monthly newsletter by e-mail")
            .withDataCategories(DataCategory.CONTACT_DETAILS).withConsentValidity(Period.ofMonths(24))
            .asDirectMarketing())
        .purpose(Purpose.of(OFFERS, LegalBasis.CONSENT, "Special offers by e-mail")
            .withDataCategories(DataCategory.CONTACT_DETAILS).asDirectMarketing())
        .purpose(Purpose.of(INVITATIONS, LegalBasis.CONSENT, "Invitations to events and webinars")
            .withDataCategories(DataCategory.CONTACT_DETAILS).asDirectMarketing())
        .purpose(Purpose.of(TRACKING, LegalBasis.CONSENT, "Analytics of visits to our web site")
            .withDataCategories(DataCategory.BEHAVIOURAL).requiring(ProcessingSwitch.TRACKING))
        .purpose(Purpose.of("lead-scoring", LegalBasis.LEGITIMATE_INTERESTS, "A lead score from a contact's data")
            .withDataCategories(DataCategory.BEHAVIOURAL).requiring(ProcessingSwitch.PROFILING))
        .purpose(Purpose.of(BILLING, LegalBasis.CONTRACT, "Invoices for what a customer orders")
            .withDataCategories(DataCategory.FINANCIAL))
        .topic(Topic.of(NEWSLETTER, "Newsletter", NEWSLETTER))
        .topic(Topic.of(OFFERS, "Special offers", OFFERS))
        .topic(Topic.of(INVITATIONS, "Event invitations", INVITATIONS));
  }
}

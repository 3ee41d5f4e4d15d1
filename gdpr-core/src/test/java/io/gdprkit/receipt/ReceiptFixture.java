package io.gdprkit.receipt;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.WithdrawalMethod;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.SpecialCategoryCondition;
import io.gdprkit.receipt.ConsentReceipt.PiiController;
import io.gdprkit.receipt.ConsentReceipt.PostalAddress;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.subject.SubjectId;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.time.Period;

/** A kit with receipts configured, fixed keys and a settable clock, shared by the receipt tests. */
final class ReceiptFixture {

  static final SubjectId ALICE = SubjectId.of("contact-42");
  static final PiiController ACME = PiiController.of("Acme GmbH", "Privacy Team",
      PostalAddress.of("Main St 1", "10115", "Berlin", CountryCode.of("DE")), "privacy@acme.example", "+49 30 1234")
      .withUrl(URI.create("https://acme.example"));
  static final WithdrawalMethod PREFERENCES = WithdrawalMethod.of(WithdrawalMethod.Means.WEB_FORM,
      URI.create("https://acme.example/preferences"));
  static final ReceiptOptions OPTIONS = ReceiptOptions.of(ACME, "DE", URI.create("https://acme.example/privacy"),
      PREFERENCES);
  static final Purpose NEWSLETTER = Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter")
      .withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.BEHAVIOURAL)
      .withDpvIri(URI.create("https://w3id.org/dpv#DirectMarketing"))
      .withConsentValidity(Period.ofMonths(24));
  static final Purpose HEALTH_TIPS = Purpose.of("health-tips", LegalBasis.CONSENT, "Tips based on your health record")
      .withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.HEALTH)
      .withSpecialCategoryCondition(SpecialCategoryCondition.EXPLICIT_CONSENT); // Art. 9(1) needs a 9(2) condition

  final TestClock clock = TestClock.at("2026-03-02T09:15:30.123Z");
  final SigningKey signingKey = SigningKey.of("receipts-2026", filled(7));
  final GdprKit gdpr;

  ReceiptFixture() {
    this(OPTIONS);
  }

  ReceiptFixture(ReceiptOptions options) {
    this(GdprKit.builder().receipts(options));
  }

  /** Builds on {@code builder}, which may set more (regions, other purposes), with the fixture's clock and keys. */
  ReceiptFixture(GdprKit.Builder builder) {
    gdpr = builder.clock(clock).keyRing(KeyRing.of("ring-1", filled(3))).signingKey(signingKey)
        .purpose(NEWSLETTER).purpose(HEALTH_TIPS).build();
  }

  /** Grants the newsletter through a web form that recorded an IP address and a user agent. */
  ConsentEvent grantNewsletter() {
    return gdpr.consents().grant(ALICE, "newsletter", ConsentProof.webForm("signup-form", "v3")
        .ip("203.0.113.7").userAgent("Mozilla/5.0 (X11; Linux x86_64)").noticeText("Get our monthly newsletter.")
        .locale(Locale.GERMANY).build());
  }

  /** Returns the JWS of a real receipt. */
  String jws() {
    return gdpr.receipts().issue(grantNewsletter()).jws();
  }

  static byte[] filled(int value) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}

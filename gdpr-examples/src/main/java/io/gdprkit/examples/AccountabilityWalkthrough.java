package io.gdprkit.examples;

import io.gdprkit.examples.crm.DemoClock;
import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditProofVerifier;
import io.gdprkit.audit.Checkpoint;
import io.gdprkit.audit.ConsistencyProof;
import io.gdprkit.audit.InclusionProof;
import io.gdprkit.audit.ProofRejectedException;
import io.gdprkit.authorisation.NotAuthorisedException;
import io.gdprkit.authorisation.StaffUser;
import io.gdprkit.breach.Breach;
import io.gdprkit.breach.BreachDetails;
import io.gdprkit.breach.ExposureWindow;
import io.gdprkit.breach.LateNotificationException;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.WithdrawalMethod;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.encryption.SubjectKeyDestroyedException;
import io.gdprkit.processing.Contact;
import io.gdprkit.processing.ControllerDetails;
import io.gdprkit.processing.ErasureTimeLimit;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.RegisterCheck;
import io.gdprkit.processing.RegisterFormat;
import io.gdprkit.processing.ThirdCountryTransfer;
import io.gdprkit.processing.TransferSafeguard;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.receipt.ConsentReceipt;
import io.gdprkit.receipt.InvalidReceiptException;
import io.gdprkit.receipt.ReceiptOptions;
import io.gdprkit.receipt.ReceiptVerifier;
import io.gdprkit.receipt.SignedReceipt;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.RecipientKind;
import io.gdprkit.recipient.Safeguard;
import io.gdprkit.recipient.TransferRefusedException;
import io.gdprkit.recipient.DisclosureRefusedException;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A runnable walk through the accountability side of a small CRM: records of processing, a signed consent receipt,
 * recipients and a refused transfer, the register of authorised persons, field encryption, a breach on the 72-hour
 * clock, an erasure that tells recipients and shreds keys, and an audit trail proven to an auditor entry by entry.
 *
 * <p>Run: {@code ./mvnw -q -pl gdpr-examples -am compile exec:java} (after the consent walkthrough)
 */
final class AccountabilityWalkthrough {

  private final Narrator narrator;
  private final DemoClock clock = DemoClock.startingAt(Instant.parse("2026-12-01T09:00:00Z"));

  AccountabilityWalkthrough(PrintStream out) {
    this.narrator = new Narrator(out);
  }

  void run() {
    InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(ProviderDescriptor.of("contacts",
        "CRM contacts", List.of(
            FieldDescriptor.of("name", DataCategory.CONTACT_DETAILS, ErasureStrategy.replace("erased")),
            FieldDescriptor.of("phone", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()))));
    List<String> told = new ArrayList<>();
    GdprKit gdpr = GdprKit.builder()
        .clock(clock)
        .personalData(contacts)
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter")
            .withDataCategories(DataCategory.CONTACT_DETAILS))
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(DataCategory.FINANCIAL))
        .purpose(Purpose.of("support", LegalBasis.CONTRACT, "Customer support")
            .withDataCategories(DataCategory.CONTACT_DETAILS))
        .receipts(ReceiptOptions.of(ConsentReceipt.PiiController.of("Acme CRM GmbH", "Privacy team",
            ConsentReceipt.PostalAddress.of("Hauptstr. 1", "10115", "Berlin", CountryCode.of("DE")),
            "privacy@acme.example", "+49 30 1234567"), "DE", URI.create("https://acme.example/privacy"),
            WithdrawalMethod.of(WithdrawalMethod.Means.WEB_FORM, URI.create("https://acme.example/preferences"))))
        .recipientNotifier((recipient, notification) -> told.add(recipient.name() + " (" + notification.reason() + ")"))
        .build();
    SubjectId alice = SubjectId.of("contact-42");
    SubjectId bob = SubjectId.of("contact-43");
    Actor dpo = Actor.staff("dpo");
    Instant collected = clock.instant().minus(Duration.ofDays(3));
    contacts.put(alice, "c-42", Map.of("name", "Alice", "phone", "+49 170 0000042"), collected);
    contacts.put(bob, "c-43", Map.of("name", "Bob", "phone", "+49 170 0000043"), collected);

    narrator.step("A1. Records of processing activities (Art. 30)");
    gdpr.processingRecords().controller(ControllerDetails.of(Contact.of("Acme CRM GmbH", "privacy@acme.example"))
        .withDpo(Contact.of("Data protection officer", "dpo@acme.example")), dpo);
    gdpr.processingRecords().save(ProcessingActivity.builder("mailing", "Newsletter mailing")
        .purposes("newsletter").subjectCategories("Newsletter subscribers")
        .dataCategories(DataCategory.CONTACT_DETAILS).recipientCategories("E-mail service provider")
        .transfer(ThirdCountryTransfer.of("US", "Mail Co Inc.", TransferSafeguard.STANDARD_CONTRACTUAL_CLAUSES))
        .erasureTimeLimit(ErasureTimeLimit.of(DataCategory.CONTACT_DETAILS.id(), "on withdrawal of consent"))
        .securityMeasures("TLS in transit, AES-256-GCM per-subject field encryption, role-based access")
        .build(), dpo);
    gdpr.processingRecords().save(ProcessingActivity.builder("invoicing", "Invoicing").purposes("billing")
        .subjectCategories("Customers").dataCategories(DataCategory.FINANCIAL)
        .erasureTimeLimit(ErasureTimeLimit.of(DataCategory.FINANCIAL.id(), "10 years (tax law)")).build(), dpo);
    RegisterCheck check = gdpr.processingRecords().check();
    narrator.say("check: complete=%s, declared purposes with no activity %s", check.isComplete(),
        check.purposesWithoutActivity());
    ByteArrayOutputStream markdown = new ByteArrayOutputStream();
    gdpr.processingRecords().export(RegisterFormat.MARKDOWN, markdown);
    narrator.say("Markdown export: %d bytes, first line: %s", markdown.size(),
        markdown.toString(StandardCharsets.UTF_8).lines().findFirst().orElse(""));

    narrator.step("A2. Alice subscribes; she gets a signed consent receipt (Kantara v1.1, ISO/IEC TS 27560)");
    ConsentEvent granted = gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("signup-form", "v3")
        .ip("203.0.113.7").noticeText("One newsletter a month. Unsubscribe at any time.").build());
    SignedReceipt receipt = gdpr.receipts().issue(granted);
    VerificationKey published = gdpr.receipts().verificationKey();
    ConsentReceipt checked = ReceiptVerifier.verify(receipt.jws(), published);
    narrator.say("JWS of %d characters, header %s", receipt.jws().length(), receipt.jws().substring(0,
        receipt.jws().indexOf('.')));
    narrator.say("verified with the public key alone: receipt %s, principal named by pseudonym: %s",
        checked.consentReceiptId(), !checked.piiPrincipalId().contains(alice.value()));
    char[] altered = receipt.jws().toCharArray();
    int middle = receipt.jws().indexOf('.') + 40;
    altered[middle] = altered[middle] == 'A' ? 'B' : 'A';
    try {
      ReceiptVerifier.verify(new String(altered), published);
    } catch (InvalidReceiptException e) {
      narrator.say("one character changed: refused, %s", e.reason());
    }

    narrator.step("A3. Recipients: a processor in Germany, an analytics firm in the US without safeguards");
    gdpr.recipients().register(Recipient.of("mailer", RecipientKind.PROCESSOR, "Mail Co", "dpo@mail.example",
        CountryCode.of("DE")), dpo);
    gdpr.recipients().register(Recipient.of("analytics", RecipientKind.THIRD_PARTY, "Numbers LLC",
        "legal@numbers.example", CountryCode.of("US")), dpo);
    gdpr.recipients().disclose(alice, "mailer", "newsletter", Set.of(DataCategory.CONTACT_DETAILS), Actor.system("sync"));
    narrator.say("disclosed alice's contact details to %s", gdpr.recipients().recipientsOf(alice).stream()
        .map(Recipient::name).toList());
    try {
      gdpr.recipients().disclose(alice, "analytics", "newsletter", Set.of(DataCategory.CONTACT_DETAILS), dpo);
    } catch (TransferRefusedException e) {
      narrator.say("transfer refused: %s", e.getMessage());
    }
    gdpr.recipients().register(Recipient.of("analytics", RecipientKind.THIRD_PARTY, "Numbers LLC",
        "legal@numbers.example", CountryCode.of("US")).withSafeguard(Safeguard.STANDARD_CONTRACTUAL_CLAUSES,
        "SCC module 1, signed 2026-11-30"), dpo);
    gdpr.recipients().disclose(alice, "analytics", "newsletter", Set.of(DataCategory.CONTACT_DETAILS), dpo);
    narrator.say("with standard contractual clauses on file: disclosed to %s", gdpr.recipients().recipientsOf(alice)
        .stream().map(Recipient::name).toList());
    gdpr.restrictions().restrict(bob, "accuracy contested (Art. 18(1)(a))", dpo);
    try {
      gdpr.recipients().disclose(bob, "mailer", "support", Set.of(DataCategory.CONTACT_DETAILS), dpo);
    } catch (DisclosureRefusedException e) {
      narrator.say("bob is restricted: disclosure refused (%s)", e.reason());
    }

    narrator.step("A4. Register of authorised persons: health data needs an explicit grant");
    StaffUser agent = StaffUser.of("support-7");
    gdpr.authorisations().grantAllOrdinary(agent, clock.instant(), null, dpo);
    gdpr.authorisations().require(agent, DataCategory.CONTACT_DETAILS);
    narrator.say("support-7 may read contact details");
    try {
      gdpr.authorisations().require(agent, DataCategory.HEALTH);
    } catch (NotAuthorisedException e) {
      narrator.say("refused and audited: %s", e.getMessage());
    }

    narrator.step("A5. Alice's phone number is stored encrypted under her own data key");
    String stored = gdpr.encryption().encryptText(alice, "phone", "+49 170 0000042");
    narrator.say("column value: %s… (%d characters)", stored.substring(0, 12), stored.length());
    narrator.say("decrypted for alice: %s", gdpr.encryption().decryptText(alice, "phone", stored).equals(
        "+49 170 0000042") ? "the number" : "WRONG");

    narrator.step("A6. A breach: a laptop with an export of contact details is lost");
    Instant aware = clock.instant();
    Breach breach = gdpr.breaches().record(BreachDetails.of("Laptop with a CRM export lost on a train")
        .withDataCategories(DataCategory.CONTACT_DETAILS).withApproximateSubjects(2)
        .withExposure(ExposureWindow.of(aware.minus(Duration.ofDays(30)), aware)), aware, dpo);
    narrator.say("deadline for the authority: %s (72 hours after awareness)", breach.deadline());
    clock.advance(Duration.ofHours(60));
    narrator.say("60 hours later, awaiting notification within 24 h: %d breach(es)",
        gdpr.breaches().awaitingNotification(Duration.ofHours(24)).size());
    AtomicLong affected = new AtomicLong();
    gdpr.breaches().affectedSubjects(breach.id(), subject -> affected.incrementAndGet());
    narrator.say("affected subjects derived from the category and window: %d", affected.get());
    clock.advance(Duration.ofHours(20));
    try {
      gdpr.breaches().notifyAuthority(breach.id(), clock.instant(), null, dpo);
    } catch (LateNotificationException e) {
      narrator.say("late without reasons: %s", e.getMessage());
    }
    gdpr.breaches().notifyAuthority(breach.id(), clock.instant(),
        "the export was found only on the third day, in a backup inventory", dpo);
    narrator.say("notified late, with reasons recorded");

    narrator.step("A7. Alice asks to be forgotten: recipients are told (Art. 19) and her key is shredded");
    Checkpoint before = gdpr.audit().checkpoint(TenantId.DEFAULT);
    gdpr.erasure().erase(alice);
    narrator.say("recipients told: %s", told);
    try {
      gdpr.encryption().decryptText(alice, "phone", stored);
    } catch (SubjectKeyDestroyedException e) {
      narrator.say("the stored (and any backed-up) phone number: %s", e.getMessage());
    }

    narrator.step("A8. The audit trail, proven to an auditor who holds only the public key");
    Checkpoint after = gdpr.audit().checkpoint(TenantId.DEFAULT);
    narrator.say("verify(): %s", gdpr.audit().verify(TenantId.DEFAULT));
    String jwks = gdpr.verificationKeys().toJwks();
    narrator.say("published key set (JWKS, %d characters): %s keys, read back %s", jwks.length(),
        gdpr.verificationKeys().keys().size(), VerificationKeys.fromJwks(jwks).equals(gdpr.verificationKeys()));
    narrator.say("checkpoints at %d and %d entries, signed by key '%s'", before.treeSize(), after.treeSize(),
        after.keyId());
    AuditEntry first = gdpr.audit().entries(TenantId.DEFAULT, 0, 1).get(0);
    InclusionProof inclusion = gdpr.audit().inclusionProof(TenantId.DEFAULT, 0, after);
    AuditProofVerifier.verifyInclusion(first, inclusion, after, gdpr.signingKey().verificationKey());
    narrator.say("entry 0 (%s) proven in the log with %d hashes, no other entry shown", first.record().kind(),
        inclusion.path().size());
    ConsistencyProof consistency = gdpr.audit().consistencyProof(TenantId.DEFAULT, before, after);
    AuditProofVerifier.verifyConsistency(before, after, consistency, gdpr.signingKey().verificationKey());
    narrator.say("the later checkpoint extends the earlier one (%d hashes)", consistency.path().size());
    try {
      AuditProofVerifier.verifyInclusion(gdpr.audit().entries(TenantId.DEFAULT, 1, 1).get(0), inclusion, after,
          gdpr.signingKey().verificationKey());
    } catch (ProofRejectedException e) {
      narrator.say("the same proof for another entry: rejected (%s)", e.reason());
    }
  }
}

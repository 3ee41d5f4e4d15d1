package io.gdprkit.examples;

import io.gdprkit.examples.crm.DemoClock;
import io.gdprkit.GdprKit;
import io.gdprkit.consent.BulkUpdate;
import io.gdprkit.consent.BulkUpdateReport;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.PendingConsent;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.decision.ProcessingNotPermittedException;
import io.gdprkit.preference.Topic;
import io.gdprkit.preference.UnsubscribeResult;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.restriction.ObjectionRefusedException;
import io.gdprkit.retention.RetentionRule;
import io.gdprkit.retention.SweepReport;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.suppression.SuppressedContactException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A runnable walk through a small CRM's GDPR flows: declare purposes, take a consent with proof, run a double
 * opt-in, decide, guard, switch profiling, unsubscribe by token, let a consent expire, bulk-import leads, object,
 * restrict, erase with suppression, and sweep by retention rule.
 *
 * <p>Run: {@code ./mvnw -q -pl gdpr-examples -am compile exec:java}
 */
public final class ConsentWalkthrough {

  private final Narrator narrator;
  private final DemoClock clock = DemoClock.startingAt(Instant.parse("2026-11-23T09:00:00Z"));

  ConsentWalkthrough(PrintStream out) {
    this.narrator = new Narrator(out);
  }

  /** Runs the consent and rights walkthrough, then the accountability one. */
  public static void main(String[] args) {
    new ConsentWalkthrough(System.out).run();
    new AccountabilityWalkthrough(System.out).run();
  }

  void run() {
    InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(ProviderDescriptor.of("contacts",
        "CRM contacts", List.of(
            FieldDescriptor.of("name", DataCategory.CONTACT_DETAILS, ErasureStrategy.replace("erased")).providedBySubject(),
            FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.keyedHash()).providedBySubject(),
            FieldDescriptor.of("last-ip", DataCategory.ONLINE_IDENTIFIERS, ErasureStrategy.maskIp()))));
    InMemoryPersonalDataProvider invoices = new InMemoryPersonalDataProvider(ProviderDescriptor.of("invoices",
        "Invoices", List.of(
            FieldDescriptor.of("amount", DataCategory.FINANCIAL, ErasureStrategy.retain("tax law (AO §147)", Period.ofYears(10))),
            FieldDescriptor.of("billing-email", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()))));
    GdprKit gdpr = GdprKit.builder()
        .clock(clock)
        .personalData(contacts)
        .personalData(invoices)
        .retention(RetentionRule.forSubjects("inactive-leads", Duration.ofDays(730), RetentionRule.Action.ERASE))
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter")
            .withDataCategories(DataCategory.CONTACT_DETAILS).withConsentValidity(Period.ofMonths(24)))
        .purpose(Purpose.of("lead-scoring", LegalBasis.LEGITIMATE_INTERESTS, "Score leads from their visits")
            .withDataCategories(DataCategory.BEHAVIOURAL).requiring(ProcessingSwitch.PROFILING))
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(DataCategory.FINANCIAL))
        .purpose(Purpose.of("postal-offers", LegalBasis.LEGITIMATE_INTERESTS, "Offers by post").asDirectMarketing())
        .topic(Topic.of("newsletter", "Newsletter", "newsletter"))
        .build();
    SubjectId alice = SubjectId.of("contact-42");
    SubjectId bob = SubjectId.of("contact-43");

    step("1. Declared purposes");
    gdpr.purposes().all().forEach(p -> say("%-13s %-21s %s", p.id(), p.legalBasis(), p.legalBasis().gdprIri()));

    step("2. Alice signs up for the newsletter on a web form");
    ConsentEvent granted = gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("signup-form", "v3")
        .ip("203.0.113.7").userAgent("Mozilla/5.0 (X11; Linux x86_64)").locale(Locale.GERMANY)
        .noticeText("We send one newsletter a month. Unsubscribe at any time.").build());
    say("event %s #%d at %s, expires %s", granted.type(), granted.sequence(), granted.occurredAt(), granted.expiresAt());
    say("proof: channel %s, form %s %s, notice sha256 %s…, ip kept as %s (%s)", granted.proof().channel(),
        granted.proof().formId(), granted.proof().formVersion(), granted.proof().noticeSha256().substring(0, 12),
        granted.proof().ip().policy(), granted.proof().ip().value());
    say("decide(alice, newsletter)   -> %s", gdpr.decide(alice, "newsletter"));
    say("decide(alice, billing)      -> %s", gdpr.decide(alice, "billing"));
    say("decide(alice, lead-scoring) -> %s", gdpr.decide(alice, "lead-scoring"));
    say("source tags of alice: %s", gdpr.sources().tags(alice).stream().map(t -> t.origin().type() + " "
        + t.origin().reference()).toList());

    step("3. The guard stops lead scoring until the profiling switch is on");
    try {
      gdpr.guard().require(alice, "lead-scoring");
    } catch (ProcessingNotPermittedException e) {
      say("refused: %s", e.getMessage());
    }
    gdpr.consents().setSwitch(alice, ProcessingSwitch.PROFILING, true, Actor.subject());
    say("after switching profiling on: %s", gdpr.guard().require(alice, "lead-scoring"));

    step("4. Bob subscribes with double opt-in");
    PendingConsent pending = gdpr.consents().requestConfirmation(bob, "newsletter",
        ConsentProof.webForm("footer-form", "v1").ip("198.51.100.23").build());
    say("pending; decide(bob, newsletter) -> %s", gdpr.decide(bob, "newsletter").reason());
    say("confirmation link: https://crm.example/confirm?t=%s…", pending.token().substring(0, 24));
    clock.advance(Duration.ofMinutes(7));
    gdpr.consents().confirm(pending.token(), ConsentProof.emailConfirmation().ip("198.51.100.23").build());
    say("confirmed; decide(bob, newsletter) -> %s", gdpr.decide(bob, "newsletter").reason());
    try {
      gdpr.consents().confirm(pending.token());
    } catch (InvalidTokenException e) {
      say("clicking the link again: %s (%s)", e.reason(), e.getMessage());
    }

    step("5. Bob unsubscribes with one click from the e-mail footer");
    String unsubscribe = gdpr.preferences().unsubscribeToken(bob, "newsletter");
    UnsubscribeResult result = gdpr.preferences().unsubscribe(unsubscribe);
    say("withdrawn: %s; decide(bob, newsletter) -> %s", result.withdrawn(), gdpr.decide(bob, "newsletter").reason());

    step("6. Two years later Alice's consent has expired");
    clock.advance(Duration.ofDays(731));
    say("decide(alice, newsletter) -> %s", gdpr.decide(alice, "newsletter").reason());
    say("expiries recorded by the sweep: %d", gdpr.consents().recordExpiries(1_000));

    step("7. A trade-fair list of 1,200 leads is imported with consent given on the stand");
    BulkUpdate update = BulkUpdate.of("newsletter", LegalBasis.CONSENT, Origin.importFile("trade-fair-2028.csv"),
        clock.instant().minus(Duration.ofDays(3)), Actor.staff("user-17")).withBatchSize(500);
    BulkUpdateReport report = gdpr.consents().bulkUpdate(update,
        IntStream.range(0, 1_200).mapToObj(i -> SubjectId.of("lead-" + i)), (subject, current) -> true);
    say("examined %d, matched %d, updated %d, unchanged %d, batches %d, failed batches %d", report.examined(),
        report.matched(), report.updated(), report.unchanged(), report.batchesCommitted(), report.batchesFailed());

    step("8. Alice's full consent history, with proofs");
    gdpr.consents().history(alice).forEach(e -> say("#%d %-10s %-20s %s by %s", e.sequence(), e.purpose(), e.type(),
        e.occurredAt(), e.proof().recordedBy().type()));

    step("9. Bob objects to postal offers (direct marketing: absolute) and contests his data (restriction)");
    gdpr.restrictions().object(bob, "postal-offers", "", Actor.subject());
    say("decide(bob, postal-offers) -> %s", gdpr.decide(bob, "postal-offers").reason());
    try {
      gdpr.restrictions().recordCompellingGrounds(bob, "postal-offers", "we want to", Actor.staff("user-17"));
    } catch (ObjectionRefusedException e) {
      say("override refused: %s", e.reason());
    }
    gdpr.restrictions().restrict(bob, "accuracy contested (Art. 18(1)(a))", Actor.staff("dpo"));
    say("while restricted, decide(bob, billing) -> %s", gdpr.decide(bob, "billing").reason());
    gdpr.restrictions().lift(bob, "accuracy verified", Actor.staff("dpo"));
    say("after lifting, decide(bob, billing) -> %s", gdpr.decide(bob, "billing").reason());

    step("10. Carol asks to be forgotten");
    SubjectId carol = SubjectId.of("contact-44");
    contacts.put(carol, "c-44", Map.of("name", "Carol Example", "email", "carol@example.com", "last-ip", "192.0.2.44"),
        clock.instant());
    contacts.contactPoint(carol, ContactPoint.email("carol@example.com"));
    invoices.put(carol, "inv-9", Map.of("amount", 249.0, "billing-email", "carol@example.com"), clock.instant());
    ErasureReport erased = gdpr.erasure().erase(carol);
    erased.providers().forEach(r -> say("%-9s deleted %d records, anonymised %d fields, retained %s", r.provider(),
        r.recordsDeleted(), r.fieldsAnonymised(), r.retained().stream().map(k -> k.field() + " (" + k.reason()
            + ", until " + k.until() + ")").toList()));
    say("contact record now: name=%s, email=%s…, last-ip=%s", contacts.records(carol).get("c-44").get("name"),
        String.valueOf(contacts.records(carol).get("c-44").get("email")).substring(0, 12),
        contacts.records(carol).get("c-44").get("last-ip"));
    say("erasure record names the subject as %s…", erased.subjectPseudonym().substring(0, 10));
    try {
      gdpr.suppression().check(TenantId.DEFAULT, ContactPoint.email(" Carol@Example.com"));
    } catch (SuppressedContactException e) {
      say("re-import refused: %s", e.getMessage());
    }

    step("11. Two years without activity: the retention sweep");
    SubjectId dave = SubjectId.of("lead-dave");
    contacts.put(dave, "c-45", Map.of("name", "Dave"), clock.instant());
    gdpr.retention().recordActivity(dave, clock.instant());
    clock.advance(Duration.ofDays(731));
    SweepReport sweep = gdpr.retention().sweep(500);
    say("sweep erased %s; dave's name now: %s", sweep.rules(), contacts.records(dave).get("c-45").get("name"));
  }

  private void step(String title) {
    narrator.step(title);
  }

  private void say(String format, Object... args) {
    narrator.say(format, args);
  }
}

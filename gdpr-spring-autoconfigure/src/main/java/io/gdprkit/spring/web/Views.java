package io.gdprkit.spring.web;

import io.gdprkit.breach.Breach;
import io.gdprkit.breach.RiskAssessment;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.ProviderReport;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.subject.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The JSON bodies the admin endpoints answer with: records of the kit's values that say what a back office needs,
 * with ids by their plain value. Values the kit keeps as personal data (a recorded IP address, a user agent, the text
 * of a request) are not copied into them: the subject's export (Art. 15) carries those.
 */
final class Views {

  private Views() {
  }

  /** Who did something: {@code SUBJECT}, or a staff user's or system's id. */
  record ActorView(Actor.Type type, @Nullable String id) {

    static ActorView of(Actor actor) {
      return new ActorView(actor.type(), actor.id());
    }
  }

  /**
   * The evidence of a consent event without its personal data: whether an IP address and a user agent were kept, and
   * in which form the IP address was kept.
   */
  record ProofView(String channel, @Nullable String formId, @Nullable String formVersion,
      @Nullable String noticeSha256, @Nullable String locale, @Nullable String ipKeptAs, boolean userAgentKept,
      ActorView recordedBy, @Nullable String sourceType, @Nullable String sourceReference, boolean explicit) {

    static ProofView of(ConsentProof proof) {
      return new ProofView(proof.channel().name(), proof.formId(), proof.formVersion(), proof.noticeSha256(),
          proof.locale() == null ? null : proof.locale().toLanguageTag(),
          proof.ip() == null ? null : proof.ip().policy().name(), proof.userAgent() != null,
          ActorView.of(proof.recordedBy()), proof.source() == null ? null : proof.source().type().name(),
          proof.source() == null ? null : proof.source().reference(), proof.explicitStatement() != null);
    }
  }

  /** One event of a subject's consent ledger. */
  record ConsentEventView(UUID id, String purpose, String type, long sequence, Instant occurredAt,
      Instant recordedAt, @Nullable Instant expiresAt, String noticeVersion, ProofView proof) {

    static ConsentEventView of(ConsentEvent event) {
      return new ConsentEventView(event.id(), event.purpose(), event.type().name(), event.sequence(),
          event.occurredAt(), event.recordedAt(), event.expiresAt(), event.noticeVersion(), ProofView.of(event.proof()));
    }
  }

  /** One restriction placed or lifted (Art. 18). */
  record RestrictionChangeView(boolean restricted, String reason, ActorView changedBy, Instant changedAt,
      long sequence) {

    static RestrictionChangeView of(RestrictionChange change) {
      return new RestrictionChangeView(change.restricted(), change.reason(), ActorView.of(change.changedBy()),
          change.changedAt(), change.sequence());
    }
  }

  /** One change of an objection (Art. 21); the purpose is {@code *direct-marketing} for direct marketing as a whole. */
  record ObjectionChangeView(String purpose, String status, String note, ActorView changedBy, Instant changedAt,
      long sequence) {

    static ObjectionChangeView of(ObjectionChange change) {
      return new ObjectionChangeView(change.purpose(), change.status().name(), change.note(),
          ActorView.of(change.changedBy()), change.changedAt(), change.sequence());
    }
  }

  /** A subject request (Art. 12–22) with its deadline. */
  record RequestView(String id, String subject, String kind, String article, String state, Instant receivedAt,
      Instant dueAt, Instant deadline, @Nullable String extensionReason, @Nullable String rejectionReason,
      boolean overdue, int version) {

    static RequestView of(SubjectRequest request, Instant now) {
      return new RequestView(request.id().value().toString(), request.subject().value(), request.kind().name(),
          request.kind().article(), request.state().name(), request.receivedAt(), request.dueAt(), request.deadline(),
          request.extension() == null ? null : request.extension().reason(),
          request.rejection() == null ? null : request.rejection().reason(), request.isOverdueAt(now),
          request.version());
    }
  }

  /** What one provider erased or kept. */
  record ProviderReportView(String provider, long recordsDeleted, long fieldsAnonymised, int fieldsRetained,
      boolean resumed, @Nullable Instant nextRelease) {

    static ProviderReportView of(ProviderReport report) {
      return new ProviderReportView(report.provider(), report.recordsDeleted(), report.fieldsAnonymised(),
          report.retained().size(), report.resumed(), report.nextRelease());
    }
  }

  /** The report of an erasure job (Art. 17), with its cascade; it names the subject by pseudonym only. */
  record ErasureReportView(UUID job, String subjectPseudonym, String scope, Instant completedAt, long recordsDeleted,
      long fieldsAnonymised, long consentEventsErased, long sourceTagsErased, int suppressed,
      List<ProviderReportView> providers, List<ErasureReportView> cascaded, @Nullable Instant nextRelease) {

    static ErasureReportView of(ErasureReport report) {
      return new ErasureReportView(report.job(), report.subjectPseudonym(), report.scope().kind().name(),
          report.completedAt(), report.recordsDeleted(), report.fieldsAnonymised(), report.consentEventsErased(),
          report.sourceTagsErased(), report.suppressed(),
          report.providers().stream().map(ProviderReportView::of).toList(),
          report.cascaded().stream().map(ErasureReportView::of).toList(), report.nextRelease());
    }
  }

  /** The latest assessment of a breach's risk. */
  record AssessmentView(String level, String rationale, ActorView assessedBy, Instant assessedAt) {

    static AssessmentView of(RiskAssessment assessment) {
      return new AssessmentView(assessment.level().name(), assessment.rationale(),
          ActorView.of(assessment.assessedBy()), assessment.assessedAt());
    }
  }

  /** A breach of the register (Art. 33(5)) with its 72-hour deadline and where its notifications stand. */
  record BreachView(String id, int version, String description, List<String> dataCategories,
      List<String> subjectCategories, @Nullable Long approximateSubjects, @Nullable Long approximateRecords,
      Instant awareAt, Instant recordedAt, Instant deadline, boolean overdue, String authorityStatus,
      @Nullable Instant authorityNotifiedAt, boolean notifiedLate, String subjectStatus,
      @Nullable Instant subjectsToldAt, @Nullable AssessmentView assessment) {

    static BreachView of(Breach breach, Instant now) {
      return new BreachView(breach.id().value(), breach.version(), breach.details().description(),
          breach.details().dataCategories().stream().map(DataCategory::id).toList(),
          breach.details().subjectCategories(), breach.details().approximateSubjects(),
          breach.details().approximateRecords(), breach.awareAt(), breach.recordedAt(), breach.deadline(),
          breach.isOverdueAt(now), breach.authorityStatus().name(), breach.authorityNotifiedAt(),
          breach.notifiedLate(), breach.subjectStatus().name(), breach.subjectsToldAt(),
          breach.assessment().map(AssessmentView::of).orElse(null));
    }
  }

  /** A recipient of the register (Art. 30(1)(d), 19). */
  record RecipientView(String id, String kind, String name, String contact, String country, String safeguard,
      @Nullable String safeguardReference, @Nullable Instant retiredAt) {

    static RecipientView of(Recipient recipient) {
      return new RecipientView(recipient.id(), recipient.kind().name(), recipient.name(), recipient.contact(),
          recipient.country().value(), recipient.safeguard().name(), recipient.safeguardReference(),
          recipient.retiredAt());
    }
  }

  /** One disclosure of a subject's data to a recipient. */
  record DisclosureView(UUID id, String recipient, String purpose, List<String> categories, @Nullable String from,
      String to, String basis, ActorView disclosedBy, Instant disclosedAt) {

    static DisclosureView of(Disclosure disclosure) {
      return new DisclosureView(disclosure.id(), disclosure.recipient(), disclosure.purpose(),
          disclosure.categories().stream().map(DataCategory::id).sorted().toList(),
          disclosure.from() == null ? null : disclosure.from().value(), disclosure.to().value(),
          String.valueOf(disclosure.basis()), ActorView.of(disclosure.disclosedBy()), disclosure.disclosedAt());
    }
  }
}

package io.gdprkit.export.internal;

import io.gdprkit.consent.AgeCheck;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ParentalAuthorisation;
import io.gdprkit.data.DataItem;
import io.gdprkit.export.ExportKind;
import io.gdprkit.internal.Csv;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.source.SourceTag;
import io.gdprkit.subject.PersonalDataAccess;
import io.gdprkit.subject.SubjectId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes the flat CSV export (RFC 4180): one row per data item, then, for an access export, rows for consent events,
 * source tags and disclosures to recipients; the mapping is described on {@link io.gdprkit.export.ExportService}.
 */
final class CsvDocumentWriter implements DocumentWriter {

  static final String HEADER = "provider,record,field,category,value,provided_by_subject,collected_at";
  static final String CONSENT_LEDGER = "consent-ledger";
  static final String SOURCES = "sources";
  static final String RECIPIENTS = "recipients";

  private static final String CRLF = "\r\n";

  private final Writer out;
  private String provider = "";
  private int disclosures;
  /** The text of {@link #lastInstant}, formatted without allocating. */
  private final char[] instantText = new char[IsoInstants.MAX_LENGTH];
  private int instantLength;
  private @Nullable Instant lastInstant;

  CsvDocumentWriter(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 8192);
  }

  @Override
  public void begin(ExportKind kind, SubjectId subject, Instant generatedAt) {
    write(HEADER);
    write(CRLF);
  }

  @Override
  public void beginProvider(String id, String description, List<DataCategory> categories) {
    provider = id;
  }

  @Override
  public void item(DataItem item) {
    try {
      fields(provider, item.record(), item.field(), item.category().id(), Values.text(item.value()),
          item.providedBySubject());
      Instant collectedAt = item.collectedAt();
      if (collectedAt != null) {
        writeInstant(collectedAt);
      }
      out.write(CRLF);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeInstant(Instant instant) throws IOException {
    if (instant != lastInstant && !instant.equals(lastInstant)) {
      int length = IsoInstants.format(instant, instantText);
      if (length < 0) {
        lastInstant = null;
        out.write(instant.toString());
        return;
      }
      lastInstant = instant;
      instantLength = length;
    }
    out.write(instantText, 0, instantLength);
  }

  @Override
  public void endProvider() {}

  @Override
  public void endProviders() {}

  /** Purposes are in the JSON export only. */
  @Override
  public void purposes(List<Purpose> purposes) {}

  @Override
  public void consents(List<ConsentEvent> events) {
    for (ConsentEvent event : events) {
      String record = event.id().toString();
      String at = event.recordedAt().toString();
      consentRow(record, "purpose", event.purpose(), at);
      consentRow(record, "type", event.type().name(), at);
      consentRow(record, "sequence", Long.toString(event.sequence()), at);
      consentRow(record, "occurred_at", event.occurredAt().toString(), at);
      consentRow(record, "expires_at", event.expiresAt() == null ? null : event.expiresAt().toString(), at);
      consentRow(record, "notice_version", event.noticeVersion(), at);
      ConsentProof proof = event.proof();
      consentRow(record, "proof.channel", proof.channel().name(), at);
      consentRow(record, "proof.form_id", proof.formId(), at);
      consentRow(record, "proof.form_version", proof.formVersion(), at);
      consentRow(record, "proof.notice_sha256", proof.noticeSha256(), at);
      consentRow(record, "proof.locale", proof.locale() == null ? null : proof.locale().toLanguageTag(), at);
      if (proof.ip() != null) {
        consentRow(record, "proof.ip", proof.ip().value().value(PersonalDataAccess.unredacted()), at);
        consentRow(record, "proof.ip_policy", proof.ip().policy().name(), at);
      }
      consentRow(record, "proof.user_agent", proof.userAgent(), at);
      String recordedBy = proof.recordedBy().id() == null
          ? proof.recordedBy().type().name()
          : proof.recordedBy().type().name() + ":" + proof.recordedBy().id();
      consentRow(record, "proof.recorded_by", recordedBy, at);
      if (proof.source() != null) {
        consentRow(record, "proof.source", proof.source().type().name() + ":" + proof.source().reference(), at);
      }
      if (proof.tcf() != null) {
        consentRow(record, "proof.tcf_sha256", proof.tcf().sha256(), at);
        consentRow(record, "proof.tcf_cmp", proof.tcf().cmpId() + " version " + proof.tcf().cmpVersion()
            + " screen " + proof.tcf().consentScreen(), at);
        consentRow(record, "proof.tcf_created", proof.tcf().created().toString(), at);
        consentRow(record, "proof.tcf_last_updated", proof.tcf().lastUpdated().toString(), at);
        consentRow(record, "proof.tcf_policy_version", Integer.toString(proof.tcf().tcfPolicyVersion()), at);
        consentRow(record, "proof.tcf_vendor_list_version", Integer.toString(proof.tcf().vendorListVersion()), at);
      }
      consentConditionRows(record, proof, at);
    }
  }

  /** Writes how the consent was made explicit and the Art. 8 evidence: the age check and the parental authorisation. */
  private void consentConditionRows(String record, ConsentProof proof, String at) {
    if (proof.explicitStatement() != null) {
      consentRow(record, "proof.explicit_statement", proof.explicitStatement().name(), at);
    }
    if (proof.ageAssurance() instanceof AgeCheck check) {
      consentRow(record, "proof.age_evidence", check.evidence().name(), at);
      consentRow(record, "proof.age_member_state", check.memberState() == null ? null : check.memberState().code(), at);
      consentRow(record, "proof.age_of_consent", Integer.toString(check.ageOfConsent()), at);
      consentRow(record, "proof.below_age_of_consent", Boolean.toString(check.belowAgeOfConsent()), at);
    }
    ParentalAuthorisation parental = proof.parentalAuthorisation();
    if (parental != null) {
      consentRow(record, "proof.parental_role", parental.role().name(), at);
      consentRow(record, "proof.parental_verification", parental.verification().name(), at);
      consentRow(record, "proof.parental_verified_at", parental.verifiedAt().toString(), at);
      consentRow(record, "proof.parental_evidence_reference", parental.evidenceReference(), at);
    }
  }

  private void consentRow(String record, String field, @Nullable String value, String at) {
    if (value != null) {
      row(CONSENT_LEDGER, record, field, "consent", value, false, at);
    }
  }

  @Override
  public void sources(List<SourceTag> tags) {
    int n = 0;
    for (SourceTag tag : tags) {
      String record = "tag-" + ++n;
      String at = tag.taggedAt().toString();
      row(SOURCES, record, "type", "source", tag.origin().type().name(), false, at);
      row(SOURCES, record, "reference", "source", tag.origin().reference(), false, at);
    }
  }

  /** Retention is in the JSON export only. */
  @Override
  public void retention(List<RetainedField> fields) {}

  @Override
  public void beginRecipients() {
    disclosures = 0;
  }

  @Override
  public void disclosure(Disclosure disclosure, @Nullable Recipient recipient) {
    String record = "disclosure-" + ++disclosures;
    String at = disclosure.disclosedAt().toString();
    recipientRow(record, "recipient", disclosure.recipient(), at);
    if (recipient != null) {
      recipientRow(record, "name", recipient.name(), at);
      recipientRow(record, "kind", recipient.kind().name(), at);
    }
    recipientRow(record, "country", disclosure.to().value(), at);
    if (recipient != null) {
      recipientRow(record, "safeguard", recipient.safeguard().name(), at);
      recipientRow(record, "safeguard_reference", recipient.safeguardReference(), at);
    }
    recipientRow(record, "transfer_basis", disclosure.basis().name(), at);
    recipientRow(record, "purpose", disclosure.purpose(), at);
    recipientRow(record, "categories", String.join(",", DocumentWriter.categoryIds(disclosure)), at);
  }

  private void recipientRow(String record, String field, @Nullable String value, String at) {
    if (value != null) {
      row(RECIPIENTS, record, field, "recipient", value, false, at);
    }
  }

  @Override
  public void endRecipients() {}

  @Override
  public void end() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Nothing to return: the buffer is the writer's own, and closing it would close the output. */
  @Override
  public void release() {}

  private void row(String provider, String record, String field, String category, @Nullable String value,
      boolean providedBySubject, @Nullable String collectedAt) {
    try {
      fields(provider, record, field, category, value, providedBySubject);
      if (collectedAt != null) {
        out.write(collectedAt);
      }
      out.write(CRLF);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes every field but {@code collected_at}, each followed by its comma. */
  private void fields(String provider, String record, String field, String category, @Nullable String value,
      boolean providedBySubject) throws IOException {
    quoted(provider);
    out.write(',');
    quoted(record);
    out.write(',');
    quoted(field);
    out.write(',');
    quoted(category);
    out.write(',');
    if (value != null) {
      quoted(value);
    }
    out.write(',');
    out.write(providedBySubject ? "true" : "false");
    out.write(',');
  }

  private void quoted(String text) throws IOException {
    Csv.field(out, text);
  }

  private void write(String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

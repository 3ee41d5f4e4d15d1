package io.gdprkit.export.internal;

import io.gdprkit.consent.AgeCheck;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ParentalAuthorisation;
import io.gdprkit.data.DataItem;
import io.gdprkit.export.ExportKind;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.source.Origin;
import io.gdprkit.source.SourceTag;
import io.gdprkit.subject.PersonalDataAccess;
import io.gdprkit.subject.SubjectId;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Writes the JSON export document with Jackson's streaming generator; its layout is described on
 * {@link io.gdprkit.export.ExportService}.
 *
 * <p>Per item it writes pre-encoded property names, reuses the encoded id of the category it wrote last, and formats
 * {@code collectedAt} into a reused buffer, only when it differs from the last one (a record's fields share one), so
 * an item costs the value's encoding and allocates nothing of its own.
 */
final class JsonDocumentWriter implements DocumentWriter {

  private static final SerializableString RECORD = new SerializedString(ExportDocument.RECORD);
  private static final SerializableString FIELD = new SerializedString(ExportDocument.FIELD);
  private static final SerializableString CATEGORY = new SerializedString(ExportDocument.CATEGORY);
  private static final SerializableString VALUE = new SerializedString(ExportDocument.VALUE);
  private static final SerializableString PROVIDED_BY_SUBJECT =
      new SerializedString(ExportDocument.PROVIDED_BY_SUBJECT);
  private static final SerializableString COLLECTED_AT = new SerializedString(ExportDocument.COLLECTED_AT);

  private final JsonGenerator json;

  /** The current provider's declared categories by id, with their encoded ids. */
  private final Map<String, SerializableString> declared = new HashMap<>();
  private final Map<String, DataCategory> declaredCategories = new HashMap<>();
  private @Nullable DataCategory lastCategory;
  private @Nullable SerializableString lastCategoryId;
  /** The text of {@link #lastInstant}, formatted without allocating. */
  private final char[] instantText = new char[IsoInstants.MAX_LENGTH];
  private int instantLength;
  private @Nullable Instant lastInstant;

  JsonDocumentWriter(OutputStream out) {
    this.json = ExportDocument.JSON.createGenerator(ObjectWriteContext.empty(), out);
  }

  @Override
  public void begin(ExportKind kind, SubjectId subject, Instant generatedAt) {
    json.writeStartObject();
    json.writeName(ExportDocument.METADATA);
    json.writeStartObject();
    json.writeNumberProperty(ExportDocument.FORMAT_VERSION_NAME, ExportDocument.FORMAT_VERSION);
    json.writeStringProperty(ExportDocument.KIND, kind.name());
    json.writeStringProperty(ExportDocument.ARTICLE, kind == ExportKind.ACCESS ? "GDPR Art. 15" : "GDPR Art. 20");
    json.writeName(ExportDocument.SUBJECT);
    json.writeStartObject();
    json.writeStringProperty(ExportDocument.TENANT, subject.tenant().value());
    json.writeStringProperty(ExportDocument.ID, subject.value());
    json.writeEndObject();
    json.writeStringProperty(ExportDocument.GENERATED_AT, generatedAt.toString());
    json.writeEndObject();
    json.writeName(ExportDocument.PROVIDERS);
    json.writeStartArray();
  }

  @Override
  public void beginProvider(String id, String description, List<DataCategory> categories) {
    declared.clear();
    declaredCategories.clear();
    lastCategory = null;
    lastCategoryId = null;
    json.writeStartObject();
    json.writeStringProperty(ExportDocument.ID, id);
    json.writeStringProperty(ExportDocument.DESCRIPTION, description);
    json.writeName(ExportDocument.CATEGORIES);
    json.writeStartArray();
    for (DataCategory category : categories) {
      writeCategory(category);
      declared.put(category.id(), new SerializedString(category.id()));
      declaredCategories.put(category.id(), category);
    }
    json.writeEndArray();
    json.writeName(ExportDocument.ITEMS);
    json.writeStartArray();
  }

  @Override
  public void item(DataItem item) {
    json.writeStartObject();
    json.writeName(RECORD);
    json.writeString(item.record());
    json.writeName(FIELD);
    json.writeString(item.field());
    json.writeName(CATEGORY);
    writeItemCategory(item.category());
    json.writeName(VALUE);
    Values.writeJson(json, item.value());
    json.writeName(PROVIDED_BY_SUBJECT);
    json.writeBoolean(item.providedBySubject());
    json.writeName(COLLECTED_AT);
    Instant collectedAt = item.collectedAt();
    if (collectedAt == null) {
      json.writeNull();
    } else {
      writeInstant(collectedAt);
    }
    json.writeEndObject();
  }

  private void writeItemCategory(DataCategory category) {
    if (category != lastCategory) {
      SerializableString id = declared.get(category.id());
      if (id == null || !category.equals(declaredCategories.get(category.id()))) {
        writeCategory(category); // not declared as such: a reader needs all of it
        return;
      }
      lastCategory = category;
      lastCategoryId = id;
    }
    json.writeString(lastCategoryId);
  }

  private void writeCategory(DataCategory category) {
    json.writeStartObject();
    json.writeStringProperty(ExportDocument.ID, category.id());
    json.writeStringProperty(ExportDocument.DESCRIPTION, category.description());
    json.writeStringProperty(ExportDocument.SENSITIVITY, category.sensitivity().name());
    json.writeEndObject();
  }

  private void writeInstant(Instant instant) {
    if (instant != lastInstant && !instant.equals(lastInstant)) {
      int length = IsoInstants.format(instant, instantText);
      if (length < 0) {
        lastInstant = null;
        json.writeString(instant.toString());
        return;
      }
      lastInstant = instant;
      instantLength = length;
    }
    json.writeString(instantText, 0, instantLength);
  }

  @Override
  public void endProvider() {
    json.writeEndArray();
    json.writeEndObject();
  }

  @Override
  public void endProviders() {
    json.writeEndArray();
  }

  @Override
  public void purposes(List<Purpose> purposes) {
    json.writeName("purposes");
    json.writeStartArray();
    for (Purpose purpose : purposes) {
      json.writeStartObject();
      json.writeStringProperty("id", purpose.id());
      json.writeStringProperty("description", purpose.description());
      json.writeName("legalBasis");
      json.writeStartObject();
      json.writeStringProperty("basis", purpose.legalBasis().name());
      json.writeStringProperty("article", "GDPR Art. " + purpose.legalBasis().article());
      json.writeStringProperty("dpvIri", purpose.legalBasis().dpvIri().toString());
      json.writeStringProperty("gdprIri", purpose.legalBasis().gdprIri().toString());
      json.writeEndObject();
      json.writeStringProperty("dpvIri", purpose.dpvIri().toString());
      json.writeStringProperty("noticeVersion", purpose.noticeVersion());
      json.writeName("dataCategories");
      json.writeStartArray();
      for (DataCategory category : purpose.dataCategories().stream()
          .sorted(Comparator.comparing(DataCategory::id)).toList()) {
        json.writeString(category.id());
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  @Override
  public void consents(List<ConsentEvent> events) {
    json.writeName("consents");
    json.writeStartArray();
    for (ConsentEvent event : events) {
      json.writeStartObject();
      json.writeStringProperty("id", event.id().toString());
      json.writeStringProperty("purpose", event.purpose());
      json.writeStringProperty("type", event.type().name());
      json.writeNumberProperty("sequence", event.sequence());
      json.writeStringProperty("occurredAt", event.occurredAt().toString());
      json.writeStringProperty("recordedAt", event.recordedAt().toString());
      json.writeStringProperty("expiresAt", text(event.expiresAt()));
      json.writeStringProperty("noticeVersion", event.noticeVersion());
      writeProof(event.proof());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void writeProof(ConsentProof proof) {
    json.writeName("proof");
    json.writeStartObject();
    json.writeStringProperty("channel", proof.channel().name());
    json.writeStringProperty("formId", proof.formId());
    json.writeStringProperty("formVersion", proof.formVersion());
    json.writeStringProperty("noticeSha256", proof.noticeSha256());
    json.writeStringProperty("locale", proof.locale() == null ? null : proof.locale().toLanguageTag());
    json.writeName("ip");
    if (proof.ip() == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      json.writeStringProperty("value", proof.ip().value().value(PersonalDataAccess.unredacted()));
      json.writeStringProperty("policy", proof.ip().policy().name());
      json.writeEndObject();
    }
    json.writeStringProperty("userAgent", proof.userAgent());
    json.writeName("recordedBy");
    json.writeStartObject();
    json.writeStringProperty("type", proof.recordedBy().type().name());
    json.writeStringProperty("id", proof.recordedBy().id());
    json.writeEndObject();
    json.writeName("source");
    writeOrigin(proof.source());
    if (proof.tcf() != null) {
      json.writeName("tcf");
      json.writeStartObject();
      json.writeStringProperty("sha256", proof.tcf().sha256());
      json.writeNumberProperty("cmpId", proof.tcf().cmpId());
      json.writeNumberProperty("cmpVersion", proof.tcf().cmpVersion());
      json.writeNumberProperty("consentScreen", proof.tcf().consentScreen());
      json.writeStringProperty("created", proof.tcf().created().toString());
      json.writeStringProperty("lastUpdated", proof.tcf().lastUpdated().toString());
      json.writeNumberProperty("tcfPolicyVersion", proof.tcf().tcfPolicyVersion());
      json.writeNumberProperty("vendorListVersion", proof.tcf().vendorListVersion());
      json.writeEndObject();
    }
    writeConsentConditions(proof);
    json.writeEndObject();
  }

  /** Writes how the consent was made explicit and the Art. 8 evidence: the age check and the parental authorisation. */
  private void writeConsentConditions(ConsentProof proof) {
    json.writeStringProperty("explicitStatement",
        proof.explicitStatement() == null ? null : proof.explicitStatement().name());
    json.writeName("ageCheck");
    if (proof.ageAssurance() instanceof AgeCheck check) {
      json.writeStartObject();
      json.writeStringProperty("evidence", check.evidence().name());
      json.writeStringProperty("memberState", check.memberState() == null ? null : check.memberState().code());
      json.writeNumberProperty("ageOfConsent", check.ageOfConsent());
      json.writeName("belowAgeOfConsent");
      json.writeBoolean(check.belowAgeOfConsent());
      json.writeEndObject();
    } else {
      json.writeNull(); // a recorded proof holds only age checks; a stated age is never written
    }
    json.writeName("parentalAuthorisation");
    ParentalAuthorisation parental = proof.parentalAuthorisation();
    if (parental == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      json.writeStringProperty("role", parental.role().name());
      json.writeStringProperty("verification", parental.verification().name());
      json.writeStringProperty("verifiedAt", parental.verifiedAt().toString());
      json.writeStringProperty("evidenceReference", parental.evidenceReference());
      json.writeEndObject();
    }
  }

  private void writeOrigin(@Nullable Origin origin) {
    if (origin == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    json.writeStringProperty("type", origin.type().name());
    json.writeStringProperty("reference", origin.reference());
    json.writeEndObject();
  }

  @Override
  public void sources(List<SourceTag> tags) {
    json.writeName("sources");
    json.writeStartArray();
    for (SourceTag tag : tags) {
      json.writeStartObject();
      json.writeStringProperty("type", tag.origin().type().name());
      json.writeStringProperty("reference", tag.origin().reference());
      json.writeStringProperty("taggedAt", tag.taggedAt().toString());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  @Override
  public void retention(List<RetainedField> fields) {
    json.writeName("retention");
    json.writeStartArray();
    for (RetainedField retained : fields) {
      json.writeStartObject();
      json.writeStringProperty("provider", retained.provider());
      json.writeStringProperty("field", retained.field().name());
      json.writeStringProperty("category", retained.field().category().id());
      json.writeStringProperty("obligation", retained.strategy().obligation());
      json.writeStringProperty("period", retained.strategy().period().toString());
      json.writeStringProperty("runsFrom", "the record's date");
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  @Override
  public void beginRecipients() {
    json.writeName("recipients");
    json.writeStartArray();
  }

  @Override
  public void disclosure(Disclosure disclosure, @Nullable Recipient recipient) {
    json.writeStartObject();
    json.writeStringProperty("recipient", disclosure.recipient());
    json.writeStringProperty("name", recipient == null ? null : recipient.name());
    json.writeStringProperty("kind", recipient == null ? null : recipient.kind().name());
    json.writeStringProperty("country", disclosure.to().value());
    json.writeStringProperty("safeguard", recipient == null ? null : recipient.safeguard().name());
    json.writeStringProperty("safeguardReference", recipient == null ? null : recipient.safeguardReference());
    json.writeStringProperty("transferBasis", disclosure.basis().name());
    json.writeStringProperty("purpose", disclosure.purpose());
    json.writeName("categories");
    json.writeStartArray();
    for (String category : DocumentWriter.categoryIds(disclosure)) {
      json.writeString(category);
    }
    json.writeEndArray();
    json.writeName("disclosedAt");
    writeInstant(disclosure.disclosedAt());
    json.writeEndObject();
  }

  @Override
  public void endRecipients() {
    json.writeEndArray();
  }

  @Override
  public void end() {
    json.writeEndObject();
    json.flush();
  }

  @Override
  public void release() {
    json.close();
  }

  private static @Nullable String text(@Nullable Object value) {
    return value == null ? null : value.toString();
  }
}

package io.gdprkit.receipt.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditService;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentService;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.purpose.Sensitivity;
import io.gdprkit.receipt.ConsentReceipt;
import io.gdprkit.receipt.ConsentReceipt.Iso27560Record;
import io.gdprkit.receipt.ConsentReceipt.Service;
import io.gdprkit.receipt.ConsentReceipt.ServicePurpose;
import io.gdprkit.receipt.ReceiptOptions;
import io.gdprkit.receipt.ReceiptService;
import io.gdprkit.receipt.SignedReceipt;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Builds receipts from ledger events and signs them; see {@link ReceiptService} and the mapping table of
 * {@link io.gdprkit.receipt}.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultReceiptService implements ReceiptService {

  /** The label of the keyed pseudonym that names the subject in receipts; distinct from the audit trail's. */
  static final String PRINCIPAL_LABEL = "receipt-principal";

  private static final String DPV = "https://w3id.org/dpv#";
  private static final Actor ISSUER = Actor.system("consent-receipts");

  private final ConsentService consents;
  private final PurposeRegistry purposes;
  private final PseudonymKey pseudonyms;
  private final SigningKey signingKey;
  private final @Nullable ReceiptOptions options;
  private final AuditService audit;
  private final Function<SubjectId, String> auditPseudonyms;

  /**
   * Creates the service.
   *
   * @param options the controller details, or {@code null} when the host configured none: then issuing fails
   * @param audit where each issued receipt is recorded
   * @param auditPseudonyms how the audit trail names a subject
   */
  public DefaultReceiptService(ConsentService consents, PurposeRegistry purposes, PseudonymKey pseudonyms, SigningKey signingKey,
      @Nullable ReceiptOptions options, AuditService audit, Function<SubjectId, String> auditPseudonyms) {
    this.consents = Preconditions.notNull(consents, "consents");
    this.purposes = Preconditions.notNull(purposes, "purposes");
    this.pseudonyms = Preconditions.notNull(pseudonyms, "pseudonyms");
    this.signingKey = Preconditions.notNull(signingKey, "signingKey");
    this.options = options;
    this.audit = Preconditions.notNull(audit, "audit");
    this.auditPseudonyms = Preconditions.notNull(auditPseudonyms, "auditPseudonyms");
  }

  @Override
  public SignedReceipt issue(ConsentEvent event) {
    Preconditions.notNull(event, "event");
    ReceiptOptions settings = options;
    if (settings == null) {
      throw new IllegalStateException(
          "receipts need the controller's details: build the kit with receipts(ReceiptOptions.of(..))");
    }
    Purpose purpose = purposes.get(event.purpose());
    Preconditions.check(consents.history(event.subject(), event.purpose()).contains(event), "event",
        "must be an event of the consent ledger, unchanged");
    ConsentReceipt receipt = receipt(event, purpose, settings);
    SignedReceipt signed = new SignedReceipt(Jws.sign(receipt, signingKey), receipt);
    audit.record(new AuditRecord(AuditKind.RECEIPT_ISSUED, event.subject().tenant(),
        auditPseudonyms.apply(event.subject()), ISSUER, purpose.id(), Map.of("event", event.id().toString(),
            "type", event.type().name(), "key", signingKey.keyId())));
    return signed;
  }

  @Override
  public VerificationKey verificationKey() {
    return signingKey.verificationKey();
  }

  private ConsentReceipt receipt(ConsentEvent event, Purpose purpose, ReceiptOptions settings) {
    String principal = principal(event.subject(), settings);
    List<String> categories = purpose.dataCategories().stream().map(DataCategory::id).sorted().toList();
    List<String> special = purpose.dataCategories().stream()
        .filter(category -> category.sensitivity() == Sensitivity.SPECIAL_CATEGORY)
        .map(DataCategory::id).sorted().toList();
    String termination = "Withdraw at any time, as easily as it was given (GDPR Art. 7(3))"
        + (event.expiresAt() == null ? "" : "; expires at " + event.expiresAt());
    ServicePurpose servicePurpose = new ServicePurpose(purpose.description(), List.of(purpose.dpvIri().toString()),
        "EXPLICIT", categories, true, termination, settings.thirdPartyName() != null, settings.thirdPartyName());
    Iso27560Record record = new Iso27560Record(Iso27560Record.SCHEMA_VERSION, event.id().toString(), principal,
        event.proof().formId(), event.noticeVersion(), event.proof().noticeSha256(), purpose.id(),
        purpose.legalBasis().gdprIri(), event.type().name(), event.occurredAt(),
        event.proof().recordedBy().type().name().toLowerCase(Locale.ROOT), state(event), event.expiresAt(),
        event.proof().channel().name());
    Locale locale = event.proof().locale();
    String language = locale != null && locale.getLanguage().length() == 2 ? locale.getLanguage()
        : settings.defaultLanguage();
    return new ConsentReceipt(ConsentReceipt.KANTARA_VERSION, settings.jurisdiction(),
        event.occurredAt().truncatedTo(ChronoUnit.SECONDS), method(event.proof().channel()), event.id().toString(),
        signingKey.verificationKey().publicKeyBase64Url(), language, principal, List.of(settings.controller()),
        settings.policyUrl(), List.of(new Service(settings.serviceName(), List.of(servicePurpose))),
        !special.isEmpty(), special, record);
  }

  private String principal(SubjectId subject, ReceiptOptions settings) {
    if (settings.rawSubjectIds()) {
      return subject.toString();
    }
    return pseudonyms.pseudonym(PRINCIPAL_LABEL, subject.tenant().value() + '/' + subject.value());
  }

  private static URI state(ConsentEvent event) {
    return URI.create(DPV + switch (event.type()) {
      case GRANTED, CONFIRMED -> "ConsentGiven";
      case WITHDRAWN -> "ConsentWithdrawn";
      case PENDING_CONFIRMATION -> "ConsentRequested";
      case EXPIRED -> "ConsentExpired";
    });
  }

  private static String method(ConsentChannel channel) {
    return switch (channel) {
      case WEB_FORM -> "web form";
      case IMPORT -> "import of consents collected elsewhere";
      case API -> "API call of a client system";
      case EMAIL_DOUBLE_OPT_IN -> "e-mail double opt-in";
      case IN_PERSON -> "in person";
      case PHONE -> "phone";
      case UNSUBSCRIBE_LINK -> "one-click unsubscribe link";
      case SYSTEM -> "recorded by the system";
      case TCF_STRING -> "IAB TCF consent string of a consent management platform";
    };
  }
}

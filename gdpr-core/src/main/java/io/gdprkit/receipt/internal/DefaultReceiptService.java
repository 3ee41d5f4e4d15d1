package io.gdprkit.receipt.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditService;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentService;
import io.gdprkit.consent.WithdrawalMethod;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.purpose.Sensitivity;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.receipt.ConsentReceipt;
import io.gdprkit.receipt.ConsentReceipt.Event;
import io.gdprkit.receipt.ConsentReceipt.Iso27560Record;
import io.gdprkit.receipt.ConsentReceipt.Notice;
import io.gdprkit.receipt.ConsentReceipt.Party;
import io.gdprkit.receipt.ConsentReceipt.PartyRole;
import io.gdprkit.receipt.ConsentReceipt.ProcessingPurpose;
import io.gdprkit.receipt.ConsentReceipt.Service;
import io.gdprkit.receipt.ConsentReceipt.ServicePurpose;
import io.gdprkit.receipt.ReceiptOptions;
import io.gdprkit.receipt.ReceiptService;
import io.gdprkit.receipt.SignedReceipt;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
  private static final String CONTROLLER_ID = "controller";
  private static final String THIRD_PARTY_ID = "third-party";
  private static final String PROCESSOR_ID = "processor-";
  private static final Actor ISSUER = Actor.system("consent-receipts");

  private final ConsentService consents;
  private final PurposeRegistry purposes;
  private final PseudonymKey pseudonyms;
  private final SigningKey signingKey;
  private final @Nullable ReceiptOptions options;
  private final AuditService audit;
  private final Function<SubjectId, String> auditPseudonyms;
  private final List<CountryCode> kitRegions;

  /**
   * Creates the service.
   *
   * @param options the controller details, or {@code null} when the host configured none: then issuing fails
   * @param audit where each issued receipt is recorded
   * @param auditPseudonyms how the audit trail names a subject
   * @param kitRegions the regions of the kit's stores ({@code dataRegion}, {@code storeRegion}), the storage
   *     locations of a receipt whose options name none
   */
  public DefaultReceiptService(ConsentService consents, PurposeRegistry purposes, PseudonymKey pseudonyms, SigningKey signingKey,
      @Nullable ReceiptOptions options, AuditService audit, Function<SubjectId, String> auditPseudonyms,
      Collection<CountryCode> kitRegions) {
    this.consents = Preconditions.notNull(consents, "consents");
    this.purposes = Preconditions.notNull(purposes, "purposes");
    this.pseudonyms = Preconditions.notNull(pseudonyms, "pseudonyms");
    this.signingKey = Preconditions.notNull(signingKey, "signingKey");
    this.options = options;
    this.audit = Preconditions.notNull(audit, "audit");
    this.auditPseudonyms = Preconditions.notNull(auditPseudonyms, "auditPseudonyms");
    this.kitRegions = Preconditions.notNull(kitRegions, "kitRegions").stream().distinct()
        .sorted(Comparator.comparing(CountryCode::value)).toList();
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
    WithdrawalMethod withdrawal = settings.withdrawal();
    String termination = "Withdraw at any time, as easily as it was given (GDPR Art. 7(3)): "
        + withdrawal.means() + " " + withdrawal.address()
        + (event.expiresAt() == null ? "" : "; expires at " + event.expiresAt());
    ServicePurpose servicePurpose = new ServicePurpose(purpose.description(), List.of(purpose.dpvIri().toString()),
        "EXPLICIT", categories, true, termination, settings.thirdPartyName() != null, settings.thirdPartyName());
    Locale locale = event.proof().locale();
    String language = locale != null && locale.getLanguage().length() == 2 ? locale.getLanguage()
        : settings.defaultLanguage();
    List<Party> parties = parties(settings);
    List<String> recipients = parties.stream().filter(party -> party.partyRole() != PartyRole.CONTROLLER)
        .map(Party::partyId).toList();
    Iso27560Record record = new Iso27560Record(Iso27560Record.SCHEMA_VERSION, event.id().toString(), principal,
        new Notice(event.proof().formId(), event.noticeVersion(), event.proof().noticeSha256(), language),
        new ProcessingPurpose(purpose.id(), purpose.legalBasis().gdprIri(), settings.jurisdiction(),
            storageLocations(settings), purpose.retention(), recipients, withdrawal, PrivacyRights.of(purpose)),
        parties,
        new Event(event.type().name(), event.occurredAt(),
            event.proof().recordedBy().type().name().toLowerCase(Locale.ROOT), state(event), event.expiresAt()),
        event.proof().channel().name());
    // The channel as a code, not prose: a withdrawal through withdraw(subject, purpose) reads "API", by the subject.
    return new ConsentReceipt(ConsentReceipt.KANTARA_VERSION, settings.jurisdiction(),
        event.occurredAt().truncatedTo(ChronoUnit.SECONDS), event.proof().channel().name(), event.id().toString(),
        signingKey.verificationKey().publicKeyBase64Url(), language, principal, List.of(settings.controller()),
        settings.policyUrl(), List.of(new Service(settings.serviceName(), List.of(servicePurpose))),
        !special.isEmpty(), special, record);
  }

  /** Returns the controller, then the third party, then the processors: the order is part of the signed form. */
  private static List<Party> parties(ReceiptOptions settings) {
    List<Party> parties = new ArrayList<>();
    parties.add(new Party(CONTROLLER_ID, settings.controller().piiController(), PartyRole.CONTROLLER));
    if (settings.thirdPartyName() != null) {
      parties.add(new Party(THIRD_PARTY_ID, settings.thirdPartyName(), PartyRole.THIRD_PARTY));
    }
    for (int i = 0; i < settings.processors().size(); i++) {
      parties.add(new Party(PROCESSOR_ID + (i + 1), settings.processors().get(i), PartyRole.PROCESSOR));
    }
    return parties;
  }

  /** Returns the configured storage locations, else every region of the kit's stores, sorted. */
  private List<CountryCode> storageLocations(ReceiptOptions settings) {
    if (!settings.storageLocations().isEmpty()) {
      return settings.storageLocations();
    }
    return kitRegions;
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

}

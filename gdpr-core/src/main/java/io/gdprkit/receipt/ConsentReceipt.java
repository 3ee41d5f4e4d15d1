package io.gdprkit.receipt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A consent receipt: what a subject (or an auditor) is handed as evidence of one consent event, in the fields of
 * the Kantara Consent Receipt Specification v1.1 with the ISO/IEC TS 27560 consent record alongside.
 *
 * <p>Why both: Kantara v1.1 is the receipt format that consent tools and wallets read today; ISO/IEC TS 27560 is
 * the record structure that supersedes it. The JSON carries the Kantara fields at the top level, under their Kantara
 * names, and the ISO record under {@code iso27560}. The package documentation maps each field to the kit's data and
 * names the ones that do not apply. A receipt travels signed, as a JWS made by {@link ReceiptService#issue}; a
 * receipt object on its own proves nothing, and {@link ReceiptVerifier#verify} is how one is obtained from a JWS.
 *
 * <p>Usage example: <pre>{@code ConsentReceipt r = ReceiptVerifier.verify(jws, publishedKey); r.services().get(0).purposes()}</pre>
 *
 * @param version the Kantara specification version, {@value #KANTARA_VERSION}
 * @param jurisdiction where the controller is established, as configured
 * @param consentTimestamp when the event happened, to the second (Kantara counts whole seconds)
 * @param collectionMethod how consent was collected, such as {@code web form}
 * @param consentReceiptId the receipt's id: the consent event's id, so a receipt issued twice has one id
 * @param publicKey the signing key's public key, unpadded base64url
 * @param language the ISO 639-1 language the notice was shown in
 * @param piiPrincipalId the subject: a keyed pseudonym unless the host chose raw subject ids
 * @param piiControllers the controller, as configured
 * @param policyUrl the controller's privacy policy
 * @param services the service and its purpose that the consent covers
 * @param sensitive whether the purpose needs special-category data (Art. 9)
 * @param spiCat the ids of those special categories, sorted
 * @param iso27560 the ISO/IEC TS 27560 consent record of the event
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ConsentReceipt(
    String version,
    String jurisdiction,
    Instant consentTimestamp,
    String collectionMethod,
    String consentReceiptId,
    String publicKey,
    String language,
    String piiPrincipalId,
    List<PiiController> piiControllers,
    URI policyUrl,
    List<Service> services,
    boolean sensitive,
    List<String> spiCat,
    Iso27560Record iso27560) {

  /** The Kantara Consent Receipt version written and accepted. */
  public static final String KANTARA_VERSION = "KI-CR-v1.1.0";

  /** Validates every field and copies the lists. */
  public ConsentReceipt {
    Preconditions.check(KANTARA_VERSION.equals(version), "version", "must be " + KANTARA_VERSION);
    Preconditions.notBlank(jurisdiction, "jurisdiction");
    Preconditions.notNull(consentTimestamp, "consentTimestamp");
    Preconditions.check(consentTimestamp.getNano() == 0, "consentTimestamp", "must be whole seconds");
    Preconditions.notBlank(collectionMethod, "collectionMethod");
    Preconditions.notBlank(consentReceiptId, "consentReceiptID");
    Preconditions.notBlank(publicKey, "publicKey");
    Preconditions.notBlank(language, "language");
    Preconditions.notBlank(piiPrincipalId, "piiPrincipalId");
    piiControllers = List.copyOf(Preconditions.notNull(piiControllers, "piiControllers"));
    Preconditions.check(!piiControllers.isEmpty(), "piiControllers", "must name at least one controller");
    Preconditions.notNull(policyUrl, "policyUrl");
    services = List.copyOf(Preconditions.notNull(services, "services"));
    Preconditions.check(!services.isEmpty(), "services", "must name at least one service");
    spiCat = List.copyOf(Preconditions.notNull(spiCat, "spiCat"));
    Preconditions.check(sensitive == !spiCat.isEmpty(), "sensitive", "must be true exactly when spiCat is not empty");
    Preconditions.notNull(iso27560, "iso27560");
    Preconditions.check(iso27560.recordId().equals(consentReceiptId), "iso27560.record_id",
        "must equal consentReceiptID");
    Preconditions.check(iso27560.piiPrincipalId().equals(piiPrincipalId), "iso27560.pii_principal_id",
        "must equal piiPrincipalId");
  }

  /**
   * A PII controller of a receipt (Kantara {@code piiControllers[]}): who decides on the processing and how to reach
   * them. Contact details of an organisation, not of the subject.
   *
   * <p>Usage example: <pre>{@code PiiController.of("Acme GmbH", "Privacy Team", "Main St 1, Berlin", "privacy@acme.example", "+49 30 1234")}</pre>
   *
   * @param piiController the controller's name
   * @param onBehalf whether the name is of someone acting on the controller's behalf
   * @param contact the contact person or team
   * @param address the postal address
   * @param email the contact e-mail address
   * @param phone the contact phone number
   * @param piiControllerUrl the controller's web site, or {@code null}
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record PiiController(String piiController, boolean onBehalf, String contact, String address, String email,
      String phone, @Nullable URI piiControllerUrl) {

    /** Validates the fields. */
    public PiiController {
      Preconditions.text(piiController, "piiController", 500);
      Preconditions.text(contact, "contact", 500);
      Preconditions.text(address, "address", 1000);
      Preconditions.text(email, "email", 320);
      Preconditions.text(phone, "phone", 64);
      if (piiControllerUrl != null) {
        Preconditions.check(piiControllerUrl.isAbsolute(), "piiControllerUrl", "must be an absolute URL");
      }
    }

    /** Returns a controller acting on its own behalf, without a web site. */
    public static PiiController of(String name, String contact, String address, String email, String phone) {
      return new PiiController(name, false, contact, address, email, phone, null);
    }

    /** Returns a copy naming the controller's web site. */
    public PiiController withUrl(URI url) {
      return new PiiController(piiController, onBehalf, contact, address, email, phone,
          Preconditions.notNull(url, "piiControllerUrl"));
    }
  }

  /**
   * A service of a receipt (Kantara {@code services[]}) with the purposes the consent covers.
   *
   * <p>Usage example: <pre>{@code receipt.services().get(0).purposes().get(0).purpose()}</pre>
   *
   * @param service the service's name
   * @param purposes the purposes of this service the consent covers
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Service(String service, List<ServicePurpose> purposes) {

    /** Validates the fields and copies the list. */
    public Service {
      Preconditions.text(service, "service", 500);
      purposes = List.copyOf(Preconditions.notNull(purposes, "purposes"));
      Preconditions.check(!purposes.isEmpty(), "purposes", "must name at least one purpose");
    }
  }

  /**
   * A purpose of a service (Kantara {@code services[].purposes[]}).
   *
   * <p>Usage example: <pre>{@code if (p.thirdPartyDisclosure()) show(p.thirdPartyName());}</pre>
   *
   * @param purpose the purpose's description, as the subject read it
   * @param purposeCategory the purpose's W3C DPV class IRIs, in place of Kantara's informal category names
   * @param consentType {@code EXPLICIT}: every channel of the kit records an affirmative act
   * @param piiCategory the ids of the data categories the purpose needs, sorted
   * @param primaryPurpose whether this is the purpose the consent was asked for; always true, one purpose per event
   * @param termination how and when the consent ends
   * @param thirdPartyDisclosure whether data are disclosed to a third party under this purpose
   * @param thirdPartyName the third party, or {@code null} when none is disclosed to
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record ServicePurpose(String purpose, List<String> purposeCategory, String consentType,
      List<String> piiCategory, boolean primaryPurpose, String termination, boolean thirdPartyDisclosure,
      @Nullable String thirdPartyName) {

    /** Validates the fields and copies the lists. */
    public ServicePurpose {
      Preconditions.notBlank(purpose, "purpose");
      purposeCategory = List.copyOf(Preconditions.notNull(purposeCategory, "purposeCategory"));
      Preconditions.notBlank(consentType, "consentType");
      piiCategory = List.copyOf(Preconditions.notNull(piiCategory, "piiCategory"));
      Preconditions.notBlank(termination, "termination");
      Preconditions.check(thirdPartyDisclosure == (thirdPartyName != null), "thirdPartyName",
          "must be present exactly when thirdPartyDisclosure is true");
      if (thirdPartyName != null) {
        Preconditions.notBlank(thirdPartyName, "thirdPartyName");
      }
    }
  }

  /**
   * The ISO/IEC TS 27560 consent record of the event: record, notice, purpose and event elements.
   *
   * <p>Usage example: <pre>{@code receipt.iso27560().eventState()  // https://w3id.org/dpv#ConsentGiven}</pre>
   *
   * @param schemaVersion {@value #SCHEMA_VERSION}
   * @param recordId the consent event's id
   * @param piiPrincipalId the subject, as in the Kantara part
   * @param noticeId the form or script that showed the notice, or {@code null} when the proof names none
   * @param noticeVersion the purpose's notice version when the event was recorded
   * @param noticeSha256 lower-case hex SHA-256 of the notice text shown, or {@code null} when not known
   * @param purposeId the purpose's id
   * @param lawfulBasis the DPV GDPR-extension IRI of the legal basis, such as {@code eu-gdpr:A6-1-a}
   * @param eventType the ledger event type: {@code GRANTED}, {@code WITHDRAWN}, {@code PENDING_CONFIRMATION},
   *     {@code CONFIRMED} or {@code EXPIRED}
   * @param eventTime when the event happened, to the millisecond
   * @param eventBy who recorded it: {@code subject}, {@code staff} or {@code system}
   * @param eventState the DPV consent status IRI after the event, such as {@code dpv:ConsentGiven}
   * @param validUntil when the consent expires, or {@code null} for no expiry or no consent
   * @param collectionMethod the ledger channel, such as {@code WEB_FORM}
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Iso27560Record(String schemaVersion, String recordId, String piiPrincipalId,
      @Nullable String noticeId, String noticeVersion, @Nullable String noticeSha256, String purposeId,
      URI lawfulBasis, String eventType, Instant eventTime, String eventBy, URI eventState,
      @Nullable Instant validUntil, String collectionMethod) {

    /** The ISO record schema this kit writes and accepts. */
    public static final String SCHEMA_VERSION = "ISO/IEC TS 27560:2023";

    /** Validates the fields. */
    public Iso27560Record {
      Preconditions.check(SCHEMA_VERSION.equals(schemaVersion), "schema_version", "must be " + SCHEMA_VERSION);
      Preconditions.notBlank(recordId, "record_id");
      Preconditions.notBlank(piiPrincipalId, "pii_principal_id");
      if (noticeId != null) {
        Preconditions.notBlank(noticeId, "notice_id");
      }
      Preconditions.notBlank(noticeVersion, "notice_version");
      if (noticeSha256 != null) {
        Preconditions.notBlank(noticeSha256, "notice_sha256");
      }
      Preconditions.notBlank(purposeId, "purpose_id");
      Preconditions.notNull(lawfulBasis, "lawful_basis");
      Preconditions.notBlank(eventType, "event_type");
      Preconditions.notNull(eventTime, "event_time");
      Preconditions.notBlank(eventBy, "event_by");
      Preconditions.notNull(eventState, "event_state");
      Preconditions.notBlank(collectionMethod, "collection_method");
    }
  }
}

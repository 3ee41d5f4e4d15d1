package io.gdprkit.receipt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.WithdrawalMethod;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.recipient.CountryCode;
import java.net.URI;
import java.time.Instant;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * @param collectionMethod the ledger channel of the event's proof, as a code such as {@code WEB_FORM} or {@code API}
 *     (not prose, so that a machine can read how the event reached the controller)
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
    Preconditions.check(iso27560.notice().language().equals(language), "iso27560.notice.language",
        "must equal language");
    Preconditions.check(iso27560.purpose().jurisdiction().equals(jurisdiction), "iso27560.purpose.jurisdiction",
        "must equal jurisdiction");
  }

  /**
   * A PII controller of a receipt (Kantara {@code piiControllers[]}): who decides on the processing and how to reach
   * them. Contact details of an organisation, not of the subject.
   *
   * <p>Usage example: <pre>{@code PiiController.of("Acme GmbH", "Privacy Team",
   *     PostalAddress.of("Main St 1", "10115", "Berlin", CountryCode.of("DE")), "privacy@acme.example", "+49 30 1234")}</pre>
   *
   * @param piiController the controller's name
   * @param onBehalf whether the name is of someone acting on the controller's behalf
   * @param contact the contact person or team
   * @param address the postal address: an object in the Kantara v1.1 schema, not a line of text
   * @param email the contact e-mail address
   * @param phone the contact phone number
   * @param piiControllerUrl the controller's web site, or {@code null}
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record PiiController(String piiController, boolean onBehalf, String contact, PostalAddress address,
      String email, String phone, @Nullable URI piiControllerUrl) {

    /** Validates the fields. */
    public PiiController {
      Preconditions.text(piiController, "piiController", 500);
      Preconditions.text(contact, "contact", 500);
      Preconditions.notNull(address, "address");
      Preconditions.text(email, "email", 320);
      Preconditions.text(phone, "phone", 64);
      if (piiControllerUrl != null) {
        Preconditions.check(piiControllerUrl.isAbsolute(), "piiControllerUrl", "must be an absolute URL");
      }
    }

    /** Returns a controller acting on its own behalf, without a web site. */
    public static PiiController of(String name, String contact, PostalAddress address, String email, String phone) {
      return new PiiController(name, false, contact, address, email, phone, null);
    }

    /** Returns a copy naming the controller's web site. */
    public PiiController withUrl(URI url) {
      return new PiiController(piiController, onBehalf, contact, address, email, phone,
          Preconditions.notNull(url, "piiControllerUrl"));
    }
  }

  /**
   * A postal address of a receipt (Kantara {@code piiControllers[].address}), under the schema.org
   * {@code PostalAddress} names that the Kantara v1.1 example uses.
   *
   * <p>Why an object: the Kantara v1.1 JSON schema types {@code address} as an object, so a receipt with the address
   * as one line of text does not validate.
   *
   * <p>Usage example: <pre>{@code PostalAddress.of("Main St 1", "10115", "Berlin", CountryCode.of("DE"))}</pre>
   *
   * @param streetAddress the street and number
   * @param postalCode the postal code, or {@code null} where the country has none
   * @param addressLocality the town or city
   * @param addressRegion the region or state, or {@code null}
   * @param addressCountry the ISO 3166-1 alpha-2 country
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record PostalAddress(String streetAddress, @Nullable String postalCode, String addressLocality,
      @Nullable String addressRegion, CountryCode addressCountry) {

    /** Validates the fields. */
    public PostalAddress {
      Preconditions.text(streetAddress, "address.streetAddress", 500);
      if (postalCode != null) {
        Preconditions.text(postalCode, "address.postalCode", 32);
      }
      Preconditions.text(addressLocality, "address.addressLocality", 200);
      if (addressRegion != null) {
        Preconditions.text(addressRegion, "address.addressRegion", 200);
      }
      Preconditions.notNull(addressCountry, "address.addressCountry");
    }

    /** Returns an address without a region. */
    public static PostalAddress of(String street, String postalCode, String locality, CountryCode country) {
      return new PostalAddress(street, Preconditions.notNull(postalCode, "address.postalCode"), locality, null,
          country);
    }

    /** Returns a copy naming the region or state. */
    public PostalAddress withRegion(String region) {
      return new PostalAddress(streetAddress, postalCode, addressLocality,
          Preconditions.notNull(region, "address.addressRegion"), addressCountry);
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
   * @param termination how and when the consent ends: withdrawal under Art. 7(3) by the configured means and
   *     address, and the expiry, if any
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
   * The ISO/IEC TS 27560 consent record of the event, in the standard's sections: header, notice, the purpose's
   * processing, parties and the event.
   *
   * <p>Usage example: <pre>{@code receipt.iso27560().event().eventState()  // https://w3id.org/dpv#ConsentGiven}</pre>
   *
   * @param schemaVersion {@value #SCHEMA_VERSION}
   * @param recordId the consent event's id (6.3.3 {@code record_id})
   * @param piiPrincipalId the subject, as in the Kantara part (6.3.3 {@code pii_principal_id})
   * @param notice the notice the subject was shown (6.3.4.1 {@code privacy_notice}, 6.3.4.2 {@code language})
   * @param purpose the purpose and how its data are processed (6.3.4)
   * @param parties the controller and the recipients the purpose names (6.3.6)
   * @param event what happened (6.3.7)
   * @param collectionMethod the ledger channel of the event's proof, such as {@code WEB_FORM} (6.3.4.9)
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Iso27560Record(String schemaVersion, String recordId, String piiPrincipalId, Notice notice,
      ProcessingPurpose purpose, List<Party> parties, Event event, String collectionMethod) {

    /** The ISO record schema this kit writes and accepts. */
    public static final String SCHEMA_VERSION = "ISO/IEC TS 27560:2023";

    /** Validates the fields, and that the purpose names only parties of the record. */
    public Iso27560Record {
      Preconditions.check(SCHEMA_VERSION.equals(schemaVersion), "schema_version", "must be " + SCHEMA_VERSION);
      Preconditions.notBlank(recordId, "record_id");
      Preconditions.notBlank(piiPrincipalId, "pii_principal_id");
      Preconditions.notNull(notice, "notice");
      Preconditions.notNull(purpose, "purpose");
      parties = List.copyOf(Preconditions.notNull(parties, "parties"));
      Preconditions.check(parties.stream().anyMatch(party -> party.partyRole() == PartyRole.CONTROLLER), "parties",
          "must name the controller");
      Set<String> ids = new HashSet<>();
      parties.forEach(party -> Preconditions.check(ids.add(party.partyId()), "parties", "must have distinct ids"));
      Preconditions.check(ids.containsAll(purpose.recipientThirdParties()), "purpose.recipient_third_parties",
          "must name parties of the record");
      Preconditions.notNull(event, "event");
      Preconditions.notBlank(collectionMethod, "collection_method");
    }
  }

  /**
   * The notice of an ISO/IEC TS 27560 record (6.3.4.1 {@code privacy_notice}, 6.3.4.2 {@code language}).
   *
   * <p>Usage example: <pre>{@code receipt.iso27560().notice().sha256()}</pre>
   *
   * @param noticeId the form or script that showed the notice, or {@code null} when the proof names none
   * @param version the purpose's notice version when the event was recorded
   * @param sha256 lower-case hex SHA-256 of the notice text shown, or {@code null} when not known
   * @param language the ISO 639-1 language the notice was shown in, as in the Kantara part
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Notice(@Nullable String noticeId, String version, @Nullable String sha256, String language) {

    /** Validates the fields. */
    public Notice {
      if (noticeId != null) {
        Preconditions.notBlank(noticeId, "notice_id");
      }
      Preconditions.notBlank(version, "notice.version");
      if (sha256 != null) {
        Preconditions.notBlank(sha256, "notice.sha256");
      }
      Preconditions.notBlank(language, "notice.language");
    }
  }

  /**
   * The purpose of an ISO/IEC TS 27560 record and how its data are processed (6.3.4).
   *
   * <p>These facts belong to the purpose and the controller, not to one event, so they are read from the purpose's
   * declaration and the kit's configuration when the receipt is issued.
   *
   * <p>Usage example: <pre>{@code receipt.iso27560().purpose().withdrawalMethod().address()}</pre>
   *
   * @param purposeId the purpose's id (6.3.4.3)
   * @param lawfulBasis the DPV GDPR-extension IRI of the legal basis, such as {@code eu-gdpr:A6-1-a} (6.3.4.6)
   * @param jurisdiction where the controller is established, as in the Kantara part (6.3.4.16)
   * @param storageLocations the countries the data are stored in, sorted; empty when the host declared none
   *     (6.3.4.11)
   * @param retentionPeriod how long the purpose's data are kept (Art. 13(2)(a)), or {@code null} when the purpose
   *     declares no retention (6.3.4.12)
   * @param recipientThirdParties the ids of the parties, other than the controller, that receive the data
   *     (6.3.4.17)
   * @param withdrawalMethod how and where to withdraw (6.3.4.18; Art. 7(3))
   * @param privacyRights the GDPR rights that apply, as DPV {@code eu-gdpr} IRIs, in article order (6.3.4.19)
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record ProcessingPurpose(String purposeId, URI lawfulBasis, String jurisdiction,
      List<CountryCode> storageLocations, @Nullable Period retentionPeriod, List<String> recipientThirdParties,
      WithdrawalMethod withdrawalMethod, List<URI> privacyRights) {

    /** Validates the fields and copies the lists. */
    public ProcessingPurpose {
      Preconditions.notBlank(purposeId, "purpose_id");
      Preconditions.notNull(lawfulBasis, "lawful_basis");
      Preconditions.notBlank(jurisdiction, "purpose.jurisdiction");
      storageLocations = List.copyOf(Preconditions.notNull(storageLocations, "storage_locations"));
      recipientThirdParties = List.copyOf(Preconditions.notNull(recipientThirdParties, "recipient_third_parties"));
      Preconditions.notNull(withdrawalMethod, "withdrawal_method");
      privacyRights = List.copyOf(Preconditions.notNull(privacyRights, "privacy_rights"));
      Preconditions.check(!privacyRights.isEmpty(), "privacy_rights", "must name at least one right");
    }
  }

  /**
   * A party of an ISO/IEC TS 27560 record (6.3.6): the controller or a recipient, with its role.
   *
   * <p>Usage example: <pre>{@code receipt.iso27560().parties().get(0).partyRole().dpvIri()}</pre>
   *
   * @param partyId the party's id within the record, such as {@code controller} (6.3.6 {@code party_id})
   * @param partyName the organisation's name (6.3.6.6 {@code party_name})
   * @param partyRole what the party is to the processing (6.3.6.7 {@code party_role})
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Party(String partyId, String partyName, PartyRole partyRole) {

    /** Validates the fields. */
    public Party {
      Preconditions.identifier(partyId, "party_id", 64);
      Preconditions.text(partyName, "party_name", 500);
      Preconditions.notNull(partyRole, "party_role");
    }
  }

  /**
   * The role of a party (ISO/IEC TS 27560 6.3.6.7 {@code party_role}; GDPR Art. 4(7), (8), (10)), written as its
   * W3C DPV entity class ({@code shared/reference/dpv-crm-marketing-terms.csv}, group {@code entity}).
   *
   * <p>Usage example: <pre>{@code PartyRole.PROCESSOR.dpvIri()  // https://w3id.org/dpv#DataProcessor}</pre>
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum PartyRole {
    /** Decides on purposes and means (Art. 4(7)): {@code dpv:DataController}. */
    CONTROLLER("DataController"),
    /** Processes on the controller's behalf (Art. 4(8), Art. 28): {@code dpv:DataProcessor}. */
    PROCESSOR("DataProcessor"),
    /** Receives the data as a controller in its own right (Art. 4(10)): {@code dpv:ThirdParty}. */
    THIRD_PARTY("ThirdParty");

    private final URI dpvIri;

    PartyRole(String dpvName) {
      this.dpvIri = URI.create("https://w3id.org/dpv#" + dpvName);
    }

    /** Returns the DPV entity class, such as {@code https://w3id.org/dpv#DataController}. */
    public URI dpvIri() {
      return dpvIri;
    }
  }

  /**
   * The event of an ISO/IEC TS 27560 record (6.3.7).
   *
   * <p>Usage example: <pre>{@code receipt.iso27560().event().eventType()  // "CONFIRMED"}</pre>
   *
   * @param eventType the ledger event type: {@code GRANTED}, {@code WITHDRAWN}, {@code PENDING_CONFIRMATION},
   *     {@code CONFIRMED} or {@code EXPIRED} (6.3.7.4)
   * @param eventTime when the event happened, to the millisecond (6.3.7.1)
   * @param eventBy who recorded it: {@code subject}, {@code staff} or {@code system} (6.3.7.3)
   * @param eventState the DPV consent status IRI after the event, such as {@code dpv:ConsentGiven} (6.3.7.6)
   * @param validUntil when the consent expires, or {@code null} for no expiry or no consent (6.3.7.2)
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Event(String eventType, Instant eventTime, String eventBy, URI eventState,
      @Nullable Instant validUntil) {

    /** Validates the fields. */
    public Event {
      Preconditions.notBlank(eventType, "event_type");
      Preconditions.notNull(eventTime, "event_time");
      Preconditions.notBlank(eventBy, "event_by");
      Preconditions.notNull(eventState, "event_state");
    }
  }
}

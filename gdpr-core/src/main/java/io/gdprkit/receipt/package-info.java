/**
 * Signed consent receipts in the Kantara Consent Receipt v1.1 fields with the ISO/IEC TS 27560 consent record,
 * and their standalone verifier.
 *
 * <p>A receipt is issued for one consent event of the ledger and signed as an RFC 7515 compact JWS with EdDSA
 * (RFC 8037) under the kit's signing key; {@link io.gdprkit.receipt.ReceiptVerifier} checks it with the public key
 * alone. The Kantara part validates against the Kantara Consent Receipt v1.1 JSON schema as published (draft-04,
 * {@code kantara-consent-receipt-v1_1-schema.json}); the test suite checks every shape the kit issues against it.
 * The schema allows fields beyond its own, so the ISO record travels in the same object. How the kit's data map to
 * the receipt (Kantara names at the top level, ISO elements under {@code iso27560}, in snake case after the element
 * names, with the clause of ISO/IEC TS 27560:2023):
 *
 * <table>
 * <caption>Receipt fields and their source</caption>
 * <tr><th>Kantara v1.1</th><th>ISO/IEC TS 27560</th><th>from</th></tr>
 * <tr><td>version</td><td>schema_version</td><td>constants {@code KI-CR-v1.1.0}, {@code ISO/IEC TS 27560:2023}</td></tr>
 * <tr><td>jurisdiction</td><td>purpose.jurisdiction (6.3.4.16)</td><td>options</td></tr>
 * <tr><td>consentTimestamp</td><td>event.event_time (6.3.7.1)</td><td>event {@code occurredAt}: whole seconds for Kantara, ISO-8601 for ISO</td></tr>
 * <tr><td>collectionMethod</td><td>collection_method (6.3.4.9)</td><td>proof channel as a code, such as {@code WEB_FORM} or {@code API}</td></tr>
 * <tr><td>consentReceiptID</td><td>record_id (6.3.3)</td><td>event id, so one event has one receipt id</td></tr>
 * <tr><td>publicKey</td><td>(no counterpart)</td><td>signing key's public key, base64url</td></tr>
 * <tr><td>language</td><td>notice.language (6.3.4.2)</td><td>proof locale, else the options' default</td></tr>
 * <tr><td>piiPrincipalId</td><td>pii_principal_id (6.3.3)</td><td>keyed pseudonym of the subject, or the raw id if configured</td></tr>
 * <tr><td>piiControllers (address as a schema.org PostalAddress object)</td><td>parties[] with party_role {@code dpv:DataController} (6.3.6)</td><td>options</td></tr>
 * <tr><td>policyUrl</td><td>(notice)</td><td>options</td></tr>
 * <tr><td>services[].service</td><td>(not applicable)</td><td>options' service name</td></tr>
 * <tr><td>purposes[].purpose</td><td>purpose.purpose_id (6.3.4.3)</td><td>purpose description; purpose id</td></tr>
 * <tr><td>purposeCategory</td><td>(purpose type)</td><td>purpose's DPV IRI instead of Kantara's informal list</td></tr>
 * <tr><td>consentType</td><td>purpose.lawful_basis (6.3.4.6)</td><td>{@code EXPLICIT}; the basis's {@code eu-gdpr} IRI</td></tr>
 * <tr><td>piiCategory</td><td>(PII categories)</td><td>ids of the purpose's data categories</td></tr>
 * <tr><td>primaryPurpose</td><td>(not applicable)</td><td>always true: one purpose per event</td></tr>
 * <tr><td>termination</td><td>purpose.withdrawal_method (6.3.4.18), event.validity_until (6.3.7.2)</td><td>options' {@link io.gdprkit.consent.WithdrawalMethod}: means, address and {@code dpv:WithdrawConsent}; the expiry, if any</td></tr>
 * <tr><td>thirdPartyDisclosure, thirdPartyName</td><td>parties[] {@code dpv:ThirdParty}, purpose.recipient_third_parties (6.3.4.17)</td><td>options' third party, if any</td></tr>
 * <tr><td>(none: processors are no third parties, Art. 4(10))</td><td>parties[] {@code dpv:DataProcessor}, purpose.recipient_third_parties</td><td>options' processors</td></tr>
 * <tr><td>sensitive, spiCat</td><td>(PII categories)</td><td>the purpose's {@code SPECIAL_CATEGORY} data categories</td></tr>
 * <tr><td>(none)</td><td>purpose.storage_locations (6.3.4.11)</td><td>options' storage locations, else the kit's {@code dataRegion} and {@code storeRegion}s; left out when neither is set</td></tr>
 * <tr><td>(none)</td><td>purpose.retention_period (6.3.4.12)</td><td>{@code Purpose.retention()} as an ISO-8601 period; left out when the purpose declares none</td></tr>
 * <tr><td>(none)</td><td>purpose.privacy_rights (6.3.4.19)</td><td>DPV's legal-basis-to-rights mapping ({@code eu-gdpr} IRIs), plus Art. 21 for a direct-marketing purpose (Art. 21(2))</td></tr>
 * <tr><td>(none)</td><td>notice.notice_id, version, sha256 (6.3.4.1)</td><td>proof form id, the event's notice version, notice SHA-256; a double opt-in's CONFIRMED event carries those of its request</td></tr>
 * <tr><td>(none)</td><td>event.event_type, event_by, event_state (6.3.7)</td><td>ledger type, actor type, DPV consent status IRI</td></tr>
 * </table>
 *
 * <p>The purpose's facts (storage, retention, rights, withdrawal, parties) belong to the purpose and the controller,
 * not to one event: they are read from the declarations when the receipt is issued, so a receipt issued after a
 * declaration changed shows the new one; the notice version on the event says which notice the subject saw.
 *
 * <p>Not applicable, and why: Kantara {@code onBehalf} is false unless the host configures a controller that acts
 * for another; {@code thirdPartyName} is absent when no third party is configured. Of ISO/IEC TS 27560 the record
 * leaves out processing operations and processing locations, geographic restrictions, automated decisions (kept in
 * the records of processing, not the consent ledger), 6.3.6.9 {@code party_type} (data importer or exporter: a
 * property of a transfer, recorded on disclosures), the parties' contact details beyond the Kantara controller's,
 * and the IP address and user agent of the proof (personal data; a receipt travels, so it holds none beyond the
 * principal id). The ISO element names follow the DPV guide to ISO/IEC TS 27560; the ISO text itself is not public.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.receipt;

import org.jspecify.annotations.NullMarked;

/**
 * Signed consent receipts in the Kantara Consent Receipt v1.1 fields with the ISO/IEC TS 27560 consent record,
 * and their standalone verifier.
 *
 * <p>A receipt is issued for one consent event of the ledger and signed as an RFC 7515 compact JWS with EdDSA
 * (RFC 8037) under the kit's signing key; {@link io.gdprkit.receipt.ReceiptVerifier} checks it with the public key
 * alone. How the kit's data map to the receipt (Kantara names at the top level, ISO elements under
 * {@code iso27560}, in snake case after the element names):
 *
 * <table>
 * <caption>Receipt fields and their source</caption>
 * <tr><th>Kantara v1.1</th><th>ISO/IEC TS 27560</th><th>from</th></tr>
 * <tr><td>version</td><td>schema_version</td><td>constants {@code KI-CR-v1.1.0}, {@code ISO/IEC TS 27560:2023}</td></tr>
 * <tr><td>jurisdiction</td><td>(not applicable: the ISO record names it per processing)</td><td>options</td></tr>
 * <tr><td>consentTimestamp</td><td>event.event_time</td><td>event {@code occurredAt}: whole seconds for Kantara, ISO-8601 for ISO</td></tr>
 * <tr><td>collectionMethod</td><td>collection_method</td><td>proof channel, in words and as the enum name</td></tr>
 * <tr><td>consentReceiptID</td><td>record_id</td><td>event id, so one event has one receipt id</td></tr>
 * <tr><td>publicKey</td><td>(no counterpart)</td><td>signing key's public key, base64url</td></tr>
 * <tr><td>language</td><td>(notice language)</td><td>proof locale, else the options' default</td></tr>
 * <tr><td>piiPrincipalId</td><td>pii_principal_id</td><td>keyed pseudonym of the subject, or the raw id if configured</td></tr>
 * <tr><td>piiControllers</td><td>(PII controller)</td><td>options</td></tr>
 * <tr><td>policyUrl</td><td>(notice)</td><td>options</td></tr>
 * <tr><td>services[].service</td><td>(not applicable)</td><td>options' service name</td></tr>
 * <tr><td>purposes[].purpose</td><td>purpose.purpose_id</td><td>purpose description; purpose id</td></tr>
 * <tr><td>purposeCategory</td><td>(purpose type)</td><td>purpose's DPV IRI instead of Kantara's informal list</td></tr>
 * <tr><td>consentType</td><td>purpose.lawful_basis</td><td>{@code EXPLICIT}; the basis's {@code eu-gdpr} IRI</td></tr>
 * <tr><td>piiCategory</td><td>(PII categories)</td><td>ids of the purpose's data categories</td></tr>
 * <tr><td>primaryPurpose</td><td>(not applicable)</td><td>always true: one purpose per event</td></tr>
 * <tr><td>termination</td><td>event.validity_until</td><td>withdrawal at any time (Art. 7(3)) and the expiry, if any</td></tr>
 * <tr><td>thirdPartyDisclosure, thirdPartyName</td><td>(recipients)</td><td>options' third party, if any</td></tr>
 * <tr><td>sensitive, spiCat</td><td>(PII categories)</td><td>the purpose's {@code SPECIAL_CATEGORY} data categories</td></tr>
 * <tr><td>(none)</td><td>notice.notice_id, version, sha256</td><td>proof form id, purpose notice version, notice SHA-256</td></tr>
 * <tr><td>(none)</td><td>event.event_type, event_by, event_state</td><td>ledger type, actor type, DPV consent status IRI</td></tr>
 * </table>
 *
 * <p>Not applicable, and why: Kantara {@code onBehalf} is false unless the host configures a controller that acts
 * for another; {@code thirdPartyName} is absent when no third party is configured, since the ledger knows no
 * recipients. Of ISO/IEC TS 27560 the record leaves out processing operations, storage and retention, recipients,
 * automated decisions and per-purpose jurisdictions (kept in the records of processing, not the consent ledger),
 * and the IP address and user agent of the proof (personal data; a receipt travels, so it holds none beyond the
 * principal id). The ISO element names follow the DPV guide to ISO/IEC TS 27560; the ISO text itself is not public.
 *
 * @since 0.1
 */
@NullMarked
package io.gdprkit.receipt;

import org.jspecify.annotations.NullMarked;

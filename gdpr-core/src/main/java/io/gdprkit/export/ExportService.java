package io.gdprkit.export;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import java.io.OutputStream;
import org.apiguardian.api.API;

/**
 * Writes everything the kit and its providers hold about a subject, for the rights of access (Art. 15) and
 * portability (Art. 20).
 *
 * <p>Exports stream: each provider's items go to the output as the provider reads them, so memory stays
 * constant whatever the subject's volume. The service writes UTF-8, flushes the output when done and never
 * closes it; the caller owns it. Thread-safe: any number of exports may run at once.
 *
 * <p><b>JSON</b> is one object with these members, in this order:
 * <ul>
 *   <li>{@code metadata}: {@code formatVersion} (1), {@code kind} ({@code ACCESS} or {@code PORTABILITY}),
 *       {@code article}, {@code subject} ({@code tenant}, {@code id}) and {@code generatedAt} from the kit's clock.
 *   <li>{@code providers}: for each provider, its {@code id}, {@code description}, declared {@code categories} and its
 *       {@code items}, each with {@code record}, {@code field}, {@code category} (the id of a declared category, or
 *       the whole category when the provider did not declare it), {@code value}, {@code providedBySubject} and
 *       {@code collectedAt}. Strings, numbers and booleans are written as JSON values; {@code Instant} and
 *       {@code LocalDate} as ISO-8601 strings; anything else as its {@code toString()}. A number whose Java type a
 *       JSON reader would not restore on its own (a {@code Long} within {@code int} range, a {@code Float},
 *       {@code BigDecimal} and so on) carries a {@code valueType} next to its value.
 *   <li>Access only, after the providers because they depend on what the providers returned:
 *       {@code purposes} that apply (declared purposes needing a category seen among the items, and every declared
 *       purpose in the subject's consent history), each with its legal basis article and DPV IRIs;
 *       {@code consents}, the whole ledger with proofs (the IP address as stored, already reduced by the kit's
 *       {@link io.gdprkit.consent.IpPolicy}); {@code sources}; {@code retention}, the fields seen among the
 *       items that erasure keeps under a legal obligation, with the obligation and the period; and
 *       {@code recipients} (Art. 15(1)(c), 15(2)), one entry per disclosure of the subject's data, oldest first:
 *       {@code recipient} (its id), {@code name}, {@code kind}, the {@code country} it went to, {@code safeguard}
 *       and {@code safeguardReference} from the register (null if the register no longer holds the recipient, or
 *       for a reference when there is no safeguard), {@code transferBasis}, {@code purpose}, {@code categories}
 *       (ids, sorted) and {@code disclosedAt}. The log is read a page at a time, so a subject with many disclosures
 *       costs no more memory than one with a few.
 * </ul>
 * Recipients are in the access export only. A portability export (Art. 20) carries the data the subject provided,
 * in a form another controller can import; the disclosure log is the controller's own record of what it did with
 * that data, which the subject has a right to know (Art. 15) but which no other controller could take over.
 *
 * <p><b>CSV</b> (RFC 4180, CRLF line ends) has the header
 * {@code provider,record,field,category,value,provided_by_subject,collected_at} and one row per data item. A field
 * holding a comma, a double quote, CR or LF is quoted, with quotes doubled; a {@code null} value is an empty field
 * and an empty string is {@code ""}, so the two stay apart. An access export adds, after the items:
 * <ul>
 *   <li>one row per attribute of each consent event: provider {@code consent-ledger}, record the event id, field one
 *       of {@code purpose}, {@code type}, {@code sequence}, {@code occurred_at}, {@code expires_at},
 *       {@code notice_version} and {@code proof.*} ({@code channel}, {@code form_id}, {@code form_version},
 *       {@code notice_sha256}, {@code locale}, {@code ip}, {@code ip_policy}, {@code user_agent},
 *       {@code recorded_by}, {@code source}), category {@code consent}, {@code provided_by_subject} false,
 *       {@code collected_at} when the event was recorded; attributes that are absent get no row;
 *   <li>two rows per source tag: provider {@code sources}, record {@code tag-1}, {@code tag-2}, ... in the order the
 *       tags were recorded, fields {@code type} and {@code reference}, category {@code source},
 *       {@code provided_by_subject} false, {@code collected_at} when the tag was recorded;
 *   <li>one row per attribute of each disclosure: provider {@code recipients}, record {@code disclosure-1},
 *       {@code disclosure-2}, ... oldest first, fields {@code recipient}, {@code name}, {@code kind},
 *       {@code country}, {@code safeguard}, {@code safeguard_reference}, {@code transfer_basis}, {@code purpose} and
 *       {@code categories} (ids, sorted, comma-separated), category {@code recipient}, {@code provided_by_subject}
 *       false, {@code collected_at} when it was disclosed; attributes that are absent get no row.
 * </ul>
 * Purposes and retention are in the JSON export only. Values are written as they are: a spreadsheet may read a
 * value that starts with {@code =} as a formula, so open untrusted exports as text.
 *
 * <p><b>Warning:</b> when an export fails, the output holds an incomplete document; discard it. The service never
 * closes an open JSON array or object after a failure, so a truncated document does not parse.
 *
 * <p>Usage example: <pre>{@code try (OutputStream out = Files.newOutputStream(file)) { gdpr.exports().write(alice, ExportFormat.JSON, out); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ExportService {

  /**
   * Writes the subject's access export (Art. 15); same as {@code write(subject, ExportKind.ACCESS, format, out)}.
   *
   * @param subject whose data to export; a subject nobody knows gives a valid document without data
   * @param format JSON or CSV
   * @param out where to write; flushed, not closed
   * @throws NullPointerException if an argument is null
   * @throws ExportFailedException if writing to {@code out} fails or a provider fails
   */
  void write(SubjectId subject, ExportFormat format, OutputStream out);

  /**
   * Writes the subject's access (Art. 15) or portability (Art. 20) export.
   *
   * @param subject whose data to export; a subject nobody knows gives a valid document without data
   * @param kind which right the export serves
   * @param format JSON or CSV
   * @param out where to write; flushed, not closed
   * @throws NullPointerException if an argument is null
   * @throws ExportFailedException if writing to {@code out} fails or a provider fails
   */
  void write(SubjectId subject, ExportKind kind, ExportFormat format, OutputStream out);
}

package io.gdprkit.receipt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.net.URI;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The controller details that every consent receipt carries, set once on the kit's builder.
 *
 * <p>Why configuration: a receipt must name the controller, its jurisdiction and its privacy policy (Kantara v1.1
 * requires them), and none of them is known to the consent ledger. Start from {@link #of} and change through the
 * {@code withX} methods, each of which returns a new instance.
 *
 * <p>By default the receipt names the subject by a keyed pseudonym ({@code piiPrincipalId}), so a receipt that is
 * forwarded, stored by the subject's tools or shown to a third party does not carry the host's internal id; a host
 * whose subject ids are already meaningful to the subject (an account number the subject knows) may opt into raw
 * ids with {@link #withRawSubjectIds()}.
 *
 * <p>Usage example: <pre>{@code
 * GdprKit.builder().receipts(ReceiptOptions.of(
 *     PiiController.of("Acme GmbH", "Privacy Team", "Main St 1, 10115 Berlin", "privacy@acme.example", "+49 30 1234"),
 *     "DE", URI.create("https://acme.example/privacy")))
 * }</pre>
 *
 * @param controller the controller named in every receipt
 * @param jurisdiction where the controller is established, such as {@code DE} or {@code EU}
 * @param policyUrl the controller's privacy policy
 * @param serviceName the service the receipts name; the controller's name unless changed
 * @param defaultLanguage the ISO 639-1 language written when a proof names no locale; {@code en} unless changed
 * @param rawSubjectIds whether {@code piiPrincipalId} is the raw subject id instead of a keyed pseudonym
 * @param thirdPartyName the third party data are disclosed to under the receipts' purposes, or {@code null} for none
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReceiptOptions(ConsentReceipt.PiiController controller, String jurisdiction, URI policyUrl,
    String serviceName, String defaultLanguage, boolean rawSubjectIds, @Nullable String thirdPartyName) {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  /** Validates the fields. */
  public ReceiptOptions {
    Preconditions.notNull(controller, "controller");
    Preconditions.text(jurisdiction, "jurisdiction", 64);
    Preconditions.notNull(policyUrl, "policyUrl");
    Preconditions.check(policyUrl.isAbsolute(), "policyUrl", "must be an absolute URL");
    Preconditions.text(serviceName, "serviceName", 500);
    Preconditions.notNull(defaultLanguage, "defaultLanguage");
    Preconditions.check(LANGUAGE.matcher(defaultLanguage).matches(), "defaultLanguage",
        "must be a two-letter lower-case ISO 639-1 code");
    if (thirdPartyName != null) {
      Preconditions.text(thirdPartyName, "thirdPartyName", 500);
    }
  }

  /** Returns options that name the controller's service after the controller, in English, with pseudonyms. */
  public static ReceiptOptions of(ConsentReceipt.PiiController controller, String jurisdiction, URI policyUrl) {
    Preconditions.notNull(controller, "controller");
    return new ReceiptOptions(controller, jurisdiction, policyUrl, controller.piiController(), "en", false, null);
  }

  /** Returns a copy that names another service. */
  public ReceiptOptions withServiceName(String name) {
    return new ReceiptOptions(controller, jurisdiction, policyUrl, name, defaultLanguage, rawSubjectIds,
        thirdPartyName);
  }

  /** Returns a copy that writes {@code language} when a proof names no locale. */
  public ReceiptOptions withDefaultLanguage(String language) {
    return new ReceiptOptions(controller, jurisdiction, policyUrl, serviceName, language, rawSubjectIds,
        thirdPartyName);
  }

  /**
   * Returns a copy that writes the raw subject id as {@code piiPrincipalId}.
   *
   * <p><b>Warning:</b> the id then travels with every receipt; choose this only when the id is not itself personal
   * data beyond what the subject already holds.
   */
  public ReceiptOptions withRawSubjectIds() {
    return new ReceiptOptions(controller, jurisdiction, policyUrl, serviceName, defaultLanguage, true,
        thirdPartyName);
  }

  /** Returns a copy that declares a third party to which data are disclosed under the receipts' purposes. */
  public ReceiptOptions withThirdParty(String name) {
    return new ReceiptOptions(controller, jurisdiction, policyUrl, serviceName, defaultLanguage, rawSubjectIds,
        Preconditions.notNull(name, "thirdPartyName"));
  }
}

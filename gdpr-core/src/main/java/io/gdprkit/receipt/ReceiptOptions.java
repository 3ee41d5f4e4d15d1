package io.gdprkit.receipt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.WithdrawalMethod;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.recipient.CountryCode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The controller details that every consent receipt carries, set once on the kit's builder.
 *
 * <p>Why configuration: a receipt must name the controller, its jurisdiction and its privacy policy (Kantara v1.1
 * requires them), and how and where the subject withdraws (ISO/IEC TS 27560 6.3.4.18, Art. 7(3)); none of them is
 * known to the consent ledger. Start from {@link #of} and change through the {@code withX} methods, each of which
 * returns a new instance.
 *
 * <p>By default the receipt names the subject by a keyed pseudonym ({@code piiPrincipalId}), so a receipt that is
 * forwarded, stored by the subject's tools or shown to a third party does not carry the host's internal id; a host
 * whose subject ids are already meaningful to the subject (an account number the subject knows) may opt into raw
 * ids with {@link #withRawSubjectIds()}.
 *
 * <p>Where the data are stored (ISO/IEC TS 27560 6.3.4.11) comes from {@link #withStorageLocations} if set, else
 * from the kit's {@code dataRegion} and {@code storeRegion} settings; with neither, the record leaves it out.
 *
 * <p>Usage example: <pre>{@code
 * GdprKit.builder().receipts(ReceiptOptions.of(
 *     PiiController.of("Acme GmbH", "Privacy Team", PostalAddress.of("Main St 1", "10115", "Berlin", CountryCode.of("DE")),
 *         "privacy@acme.example", "+49 30 1234"),
 *     "DE", URI.create("https://acme.example/privacy"),
 *     WithdrawalMethod.of(WithdrawalMethod.Means.WEB_FORM, URI.create("https://acme.example/preferences"))))
 * }</pre>
 *
 * @param controller the controller named in every receipt
 * @param jurisdiction where the controller is established, such as {@code DE} or {@code EU}
 * @param policyUrl the controller's privacy policy
 * @param withdrawal how and where a subject withdraws consent
 * @param serviceName the service the receipts name; the controller's name unless changed
 * @param defaultLanguage the ISO 639-1 language written when a proof names no locale; {@code en} unless changed
 * @param rawSubjectIds whether {@code piiPrincipalId} is the raw subject id instead of a keyed pseudonym
 * @param thirdPartyName the third party data are disclosed to under the receipts' purposes, or {@code null} for none
 * @param processors the processors (Art. 28) that process the receipts' purposes' data, in the order added
 * @param storageLocations the countries the data are stored in, sorted; empty to take the kit's regions
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReceiptOptions(ConsentReceipt.PiiController controller, String jurisdiction, URI policyUrl,
    WithdrawalMethod withdrawal, String serviceName, String defaultLanguage, boolean rawSubjectIds,
    @Nullable String thirdPartyName, List<String> processors, List<CountryCode> storageLocations) {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final int MAX_PROCESSORS = 100;

  /** Validates the fields and copies the lists. */
  public ReceiptOptions {
    Preconditions.notNull(controller, "controller");
    Preconditions.text(jurisdiction, "jurisdiction", 64);
    Preconditions.notNull(policyUrl, "policyUrl");
    Preconditions.check(policyUrl.isAbsolute(), "policyUrl", "must be an absolute URL");
    Preconditions.notNull(withdrawal, "withdrawal");
    Preconditions.text(serviceName, "serviceName", 500);
    Preconditions.notNull(defaultLanguage, "defaultLanguage");
    Preconditions.check(LANGUAGE.matcher(defaultLanguage).matches(), "defaultLanguage",
        "must be a two-letter lower-case ISO 639-1 code");
    if (thirdPartyName != null) {
      Preconditions.text(thirdPartyName, "thirdPartyName", 500);
    }
    processors = List.copyOf(Preconditions.notNull(processors, "processors"));
    Preconditions.check(processors.size() <= MAX_PROCESSORS, "processors", "must be at most " + MAX_PROCESSORS);
    processors.forEach(name -> Preconditions.text(name, "processor", 500));
    Preconditions.check(processors.stream().distinct().count() == processors.size(), "processors",
        "must not name a processor twice");
    storageLocations = Preconditions.notNull(storageLocations, "storageLocations").stream()
        .map(location -> Preconditions.notNull(location, "storageLocation")).distinct()
        .sorted(Comparator.comparing(CountryCode::value)).toList();
  }

  /**
   * Returns options that name the controller's service after the controller, in English, with pseudonyms, no
   * recipients, and the kit's regions as storage locations.
   */
  public static ReceiptOptions of(ConsentReceipt.PiiController controller, String jurisdiction, URI policyUrl,
      WithdrawalMethod withdrawal) {
    Preconditions.notNull(controller, "controller");
    return new ReceiptOptions(controller, jurisdiction, policyUrl, withdrawal, controller.piiController(), "en",
        false, null, List.of(), List.of());
  }

  /** Returns a copy that names another service. */
  public ReceiptOptions withServiceName(String name) {
    return new ReceiptOptions(controller, jurisdiction, policyUrl, withdrawal, name, defaultLanguage, rawSubjectIds,
        thirdPartyName, processors, storageLocations);
  }

  /** Returns a copy that writes {@code language} when a proof names no locale. */
  public ReceiptOptions withDefaultLanguage(String language) {
    return new ReceiptOptions(controller, jurisdiction, policyUrl, withdrawal, serviceName, language, rawSubjectIds,
        thirdPartyName, processors, storageLocations);
  }

  /**
   * Returns a copy that writes the raw subject id as {@code piiPrincipalId}.
   *
   * <p><b>Warning:</b> the id then travels with every receipt; choose this only when the id is not itself personal
   * data beyond what the subject already holds.
   */
  public ReceiptOptions withRawSubjectIds() {
    return new ReceiptOptions(controller, jurisdiction, policyUrl, withdrawal, serviceName, defaultLanguage, true,
        thirdPartyName, processors, storageLocations);
  }

  /** Returns a copy that declares a third party to which data are disclosed under the receipts' purposes. */
  public ReceiptOptions withThirdParty(String name) {
    return new ReceiptOptions(controller, jurisdiction, policyUrl, withdrawal, serviceName, defaultLanguage,
        rawSubjectIds, Preconditions.notNull(name, "thirdPartyName"), processors, storageLocations);
  }

  /**
   * Returns a copy that adds a processor (Art. 28) of the receipts' purposes' data; a processor is a recipient
   * (Art. 4(9)) but not a third party (Art. 4(10)), so it is named in the ISO record only.
   */
  public ReceiptOptions withProcessor(String name) {
    List<String> more = new ArrayList<>(processors);
    more.add(Preconditions.notNull(name, "processor"));
    return new ReceiptOptions(controller, jurisdiction, policyUrl, withdrawal, serviceName, defaultLanguage,
        rawSubjectIds, thirdPartyName, more, storageLocations);
  }

  /** Returns a copy that declares where the data are stored, in place of the kit's regions. */
  public ReceiptOptions withStorageLocations(CountryCode first, CountryCode... more) {
    List<CountryCode> locations = new ArrayList<>();
    locations.add(Preconditions.notNull(first, "storageLocation"));
    locations.addAll(Arrays.asList(Preconditions.notNull(more, "storageLocations")));
    return new ReceiptOptions(controller, jurisdiction, policyUrl, withdrawal, serviceName, defaultLanguage,
        rawSubjectIds, thirdPartyName, processors, locations);
  }
}

package io.gdprkit.receipt.internal;

import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The GDPR rights that apply to a purpose, for ISO/IEC TS 27560 6.3.4.19 {@code privacy_rights}.
 *
 * <p>Per legal basis, the rights are DPV's own mapping ({@code eu-gdpr} {@code legal_basis_rights_mapping} module,
 * DPV 2.3; {@code shared/reference/eu-gdpr-legal-basis-rights-mapping.csv}), rows {@code A6-1-a} to {@code A6-1-f}.
 * On top of it, a direct-marketing purpose gets the right to object (Art. 21(2)) whatever its basis: DPV's table
 * derives Art. 21 from Art. 6(1)(e) and (f) only, and Art. 21(2) is not tied to a basis. Rights are written in
 * article order, so a receipt lists them the same way every time.
 */
final class PrivacyRights {

  private static final String EU_GDPR = "https://w3id.org/dpv/legal/eu/gdpr#";
  private static final String OBJECT = "A21";
  /** Every right any basis names, in article order. */
  private static final List<String> ORDER = List.of("A7-3", "A13", "A14", "A15", "A16", "A17", "A18", "A20", OBJECT,
      "A22", "A77");
  private static final Map<LegalBasis, List<String>> BY_BASIS = new EnumMap<>(Map.of(
      LegalBasis.CONSENT, List.of("A7-3", "A13", "A14", "A15", "A16", "A17", "A18", "A20", "A22", "A77"),
      LegalBasis.CONTRACT, List.of("A13", "A14", "A15", "A16", "A17", "A18", "A20", "A22", "A77"),
      LegalBasis.LEGAL_OBLIGATION, List.of("A13", "A15", "A16", "A18", "A77"),
      LegalBasis.VITAL_INTERESTS, List.of("A13", "A14", "A15", "A16", "A17", "A18", "A22", "A77"),
      LegalBasis.PUBLIC_TASK, List.of("A13", "A14", "A15", "A16", "A18", OBJECT, "A22", "A77"),
      LegalBasis.LEGITIMATE_INTERESTS, List.of("A13", "A14", "A15", "A16", "A17", "A18", OBJECT, "A22", "A77")));

  private PrivacyRights() {}

  /** Returns the rights' DPV {@code eu-gdpr} IRIs, such as {@code https://w3id.org/dpv/legal/eu/gdpr#A7-3}. */
  static List<URI> of(Purpose purpose) {
    List<String> rights = BY_BASIS.get(purpose.legalBasis());
    List<URI> iris = new ArrayList<>(ORDER.size());
    for (String right : ORDER) {
      if (rights.contains(right) || (right.equals(OBJECT) && purpose.directMarketing())) {
        iris.add(URI.create(EU_GDPR + right));
      }
    }
    return List.copyOf(iris);
  }
}

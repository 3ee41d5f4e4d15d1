package io.gdprkit.receipt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("ISO/IEC TS 27560 6.3.4.19 privacy_rights: DPV's rights mapping for each Art. 6(1) basis")
class PrivacyRightsTests {

  private static final String A21 = "https://w3id.org/dpv/legal/eu/gdpr#A21";

  @ParameterizedTest(name = "{0}")
  @EnumSource(LegalBasis.class)
  @DisplayName("the rights of a basis are DPV's row for it; direct marketing adds Art. 21(2) whatever the basis")
  void followsTheDpvMappingForEveryBasis(LegalBasis basis) {
    String row = "eu-gdpr:" + basis.gdprIri().getFragment();
    Purpose purpose = Purpose.of("p", basis, "A purpose");

    List<String> plain = PrivacyRights.of(purpose).stream().map(URI::toString).toList();
    List<String> marketing = PrivacyRights.of(purpose.asDirectMarketing()).stream().map(URI::toString).toList();

    assertThat(plain).containsExactlyElementsOf(RightsMapping.rights(row));
    assertThat(marketing).contains(A21).containsAll(plain).hasSize(plain.contains(A21) ? plain.size() : plain.size() + 1);
    List<String> withoutObjection = new ArrayList<>(marketing);
    if (!plain.contains(A21)) {
      withoutObjection.remove(A21);
    }
    assertThat(withoutObjection).isEqualTo(plain);
  }
}

package io.gdprkit.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.VerificationResult;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The suppression list recognises a contact point however it is written, and keeps each tenant's list apart. */
class SuppressionTests {

  private static final TenantId DEFAULT = TenantId.DEFAULT;

  @Nested
  class EmailNormalisation {

    private final GdprKit gdpr = GdprKit.builder().build();

    static Stream<Arguments> variants() {
      return Stream.of(
          Arguments.of("no-break space U+00A0", "\u00a0alice@example.com"),
          Arguments.of("em space U+2003", "\u2003alice@example.com"),
          Arguments.of("ideographic space U+3000", "\u3000alice@example.com"),
          Arguments.of("next line U+0085", "\u0085alice@example.com"),
          Arguments.of("trailing ideographic space and NEL", "alice@example.com\u3000\u0085"),
          Arguments.of("zero-width space U+200B", "\u200balice@example.com"),
          Arguments.of("zero-width non-joiner U+200C", "\u200calice@example.com"),
          Arguments.of("zero-width joiner U+200D", "\u200dalice@example.com"),
          Arguments.of("word joiner U+2060", "\u2060alice@example.com"),
          Arguments.of("byte order mark U+FEFF", "\ufeffalice@example.com"),
          Arguments.of("zero-width space inside", "ali\u200bce@exam\ufeffple.com"),
          Arguments.of("plain space", " alice@example.com"),
          Arguments.of("full-width letters", "\uff41\uff4c\uff49\uff43\uff45\uff20\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45\uff0e\uff43\uff4f\uff4d"),
          Arguments.of("full-width capitals", "\uff21\uff4c\uff49\uff43\uff45@Example.com"),
          Arguments.of("upper case", "ALICE@EXAMPLE.COM"),
          Arguments.of("mixed", "\ufeff\u00a0\uff21lice@Example.com\u2003"));
    }

    // Issue 9: each of these passed the suppression check of an erased person.
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void refusesEveryWayOfWritingASuppressedAddress(String description, String written) {
      gdpr.suppression().suppress(DEFAULT, ContactPoint.email("Alice@Example.com"));

      assertThatThrownBy(() -> gdpr.suppression().check(DEFAULT, ContactPoint.email(written)))
          .isInstanceOf(SuppressedContactException.class);
    }

    // Issue 9: NFC and NFD forms of one address hashed differently.
    @Test
    void treatsComposedAndDecomposedAccentsAsOneAddress() {
      String composed = "ren\u00e9@exampl\u00e9.fr";
      String decomposed = "rene\u0301@example\u0301.fr";
      gdpr.suppression().suppress(DEFAULT, ContactPoint.email(composed));

      boolean decomposedSuppressed = gdpr.suppression().isSuppressed(DEFAULT, ContactPoint.email(decomposed));
      boolean upperDecomposed = gdpr.suppression().isSuppressed(DEFAULT, ContactPoint.email("RENE\u0301@example.fr"));

      assertThat(decomposedSuppressed).isTrue();
      assertThat(upperDecomposed).isFalse();
      assertThat(gdpr.suppression().isSuppressed(DEFAULT, ContactPoint.email("RENE\u0301@EXAMPLE\u0301.FR"))).isTrue();
    }

    @Test
    void keepsDifferentAddressesApart() {
      gdpr.suppression().suppress(DEFAULT, ContactPoint.email("Alice@Example.com"));

      boolean other = gdpr.suppression().isSuppressed(DEFAULT, ContactPoint.email("alice@example.co"));
      boolean plus = gdpr.suppression().isSuppressed(DEFAULT, ContactPoint.email("alice+news@example.com"));

      assertThat(other).isFalse();
      assertThat(plus).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200b", "\ufeff\u200d", "\u00a0\u3000", "\u0085"})
    void refusesAnAddressThatIsOnlyInvisibleCharacters(String invisible) {
      assertThatThrownBy(() -> gdpr.suppression().check(DEFAULT, ContactPoint.email(invisible)))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("e-mail"));
    }
  }

  @Nested
  class PhoneNormalisation {

    private final GdprKit german = GdprKit.builder().defaultPhoneRegion("DE").build();

    // Issue 9: a number in national form passed the check of the same number suppressed in international form.
    @ParameterizedTest
    @ValueSource(strings = {"+49 30 1234567", "+49301234567", "030 1234567", "030/123 45 67", "(030) 123-4567",
        "0049 30 1234567", "+49 (0)30 1234567", "\uff10\uff13\uff10 1234567", "\u00a0+49 30 1234567\u200b"})
    void refusesNationalAndInternationalFormsOfASuppressedNumber(String written) {
      german.suppression().suppress(DEFAULT, ContactPoint.phone("+49 30 1234567"));

      assertThatThrownBy(() -> german.suppression().check(DEFAULT, ContactPoint.phone(written)))
          .isInstanceOf(SuppressedContactException.class);
    }

    @Test
    void recognisesANumberSuppressedInNationalFormWhenWrittenInternationally() {
      german.suppression().suppress(DEFAULT, ContactPoint.phone("0171 2345678"));

      boolean international = german.suppression().isSuppressed(DEFAULT, ContactPoint.phone("+49 171 2345678"));
      boolean otherCountry = german.suppression().isSuppressed(DEFAULT, ContactPoint.phone("+43 171 2345678"));

      assertThat(international).isTrue();
      assertThat(otherCountry).isFalse();
    }

    @Test
    void readsNationalFormsInTheConfiguredRegion() {
      GdprKit american = GdprKit.builder().defaultPhoneRegion("US").build();
      american.suppression().suppress(DEFAULT, ContactPoint.phone("(201) 555-0123"));

      boolean international = american.suppression().isSuppressed(DEFAULT, ContactPoint.phone("+1 201-555-0123"));

      assertThat(international).isTrue();
    }

    // Issue 9: an unparseable number is a typed error that does not echo it.
    @ParameterizedTest
    @ValueSource(strings = {"not a number", "+", "1", "+999 1234567", "--", "+49"})
    void refusesAnUnparseableNumberWithoutEchoingIt(String written) {
      assertThatThrownBy(() -> german.suppression().check(DEFAULT, ContactPoint.phone(written)))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("phone");
            assertThat(e.getMessage()).startsWith("phone must be a phone number").doesNotContain("1234567")
                .doesNotContain("not a");
          });
    }

    @Test
    void refusesANationalNumberWithoutADefaultRegion() {
      GdprKit noRegion = GdprKit.builder().build();

      assertThatThrownBy(() -> noRegion.suppression().suppress(DEFAULT, ContactPoint.phone("030 1234567")))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("phone"))
          .hasMessageNotContaining("1234567");
      assertThat(noRegion.suppression().entries(DEFAULT, null, 10)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "XX", "Germany", "", "D"})
    void refusesAnUnknownDefaultRegion(String region) {
      assertThatThrownBy(() -> GdprKit.builder().defaultPhoneRegion(region))
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("defaultPhoneRegion"));
    }

    @Test
    void refusesADefaultRegionSetTwice() {
      GdprKit.Builder builder = GdprKit.builder().defaultPhoneRegion("DE");

      assertThatThrownBy(() -> builder.defaultPhoneRegion("AT")).isInstanceOf(IllegalStateException.class);
    }
  }

  @Nested
  class Tenancy {

    private final TenantId acme = TenantId.of("acme");
    private final TenantId globex = TenantId.of("globex");
    private final SubjectId alice = SubjectId.of(acme, "contact-42");
    private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(ProviderDescriptor.of(
        "contacts", "CRM contacts",
        List.of(FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.deleteRecord()))));
    private final GdprKit gdpr = GdprKit.builder().personalData(contacts).build();

    // Issue 9: the list was kit-wide, so erasing someone in one tenant blocked importing them in another.
    @Test
    void suppressesAnErasedPersonOnlyInTheirOwnTenant() {
      contacts.put(alice, "c-42", Map.of("email", "alice@example.com"), Instant.EPOCH);
      contacts.contactPoint(alice, ContactPoint.email("alice@example.com"));

      gdpr.erasure().erase(alice);

      assertThatThrownBy(() -> gdpr.suppression().check(acme, ContactPoint.email("Alice@Example.com")))
          .isInstanceOf(SuppressedContactException.class);
      gdpr.suppression().check(globex, ContactPoint.email("Alice@Example.com"));
      gdpr.suppression().check(DEFAULT, ContactPoint.email("Alice@Example.com"));
      assertThat(gdpr.suppression().entries(acme, null, 10)).singleElement()
          .satisfies(entry -> assertThat(entry.tenant()).isEqualTo(acme));
      assertThat(gdpr.suppression().entries(globex, null, 10)).isEmpty();
    }

    // Issue 9: every suppression audit entry landed in the default tenant's chain.
    @Test
    void auditsASuppressionInItsTenantsChain() {
      contacts.put(alice, "c-42", Map.of("email", "alice@example.com"), Instant.EPOCH);
      contacts.contactPoint(alice, ContactPoint.email("alice@example.com"));

      gdpr.erasure().erase(alice);

      List<AuditEntry> acmeTrail = gdpr.audit().entries(acme, 0, 100);
      assertThat(acmeTrail).extracting(entry -> entry.record().kind()).contains(AuditKind.SUPPRESSION_ADDED);
      assertThat(acmeTrail).filteredOn(entry -> entry.record().kind() == AuditKind.SUPPRESSION_ADDED)
          .singleElement().satisfies(entry -> {
            assertThat(entry.record().tenant()).isEqualTo(acme);
            assertThat(entry.record().details()).containsEntry("entry",
                gdpr.suppression().entries(acme, null, 10).get(0).hash());
          });
      assertThat(gdpr.audit().entries(DEFAULT, 0, 100)).isEmpty();
      assertThat(gdpr.audit().verify(acme)).isEqualTo(VerificationResult.ok(acmeTrail.size()));
    }

    @Test
    void erasesASubjectWhoseStoredNumberCannotBeRead() {
      contacts.put(alice, "c-42", Map.of("email", "alice@example.com"), Instant.EPOCH);
      contacts.contactPoint(alice, ContactPoint.phone("030 1234567"));
      contacts.contactPoint(alice, ContactPoint.email("alice@example.com"));

      var report = gdpr.erasure().erase(alice);

      assertThat(contacts.records(alice)).isEmpty();
      assertThat(report.suppressed()).isEqualTo(1);
      assertThat(gdpr.suppression().isSuppressed(acme, ContactPoint.email("alice@example.com"))).isTrue();
    }

    @Test
    void suppressesManyContactPointsAtOnceAsOneByOne() {
      SuppressionEntry bob = gdpr.suppression().suppress(acme, ContactPoint.email("bob@example.com"));
      List<ContactPoint> points = List.of(ContactPoint.email("alice@example.com"), ContactPoint.phone("030 1234567"),
          ContactPoint.email("BOB@example.com"), ContactPoint.email("Alice@Example.com "),
          ContactPoint.phone("+49 30 1234567"));

      List<java.util.Optional<SuppressionEntry>> entries = gdpr.suppression().suppressAll(acme, points);

      assertThat(entries).extracting(java.util.Optional::isPresent).containsExactly(true, false, true, true, true);
      assertThat(entries.get(3)).isEqualTo(entries.get(0));
      assertThat(entries.get(2)).contains(bob);
      assertThat(gdpr.suppression().entries(acme, null, 10)).hasSize(3);
      assertThat(gdpr.suppression().isSuppressed(acme, ContactPoint.phone("+4930 1234567"))).isTrue();
      assertThat(gdpr.suppression().entries(globex, null, 10)).isEmpty();
      assertThat(gdpr.audit().entries(acme, 0, 100)).filteredOn(entry -> entry.record().kind()
          == AuditKind.SUPPRESSION_ADDED).hasSize(3);
    }

    @Test
    void releasesOnlyInTheNamedTenant() {
      gdpr.suppression().suppress(acme, ContactPoint.email("alice@example.com"));
      gdpr.suppression().suppress(globex, ContactPoint.email("alice@example.com"));

      boolean released = gdpr.suppression().release(globex, ContactPoint.email("alice@example.com"),
          ConsentProof.webForm("signup", "v3").build());

      assertThat(released).isTrue();
      assertThat(gdpr.suppression().isSuppressed(globex, ContactPoint.email("alice@example.com"))).isFalse();
      assertThat(gdpr.suppression().isSuppressed(acme, ContactPoint.email("alice@example.com"))).isTrue();
    }
  }
}

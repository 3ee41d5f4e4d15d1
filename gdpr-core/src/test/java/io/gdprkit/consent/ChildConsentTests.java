package io.gdprkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.export.ExportFormat;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.receipt.ConsentReceipt.PiiController;
import io.gdprkit.receipt.ConsentReceipt.PostalAddress;
import io.gdprkit.receipt.ReceiptOptions;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Art. 8 GDPR: the digital age of consent per member state, and parental authorisation below it. */
class ChildConsentTests {

  private static final SubjectId KID = SubjectId.of("player-7");
  private static final MemberState DE = MemberState.of("DE");
  private static final MemberState FR = MemberState.of("FR");
  private static final MemberState AT = MemberState.of("AT");
  private static final MemberState BE = MemberState.of("BE");
  /** Twelve on the test clock's day; the string is searched for in everything the kit keeps. */
  private static final LocalDate BIRTH_DATE = LocalDate.parse("2014-05-17");

  private final TestClock clock = TestClock.at("2026-12-07T10:00:00Z");
  private final Purpose chat = Purpose.of("game-chat", LegalBasis.CONSENT, "Chat with other players");
  private final Purpose loyaltyCard = Purpose.of("loyalty-card", LegalBasis.CONSENT, "Paper loyalty card in store")
      .notInformationSocietyService();
  private final Purpose saves = Purpose.of("save-games", LegalBasis.CONTRACT, "Keep your saved games");

  private GdprKit.Builder kit() {
    return GdprKit.builder().clock(clock).purpose(chat).purpose(loyaltyCard).purpose(saves);
  }

  private final GdprKit gdpr = kit().build();

  private static ConsentProof.Builder form() {
    return ConsentProof.webForm("signup", "v3");
  }

  private ParentalAuthorisation parentByEmail() {
    return ParentalAuthorisation.by(ParentalRole.PARENT, ParentalVerification.EMAIL_TO_PARENT,
        clock.instant().minus(Duration.ofMinutes(5)));
  }

  @Nested
  @DisplayName("the table of digital ages of consent (Art. 8(1))")
  class Table {

    @Test
    @DisplayName("Art. 8(1): the defaults hold the 27 EU member states at their law's age, each with its source")
    void defaultsHoldEveryMemberStateWithItsSource() {
      DigitalConsentAges ages = DigitalConsentAges.defaults();

      assertThat(ages.entries()).hasSize(27).allSatisfy(entry -> {
        assertThat(entry.age()).isBetween(13, 16);
        assertThat(entry.source()).isNotBlank();
      });
      Map<Integer, List<String>> byAge = ages.entries().stream().collect(Collectors.groupingBy(
          DigitalConsentAge::age, Collectors.mapping(e -> e.memberState().code(), Collectors.toList())));
      assertThat(byAge.get(13)).containsExactlyInAnyOrder("BE", "DK", "EE", "FI", "LV", "MT", "PT", "SE");
      assertThat(byAge.get(14)).containsExactlyInAnyOrder("AT", "BG", "CY", "IT", "LT", "ES");
      assertThat(byAge.get(15)).containsExactlyInAnyOrder("CZ", "FR", "GR", "SI");
      assertThat(byAge.get(16)).containsExactlyInAnyOrder("HR", "DE", "HU", "IE", "LU", "NL", "PL", "RO", "SK");
      assertThat(ages.find(MemberState.of("IE")).orElseThrow().source()).contains("Data Protection Act 2018, s. 31");
      assertThat(ages.find(MemberState.of("SI")).orElseThrow().source()).contains("ZVOP-2");
    }

    @Test
    @DisplayName("Art. 8(1): a member state missing from the table, or none at all, gets the GDPR's own 16")
    void missingMemberStateGetsSixteen() {
      DigitalConsentAges ages = DigitalConsentAges.of(List.of(new DigitalConsentAge(BE, 13, "Act of 30 July 2018")));

      assertThat(ages.ageIn(BE)).isEqualTo(13);
      assertThat(ages.ageIn(MemberState.of("NO"))).isEqualTo(16);
      assertThat(ages.ageIn(null)).isEqualTo(16);
    }

    @ParameterizedTest(name = "age {0}")
    @ValueSource(ints = {0, 12, 17, 18, -1})
    @DisplayName("Art. 8(1): an age below 13 or above 16 is refused with a typed error")
    void refusesAgesOutsideThirteenToSixteen(int age) {
      assertThatThrownBy(() -> DigitalConsentAges.defaults().with(FR, age, "a draft law"))
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("digital age of consent"))
          .hasMessageContaining("between 13 and 16").hasMessageContaining("Art. 8(1)");
    }

    @Test
    @DisplayName("Art. 8(1): a host's table replaces the defaults, and a state named twice is refused")
    void hostTableReplacesDefaults() {
      GdprKit custom = kit().digitalConsentAges(DigitalConsentAges.defaults().with(DE, 13, "hypothetical reform"))
          .defaultMemberState(DE).build();

      custom.consents().grant(KID, "game-chat", form().age(AgeAssurance.declaredAge(13)).build());

      assertThat(custom.decide(KID, "game-chat").allowed()).isTrue();
      assertThatThrownBy(() -> DigitalConsentAges.of(List.of(new DigitalConsentAge(DE, 16, "a"),
          new DigitalConsentAge(DE, 15, "b")))).isInstanceOf(InvalidInputException.class).hasMessageContaining("twice");
      assertThatThrownBy(() -> MemberState.of("EL")).isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  @DisplayName("consent below the age (Art. 8(1)-(2))")
  class BelowTheAge {

    @Test
    @DisplayName("Art. 8(1): a consent from a subject below the age without parental authorisation is refused, "
        + "saying why, and nothing is written")
    void refusesConsentOfAChildWithoutParentalAuthorisation() {
      ConsentProof proof = form().age(AgeAssurance.declaredBirthDate(BIRTH_DATE)).build();

      assertThatThrownBy(() -> gdpr.consents().grant(KID, "game-chat", proof))
          .isInstanceOfSatisfying(ParentalAuthorisationRequiredException.class, e -> {
            assertThat(e.purpose()).isEqualTo("game-chat");
            assertThat(e.ageOfConsent()).isEqualTo(16);
            assertThat(e.memberState()).isNull();
            assertThat(e.evidence()).isEqualTo(AgeEvidence.DECLARED_BIRTH_DATE);
          })
          .hasMessageContaining("Art. 8(1)").hasMessageContaining("parental responsibility")
          .hasMessageContaining("16").hasMessageNotContaining("2014").hasMessageNotContaining("player-7");
      assertThat(gdpr.consents().history(KID)).isEmpty();
      assertThat(gdpr.decide(KID, "game-chat").reason()).isEqualTo(DecisionReason.NO_CONSENT);
    }

    @Test
    @DisplayName("Art. 8(1)-(2): with the parental authorisation (who by role, how verified, when) the consent is "
        + "recorded with it")
    void acceptsAndRecordsParentalAuthorisation() {
      ParentalAuthorisation parent = ParentalAuthorisation.by(ParentalRole.LEGAL_GUARDIAN,
          ParentalVerification.SIGNED_FORM, clock.instant().minus(Duration.ofDays(1))).withEvidenceReference("form-981");

      ConsentEvent event = gdpr.consents().grant(KID, "game-chat",
          form().age(AgeAssurance.declaredBirthDate(BIRTH_DATE), DE).parentalAuthorisation(parent).build());

      assertThat(gdpr.decide(KID, "game-chat").allowed()).isTrue();
      ConsentProof recorded = gdpr.consents().history(KID, "game-chat").get(0).proof();
      assertThat(recorded).isEqualTo(event.proof());
      assertThat(recorded.parentalAuthorisation()).isEqualTo(parent);
      assertThat(recorded.ageAssurance()).isEqualTo(new AgeCheck(AgeEvidence.DECLARED_BIRTH_DATE, DE, 16, true));
    }

    @Test
    @DisplayName("Art. 8(1): the member state on the request, else the kit's default, sets the age")
    void memberStateOfTheRequestOrTheKitSetsTheAge() {
      GdprKit belgian = kit().defaultMemberState(BE).build();

      belgian.consents().grant(KID, "game-chat", form().age(AgeAssurance.declaredAge(13)).build());
      assertThatThrownBy(() -> belgian.consents().grant(SubjectId.of("p-8"), "game-chat",
          form().age(AgeAssurance.declaredAge(14), FR).build()))
          .isInstanceOfSatisfying(ParentalAuthorisationRequiredException.class, e -> {
            assertThat(e.memberState()).isEqualTo(FR);
            assertThat(e.ageOfConsent()).isEqualTo(15);
          });
      belgian.consents().grant(SubjectId.of("p-9"), "game-chat", form().age(AgeAssurance.declaredAge(15), FR).build());
      assertThatThrownBy(() -> gdpr.consents().grant(KID, "game-chat", form().age(AgeAssurance.declaredAge(13)).build()))
          .isInstanceOf(ParentalAuthorisationRequiredException.class); // no member state anywhere: 16

      assertThat(belgian.decide(KID, "game-chat").allowed()).isTrue();
      assertThat(belgian.decide(SubjectId.of("p-9"), "game-chat").allowed()).isTrue();
    }

    @Test
    @DisplayName("Art. 8(2): what does not show the subject to be at or above the age counts as below it")
    void statementsThatDoNotReachTheAgeNeedParentalAuthorisation() {
      assertThatThrownBy(() -> gdpr.consents().grant(KID, "game-chat",
          form().age(AgeAssurance.declaredAtLeast(13), DE).build()))
          .isInstanceOf(ParentalAuthorisationRequiredException.class);
      assertThatThrownBy(() -> gdpr.consents().grant(KID, "game-chat",
          form().age(AgeAssurance.declaredAgeBand(13, 15), AT).build()))
          .isInstanceOf(ParentalAuthorisationRequiredException.class);

      gdpr.consents().grant(SubjectId.of("p-2"), "game-chat", form().age(AgeAssurance.declaredAgeBand(14, 17), AT).build());
      gdpr.consents().grant(SubjectId.of("p-3"), "game-chat", form().age(AgeAssurance.verifiedAtLeast(16), DE).build());

      assertThat(((AgeCheck) gdpr.consents().history(SubjectId.of("p-3")).get(0).proof().ageAssurance()))
          .isEqualTo(new AgeCheck(AgeEvidence.VERIFIED_MINIMUM_AGE, DE, 16, false));
    }

    @Test
    @DisplayName("Art. 8(1): a double opt-in request from a child without parental authorisation is refused too")
    void refusesDoubleOptInRequestOfAChild() {
      assertThatThrownBy(() -> gdpr.consents().requestConfirmation(KID, "game-chat",
          form().age(AgeAssurance.declaredAge(12)).build()))
          .isInstanceOf(ParentalAuthorisationRequiredException.class);

      PendingConsent pending = gdpr.consents().requestConfirmation(KID, "game-chat",
          form().age(AgeAssurance.declaredAge(12)).parentalAuthorisation(parentByEmail()).build());
      ConsentEvent confirmed = gdpr.consents().confirm(pending.token());

      assertThat(gdpr.decide(KID, "game-chat").allowed()).isTrue();
      assertThat(pending.event().proof().parentalAuthorisation()).isEqualTo(parentByEmail());
      // Art. 7(1), 8(1): the CONFIRMED event the consent rests on shows the authorisation and the age check itself
      assertThat(confirmed.proof().parentalAuthorisation()).isEqualTo(parentByEmail());
      assertThat(confirmed.proof().ageAssurance()).isEqualTo(pending.event().proof().ageAssurance());
    }

    @Test
    @DisplayName("Art. 8(1): a bulk import of children's consents without parental authorisation fails its batch, "
        + "saying why")
    void bulkImportWithoutParentalAuthorisationFails() {
      Actor ops = Actor.staff("ops-1");
      BulkUpdate update = BulkUpdate.of("game-chat", LegalBasis.CONSENT, Origin.importFile("school-list.csv"),
          clock.instant().minus(Duration.ofDays(1)), ops).withProof(ConsentProof.imported("school-list.csv", ops)
              .age(AgeAssurance.declaredAgeBand(10, 12), DE).build());

      BulkUpdateReport report = gdpr.consents().bulkUpdate(update, java.util.stream.Stream.of(KID), (s, c) -> true);

      assertThat(report.failed()).isEqualTo(1);
      assertThat(report.failures().get(0).reason()).contains("ParentalAuthorisationRequiredException", "Art. 8(1)");
      assertThat(gdpr.consents().history(KID)).isEmpty();
    }

    @Test
    @DisplayName("Art. 8(2): a parental authorisation verified after the consent it authorises is refused")
    void refusesAuthorisationVerifiedAfterTheConsent() {
      ParentalAuthorisation later = ParentalAuthorisation.by(ParentalRole.PARENT, ParentalVerification.VIDEO_CALL,
          clock.instant().plusSeconds(60));

      assertThatThrownBy(() -> gdpr.consents().grant(KID, "game-chat",
          form().age(AgeAssurance.declaredAge(12)).parentalAuthorisation(later).build()))
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("parental authorisation verifiedAt"));
    }

    @Test
    @DisplayName("Art. 8: a parental consent stays valid when the child comes of age, until withdrawn (EDPB 05/2020)")
    void parentalConsentStaysValidAfterTheChildComesOfAge() {
      gdpr.consents().grant(KID, "game-chat",
          form().age(AgeAssurance.declaredBirthDate(BIRTH_DATE), DE).parentalAuthorisation(parentByEmail()).build());

      clock.advance(Duration.ofDays(365 * 5)); // seventeen now

      assertThat(gdpr.decide(KID, "game-chat").allowed()).isTrue();
      assertThat(gdpr.consents().recordExpiries(100)).isZero();
      gdpr.consents().withdraw(KID, "game-chat");
      assertThat(gdpr.decide(KID, "game-chat").reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
    }
  }

  @Nested
  @DisplayName("what Art. 8 does not cover")
  class OutsideArticle8 {

    @Test
    @DisplayName("Art. 8(1): a purpose that is no information society service needs no parental authorisation")
    void nonInformationSocietyServiceIsNotAffected() {
      GdprKit strict = kit().requireAgeAssurance().build();

      strict.consents().grant(KID, "loyalty-card", ConsentProof.inPerson("clerk-3")
          .age(AgeAssurance.declaredAge(10)).build());
      strict.consents().grant(SubjectId.of("p-2"), "loyalty-card", ConsentProof.inPerson("clerk-3").build());

      assertThat(strict.decide(KID, "loyalty-card").allowed()).isTrue();
      assertThat(strict.decide(SubjectId.of("p-2"), "loyalty-card").allowed()).isTrue();
    }

    @Test
    @DisplayName("Art. 8(1): a purpose on another basis than consent is not affected")
    void nonConsentBasisIsNotAffected() {
      GdprKit strict = kit().requireAgeAssurance().build();

      assertThat(strict.decide(KID, "save-games").allowed()).isTrue();
      assertThat(strict.decide(KID, "save-games").reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
    }

    @Test
    @DisplayName("Art. 8(2): without age information a consent counts as an adult's, unless the kit requires age "
        + "assurance")
    void unknownAgeIsAnAdultUnlessAssuranceIsRequired() {
      GdprKit strict = kit().requireAgeAssurance().build();

      gdpr.consents().grant(KID, "game-chat", form().build());

      assertThat(gdpr.decide(KID, "game-chat").allowed()).isTrue();
      assertThatThrownBy(() -> strict.consents().grant(KID, "game-chat", form().build()))
          .isInstanceOfSatisfying(AgeAssuranceRequiredException.class,
              e -> assertThat(e.purpose()).isEqualTo("game-chat"))
          .hasMessageContaining("Art. 8");
      strict.consents().grant(KID, "game-chat", form().age(AgeAssurance.declaredAtLeast(16)).build());
      assertThat(strict.decide(KID, "game-chat").allowed()).isTrue();
    }
  }

  @Nested
  @DisplayName("data minimisation of ages (Art. 5(1)(c))")
  class Minimisation {

    @Test
    @DisplayName("Art. 5(1)(c): no stated birth date or age is kept in events, exports, receipts or the audit trail")
    void keepsNoBirthDateAnywhere() {
      GdprKit withReceipts = kit().receipts(ReceiptOptions.of(PiiController.of("Acme", "Privacy",
          PostalAddress.of("Main St 1", "10115", "Berlin", CountryCode.of("DE")), "privacy@acme.example", "+49 30 1"),
          "DE", URI.create("https://acme.example/privacy"), WithdrawalMethod.of(WithdrawalMethod.Means.WEB_FORM,
          URI.create("https://acme.example/preferences")))).build();
      ConsentEvent child = withReceipts.consents().grant(KID, "game-chat", form()
          .age(AgeAssurance.declaredBirthDate(BIRTH_DATE), DE).parentalAuthorisation(parentByEmail()).build());
      SubjectId teen = SubjectId.of("player-8");
      withReceipts.consents().grant(teen, "game-chat", form().age(AgeAssurance.declaredAge(47), DE).build());

      String json = export(withReceipts, KID, ExportFormat.JSON) + export(withReceipts, teen, ExportFormat.JSON);
      String csv = export(withReceipts, KID, ExportFormat.CSV) + export(withReceipts, teen, ExportFormat.CSV);
      String receipt = new String(Base64.getUrlDecoder().decode(
          withReceipts.receipts().issue(child).jws().split("\\.")[1]), StandardCharsets.UTF_8);
      String audit = withReceipts.audit().entries(TenantId.DEFAULT, 0, 1000).stream().map(AuditEntry::toString)
          .collect(Collectors.joining("\n"));
      String events = withReceipts.consents().history(KID).toString() + withReceipts.consents().history(teen);

      for (String kept : List.of(json, csv, receipt, audit, events)) {
        // the whole number 47, not digits inside a hash or UUID
        assertThat(kept).doesNotContain(BIRTH_DATE.toString()).doesNotContainPattern("\\b47\\b");
      }
      assertThat(withReceipts.consents().history(teen).get(0).proof().ageAssurance())
          .isEqualTo(new AgeCheck(AgeEvidence.DECLARED_AGE, DE, 16, false));
      assertThat(json).contains("\"parentalAuthorisation\":{\"role\":\"PARENT\",\"verification\":\"EMAIL_TO_PARENT\"")
          .contains("\"belowAgeOfConsent\":true");
      assertThat(csv).contains("proof.parental_verification", "EMAIL_TO_PARENT", "proof.below_age_of_consent");
    }

    @Test
    @DisplayName("Art. 5(1)(c): a statement of age does not show itself in toString, nor a wrong birth date in the "
        + "error")
    void statementsOfAgeStayRedacted() {
      AgeAssurance stated = AgeAssurance.declaredBirthDate(BIRTH_DATE);
      LocalDate future = LocalDate.parse("2031-01-02");

      assertThat(stated.toString()).doesNotContain("2014");
      assertThat(form().age(stated).build().toString()).doesNotContain("2014");
      assertThat(form().age(AgeAssurance.declaredAge(47)).build().toString()).doesNotContain("47");
      assertThatThrownBy(() -> gdpr.consents().grant(KID, "game-chat",
          form().age(AgeAssurance.declaredBirthDate(future)).build()))
          .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("2031");
    }
  }

  private static String export(GdprKit kit, SubjectId subject, ExportFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    kit.exports().write(subject, format, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}

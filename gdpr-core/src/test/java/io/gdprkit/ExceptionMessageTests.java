package io.gdprkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdprkit.consent.ConsentProof;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every identifier a caller hands in reaches an exception message quoted, escaped and bounded. */
class ExceptionMessageTests {

  private static final SubjectId ALICE = SubjectId.of("contact-42");
  private static final int MAX_MESSAGE = 500;

  private static final List<String> HOSTILE_IDS = List.of(
      "news\r\nINFO forged log line",
      "news\u0000letter",
      "news\u202Eelttel",
      "news\u2028letter\u0085",
      "x".repeat(1 << 20));

  private static final List<Entry> ENTRY_POINTS = List.of(
      new Entry("decide", (gdpr, id) -> gdpr.decide(ALICE, id)),
      new Entry("guard().require", (gdpr, id) -> gdpr.guard().require(ALICE, id)),
      new Entry("decideAt", (gdpr, id) -> gdpr.decideAt(ALICE, id, java.time.Instant.EPOCH)),
      new Entry("decisions().checkCampaign",
          (gdpr, id) -> gdpr.decisions().checkCampaign(List.of(ALICE), id, java.time.Instant.EPOCH)),
      new Entry("consents().grant", (gdpr, id) -> gdpr.consents().grant(ALICE, id, proof())),
      new Entry("consents().withdraw", (gdpr, id) -> gdpr.consents().withdraw(ALICE, id)),
      new Entry("consents().requestConfirmation",
          (gdpr, id) -> gdpr.consents().requestConfirmation(ALICE, id, proof())),
      new Entry("preferences().subscribe", (gdpr, id) -> gdpr.preferences().subscribe(ALICE, id, proof())),
      new Entry("preferences().unsubscribeToken", (gdpr, id) -> gdpr.preferences().unsubscribeToken(ALICE, id)),
      new Entry("preferences().unsubscribe", (gdpr, id) -> gdpr.preferences().unsubscribe(ALICE, id)),
      new Entry("erasure().erase purpose ended",
          (gdpr, id) -> gdpr.erasure().erase(ALICE, ErasureScope.purposeEnded(id))),
      new Entry("processingRecords().remove", (gdpr, id) -> gdpr.processingRecords().remove(id, Actor.staff("dpo"))),
      new Entry("restrictions().object",
          (gdpr, id) -> gdpr.restrictions().object(ALICE, id, "no marketing", Actor.staff("dpo"))),
      new Entry("rectification().rectify provider",
          (gdpr, id) -> gdpr.rectification().rectify(ALICE, id, "c-42", "email", "x")),
      new Entry("rectification().rectify field",
          (gdpr, id) -> gdpr.rectification().rectify(ALICE, "contacts", "c-42", id, "x")),
      new Entry("recipients().retire", (gdpr, id) -> gdpr.recipients().retire(id, "contract ended", Actor.staff("dpo"))),
      new Entry("recipients().disclose", (gdpr, id) -> gdpr.recipients().disclose(ALICE, id, "newsletter",
          Set.of(DataCategory.CONTACT_DETAILS), Actor.staff("dpo"))),
      new Entry("builder().purpose twice", (gdpr, id) -> GdprKit.builder()
          .purpose(Purpose.of(id, LegalBasis.CONSENT, "One")).purpose(Purpose.of(id, LegalBasis.CONSENT, "Two"))
          .build()));

  private final GdprKit gdpr = GdprKit.builder()
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter"))
      .personalData(new InMemoryPersonalDataProvider(ProviderDescriptor.of("contacts", "Contacts",
          List.of(FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull())))))
      .build();

  static Stream<Arguments> entryPointsTimesHostileIds() {
    return ENTRY_POINTS.stream().flatMap(entry -> HOSTILE_IDS.stream().map(id -> Arguments.of(entry, id)));
  }

  @ParameterizedTest(name = "{0} with hostile id #{index}")
  @MethodSource("entryPointsTimesHostileIds")
  void neverEchoesARawIdentifierIntoAnExceptionMessage(Entry entry, String id) {
    // Issue 9

    Throwable thrown = catchThrowable(() -> entry.call().accept(gdpr, id));

    assertThat(thrown).isInstanceOf(GdprException.class);
    String message = thrown.getMessage();
    assertThat(message.length()).as("message length").isLessThanOrEqualTo(MAX_MESSAGE);
    assertThat(message.codePoints().filter(ExceptionMessageTests::unsafe).toArray())
        .as("control or invisible characters in: %s", message).isEmpty();
  }

  @Test
  void quotesEscapesAndTruncatesAnUnknownPurpose() {
    // Issue 9

    Throwable thrown = catchThrowable(() -> gdpr.decide(ALICE, "a\r\nb\u0000" + "c".repeat(100)));

    assertThat(thrown).hasMessageStartingWith("purpose 'a\\u000D\\u000Ab\\u0000ccc")
        .hasMessageContaining("…' (105 chars) is not declared");
  }

  @Test
  void quotesAnUnknownPurposeUnchangedWhenItIsPlain() {
    Throwable thrown = catchThrowable(() -> gdpr.decide(ALICE, "newsleter"));

    assertThat(thrown).hasMessageStartingWith("purpose 'newsleter' is not declared");
  }

  private static boolean unsafe(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
      default -> false;
    };
  }

  private static ConsentProof proof() {
    return ConsentProof.webForm("signup-form", "v3").noticeText("We send a monthly newsletter.").build();
  }

  record Entry(String name, BiConsumer<GdprKit, String> call) {
    @Override
    public String toString() {
      return name;
    }
  }
}

package io.gdprkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdprkit.audit.CheckpointPolicy;
import io.gdprkit.breach.BreachDetails;
import io.gdprkit.breach.ExposureWindow;
import io.gdprkit.consent.BulkUpdate;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.RetainedField;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.request.EmailVerificationOptions;
import io.gdprkit.retention.RetentionRule;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every duration, period and instant is checked against gdpr-kit's bounds (at most 100 years; 1970 to 9999) before
 * anything is written, and fails with an {@link InvalidInputException} naming the field instead of a raw
 * {@code ArithmeticException} or {@code DateTimeException} from deep inside.
 */
class BoundsTests {

  private static final Duration HUGE = Duration.ofSeconds(Long.MAX_VALUE);
  private static final Duration CENTURY_AND_A_DAY = Duration.ofDays(36_526);

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");
  private final InMemoryPersonalDataProvider invoices = new InMemoryPersonalDataProvider(ProviderDescriptor.of(
      "invoices", "Invoices", List.of(
          FieldDescriptor.of("vat-number", DataCategory.FINANCIAL, ErasureStrategy.retain("tax law", Period.ofYears(10))),
          FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()))));
  private final GdprKit gdpr = GdprKit.builder().clock(clock)
      .purpose(Purpose.of("offers", LegalBasis.CONSENT, "Special offers").withConsentValidity(Period.ofMonths(24)))
      .personalData(invoices)
      .build();

  static Stream<Arguments> configuration() {
    return Stream.of(
        option("confirmationTokenValidity",
            () -> GdprKit.builder().confirmationTokenValidity(Duration.ofDays(365L * 1_000_000))),
        option("confirmationTokenValidity", () -> GdprKit.builder().confirmationTokenValidity(CENTURY_AND_A_DAY)),
        option("unsubscribeTokenValidity", () -> GdprKit.builder().unsubscribeTokenValidity(HUGE)),
        option("tokenValidity", () -> EmailVerificationOptions.defaults().withTokenValidity(HUGE)),
        option("keep", () -> RetentionRule.forSubjects("leads", HUGE, RetentionRule.Action.ERASE)),
        option("consent validity", () -> Purpose.of("offers", LegalBasis.CONSENT, "Offers")
            .withConsentValidity(Period.ofYears(Integer.MAX_VALUE))),
        option("consent validity", () -> Purpose.of("offers", LegalBasis.CONSENT, "Offers")
            .withConsentValidity(Period.of(100, 0, 1))),
        option("every", () -> CheckpointPolicy.of(1_000, HUGE)),
        option("retention period", () -> ErasureStrategy.retain("tax law", Period.ofYears(1_000_000))),
        option("exposure from", () -> ExposureWindow.of(Instant.MIN, Instant.parse("2026-01-01T00:00:00Z"))),
        option("exposure until", () -> ExposureWindow.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.MAX)),
        option("effectiveAt", () -> BulkUpdate.of("offers", LegalBasis.CONSENT, Origin.importFile("crm.csv"),
            Instant.MIN, Actor.staff("dpo"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configuration")
  void refusesAnOutOfBoundsOptionNamingTheField(String field, Runnable configure) {
    // Issue 9

    Throwable thrown = catchThrowable(configure::run);

    assertThat(thrown).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.field()).isEqualTo(field));
  }

  static Stream<Arguments> inputs() {
    return Stream.of(
        input("occurredAt", kit -> kit.consents().grant(SubjectId.of("contact-42"), "offers", proof(), Instant.MIN)),
        input("occurredAt", kit -> kit.consents().grant(SubjectId.of("contact-42"), "offers", proof(),
            Instant.parse("1969-12-31T23:59:59Z"))),
        input("awareAt", kit -> kit.breaches().record(BreachDetails.of("laptop stolen"), Instant.MIN,
            Actor.staff("dpo"))),
        input("at", kit -> kit.retention().recordActivity(SubjectId.of("contact-42"), Instant.MIN)),
        input("window", kit -> kit.requests().dueWithin(HUGE)),
        input("within", kit -> kit.breaches().awaitingNotification(HUGE)),
        input("window", kit -> kit.retention().startCampaign("reconsent", "offers",
            Stream.of(SubjectId.of("contact-42")), HUGE, pending -> { })));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void refusesAnOutOfBoundsInputNamingTheFieldAndWritesNothing(String field, Consumer<GdprKit> call) {
    // Issue 9

    Throwable thrown = catchThrowable(() -> call.accept(gdpr));

    assertThat(thrown).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.field()).isEqualTo(field));
    assertThat(gdpr.consents().history(alice)).isEmpty();
    assertThat(gdpr.retention().lastActivity(alice)).isEmpty();
    assertThat(gdpr.breaches().awaitingNotification(Duration.ZERO)).isEmpty();
  }

  @Test
  void leavesNoPendingConsentWithoutATokenWhenTheTokenExpiryCannotBeComputed() {
    // Issue 9
    TestClock farFuture = new TestClock(Instant.MAX.minusSeconds(60));
    GdprKit kit = GdprKit.builder().clock(farFuture)
        .purpose(Purpose.of("offers", LegalBasis.CONSENT, "Special offers")).build();

    Throwable thrown = catchThrowable(() -> kit.consents().requestConfirmation(alice, "offers", proof()));

    assertThat(thrown).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.field()).isEqualTo("clock"));
    assertThat(kit.consents().history(alice)).isEmpty();
  }

  @Test
  void acceptsTheBoundsThemselves() {
    Purpose century = Purpose.of("offers", LegalBasis.CONSENT, "Offers").withConsentValidity(Period.ofYears(100));

    GdprKit kit = GdprKit.builder().clock(clock).purpose(century)
        .confirmationTokenValidity(Duration.ofDays(36_525)).build();
    kit.consents().grant(alice, "offers", proof(), Instant.EPOCH);

    assertThat(kit.consents().state(alice, "offers")).isPresent();
    assertThat(kit.consents().requestConfirmation(SubjectId.of("contact-43"), "offers", proof()).tokenExpiresAt())
        .isEqualTo(clock.instant().plus(Duration.ofDays(36_525)));
  }

  @Test
  void keepsAFieldRetainedFromAFarFutureRecordDateOnlyForItsPeriodFromNow() {
    // Issue 9
    invoices.put(alice, "inv-1", Map.of("vat-number", "DE123", "email", "alice@example.com"), Instant.MAX);

    ErasureReport report = gdpr.erasure().erase(alice);

    List<RetainedField> retained = report.providers().get(0).retained();
    assertThat(retained).singleElement().satisfies(field -> {
      assertThat(field.field()).isEqualTo("vat-number");
      assertThat(field.until()).isEqualTo(Instant.parse("2036-11-23T10:00:00Z"));
    });
    assertThat(invoices.records(alice).get("inv-1")).containsEntry("vat-number", "DE123")
        .doesNotContainValue("alice@example.com");
    assertThat(gdpr.erasure().resumePending()).isEmpty();
  }

  private static Arguments option(String field, Runnable configure) {
    return Arguments.of(field, configure);
  }

  private static Arguments input(String field, Consumer<GdprKit> call) {
    return Arguments.of(field, call);
  }

  private static ConsentProof proof() {
    return ConsentProof.webForm("signup-form", "v3").noticeText("We send offers.").build();
  }
}

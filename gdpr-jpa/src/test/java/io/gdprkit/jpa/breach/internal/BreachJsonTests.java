package io.gdprkit.jpa.breach.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprStoreException;
import io.gdprkit.breach.Breach;
import io.gdprkit.breach.BreachDetails;
import io.gdprkit.breach.BreachId;
import io.gdprkit.breach.ExposureWindow;
import io.gdprkit.breach.RiskAssessment;
import io.gdprkit.breach.RiskLevel;
import io.gdprkit.breach.SubjectNoticeExemption;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Sensitivity;
import io.gdprkit.subject.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BreachJsonTests {

  private static final Instant AWARE = Instant.parse("2026-06-01T08:00:00.123456789Z");

  @Test
  @DisplayName("a breach reads back equal with its details, assessments, late notification, phases and exemption"
      + " (Art. 33(3)-(5), 34(3))")
  void roundTripsEveryField() {
    BreachDetails details = BreachDetails.of("Misdirected e-mail — «Rechnungen» \"Q3\"")
        .withDataCategories(DataCategory.FINANCIAL, DataCategory.of("loyalty", "Treuepunkte", Sensitivity.NORMAL))
        .withSubjectCategories("Customers", "Suppliers")
        .withApproximateSubjects(12).withApproximateRecords(0)
        .withLikelyConsequences("Fraud attempts").withMeasures("Recall requested").withContactPoint("dpo@acme.example")
        .withExposure(ExposureWindow.of(AWARE.minus(Duration.ofDays(3)), AWARE));
    Breach breach = Breach.recorded(BreachId.of("INC-2026/0042"), details, AWARE, AWARE.plusSeconds(5))
        .assessed(new RiskAssessment(RiskLevel.NO_RISK, "Encrypted", Actor.staff("dpo-1"), hours(1)))
        .assessed(new RiskAssessment(RiskLevel.RISK, "Key was on the laptop", Actor.subject(), hours(70)))
        .authorityNotified(hours(80), "Found in an audit")
        .authorityInformedFurther(hours(90))
        .authorityInformedFurther(hours(95))
        .subjectsNotTold(SubjectNoticeExemption.RISK_NO_LONGER_LIKELY, "Recipient deleted it");

    assertThat(BreachJson.read(breach.id(), breach.version(), BreachJson.write(breach))).isEqualTo(breach);
  }

  @Test
  @DisplayName("a breach just recorded, and one whose subjects were told on the authority's requirement, read back"
      + " equal (Art. 34(1), 34(4))")
  void roundTripsRecordedAndToldBreaches() {
    Breach recorded = Breach.recorded(BreachId.random(), BreachDetails.of("Lost laptop"), AWARE, AWARE);
    Breach told = recorded.assessed(new RiskAssessment(RiskLevel.RISK, "Names only", Actor.staff("dpo"), hours(2)))
        .communicationRequired(hours(100)).subjectsTold(hours(101));

    for (Breach breach : List.of(recorded, told)) {
      assertThat(BreachJson.read(breach.id(), breach.version(), BreachJson.write(breach))).isEqualTo(breach);
    }
  }

  @Test
  @DisplayName("a stored breach without its details fails as a store error naming the field")
  void failsWithoutDetails() {
    assertThatThrownBy(() -> BreachJson.read(BreachId.of("INC-1"), 1, "{\"awareAt\":\"" + AWARE + "\"}"))
        .isInstanceOf(GdprStoreException.class).cause().hasMessageContaining("details");
  }

  private static Instant hours(int n) {
    return AWARE.plus(Duration.ofHours(n));
  }
}

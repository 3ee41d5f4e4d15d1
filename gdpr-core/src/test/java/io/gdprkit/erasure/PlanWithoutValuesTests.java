package io.gdprkit.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.TestClock;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.RecordPlan;
import io.gdprkit.erasure.internal.DefaultErasureContext;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link ErasureContext#plansWithoutValues}: a provider may plan a record without reading it exactly when the plan
 * cannot depend on what it would read (issue 11, set-based erasure).
 */
class PlanWithoutValuesTests {

  private static final PseudonymKey KEY = PseudonymKey.generate();
  private static final ProviderDescriptor CRM = ProviderDescriptor.of("crm", "CRM", List.of(
      FieldDescriptor.of("note", DataCategory.BEHAVIOURAL, ErasureStrategy.deleteRecord()),
      FieldDescriptor.of("name", DataCategory.CONTACT_DETAILS, ErasureStrategy.deleteRecord()),
      FieldDescriptor.of("amount", DataCategory.FINANCIAL, ErasureStrategy.deleteRecord()),
      FieldDescriptor.of("page", DataCategory.ONLINE_IDENTIFIERS, ErasureStrategy.setNull())));
  private static final Purpose NEWSLETTER = Purpose.of("newsletter", LegalBasis.CONSENT, "Newsletter")
      .withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.BEHAVIOURAL);
  private static final Purpose TAX = Purpose.of("tax-records", LegalBasis.LEGAL_OBLIGATION, "Invoices for tax law")
      .withDataCategories(DataCategory.FINANCIAL).withRetention(Period.ofYears(10));

  private final TestClock clock = TestClock.at("2026-12-07T10:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");

  private DefaultErasureContext context(ErasureScope scope, @Nullable Instant release, Purpose... purposes) {
    return new DefaultErasureContext(alice, CRM, scope, PurposeRegistry.of(List.of(purposes)), SubjectConsents.EMPTY,
        KEY, clock, release);
  }

  /** Plans one record with each combination of null and set values and of dates, and returns the distinct plans. */
  private static List<RecordPlan> plansOf(ErasureContext context, List<String> fields) {
    List<RecordPlan> plans = new ArrayList<>();
    List<@Nullable Instant> dates = new ArrayList<>();
    dates.add(null);
    dates.add(Instant.parse("2000-01-01T00:00:00Z"));
    dates.add(Instant.parse("2026-12-01T00:00:00Z"));
    for (int nulls = 0; nulls < 1 << fields.size(); nulls++) {
      Map<String, @Nullable Object> values = new HashMap<>();
      for (int f = 0; f < fields.size(); f++) {
        values.put(fields.get(f), (nulls & 1 << f) != 0 ? null : "value " + f);
      }
      for (Instant date : dates) {
        RecordPlan plan = context.plan("r-1", values, date);
        if (!plans.contains(plan)) {
          plans.add(plan);
        }
      }
    }
    return plans;
  }

  @Test
  @DisplayName("Art. 17(1): records whose every field deletes the record, kept by nothing, are planned the same"
      + " whatever they hold")
  void plansDeletionWithoutValuesWhenNothingKeepsTheRecord() {
    ErasureContext context = context(ErasureScope.everything(), null, NEWSLETTER);
    List<String> fields = List.of("note", "name");

    boolean withoutValues = context.plansWithoutValues(fields);

    assertThat(withoutValues).isTrue();
    assertThat(plansOf(context, fields)).containsExactly(new RecordPlan("r-1", true, List.of()));
  }

  @Test
  @DisplayName("Art. 17(3)(b): a category a legal obligation keeps makes the plan depend on the record's date")
  void needsValuesWhenARetentionCanKeepTheRecord() {
    ErasureContext context = context(ErasureScope.everything(), null, NEWSLETTER, TAX);

    boolean withoutValues = context.plansWithoutValues(List.of("note", "amount"));

    assertThat(withoutValues).isFalse();
    assertThat(plansOf(context, List.of("note", "amount"))).hasSizeGreaterThan(1);
    assertThat(context.plansWithoutValues(List.of("note", "name"))).isTrue();
  }

  @Test
  @DisplayName("a field cleared rather than deleted makes the plan depend on whether it is set")
  void needsValuesWhenAFieldIsClearedOnlyIfSet() {
    ErasureContext context = context(ErasureScope.everything(), null, NEWSLETTER);

    boolean withoutValues = context.plansWithoutValues(List.of("page"));

    assertThat(withoutValues).isFalse();
    assertThat(plansOf(context, List.of("page"))).hasSize(2);
  }

  @Test
  @DisplayName("fields outside the erased categories do not count")
  void ignoresFieldsOutsideTheScope() {
    ErasureContext context = context(ErasureScope.categories(DataCategory.BEHAVIOURAL), null, NEWSLETTER, TAX);
    List<String> fields = List.of("note", "page", "amount");

    boolean withoutValues = context.plansWithoutValues(fields);

    assertThat(withoutValues).isTrue();
    assertThat(plansOf(context, fields)).containsExactly(new RecordPlan("r-1", true, List.of()));
  }

  @Test
  @DisplayName("records kept by the scope, a purpose's scope or the release of held data need the values")
  void needsValuesForAnonymisingPurposeAndReleaseScopes() {
    List<String> fields = List.of("note", "name");

    assertThat(context(ErasureScope.everything().anonymising(), null, NEWSLETTER).plansWithoutValues(fields))
        .isFalse();
    assertThat(context(ErasureScope.consentWithdrawn("newsletter"), null, NEWSLETTER).plansWithoutValues(fields))
        .isFalse();
    assertThat(context(ErasureScope.everything(), Instant.parse("2026-01-01T00:00:00Z"), NEWSLETTER)
        .plansWithoutValues(fields)).isFalse();
    assertThat(plansOf(context(ErasureScope.everything().anonymising(), null, NEWSLETTER), fields))
        .hasSizeGreaterThan(1);
  }

  @Test
  @DisplayName("a host's own context says no by default, which is always correct")
  void defaultsToNeedingValues() {
    ErasureContext host = new ErasureContext() {
      @Override
      public SubjectId subject() {
        return alice;
      }

      @Override
      public RecordPlan plan(String record, Map<String, @Nullable Object> values, @Nullable Instant recordDate) {
        return new RecordPlan(record, true, List.of());
      }

      @Override
      public void applied(RecordPlan plan) {}
    };
    Collection<String> fields = List.of("note");

    boolean withoutValues = host.plansWithoutValues(fields);

    assertThat(withoutValues).isFalse();
  }
}

package io.gdprkit.jpa.erasure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprStoreException;
import io.gdprkit.erasure.ErasureExemption;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.InformedController;
import io.gdprkit.erasure.ProviderReport;
import io.gdprkit.erasure.Publication;
import io.gdprkit.erasure.RetainedField;
import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Sensitivity;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErasureJsonTests {

  private static final Instant AT = Instant.parse("2026-03-02T09:00:00.123456789Z");
  private static final SubjectId ACME_ALICE = SubjectId.of(TenantId.of("acme"), "alice");
  private static final DataCategory OWN = DataCategory.of("loyalty-points", "Punkte für Treue — «Bonus»",
      Sensitivity.NORMAL);

  @Test
  @DisplayName("a job reads back equal with every step, provider, child, controller told and release (Art. 17(2), 17(3))")
  void roundTripsAJob() {
    Map<String, ProviderReport> done = new LinkedHashMap<>();
    done.put("shop", new ProviderReport("shop", 0, 7, List.of(), true));
    done.put("crm", provider());
    ErasureJob job = new ErasureJob(new UUID(1, 2), ACME_ALICE, ErasureScope.categories(DataCategory.FINANCIAL, OWN)
        .anonymising(), 2, new UUID(3, 4), AT, EnumSet.of(ErasureJob.Step.PREPARED, ErasureJob.Step.ERASED_PUBLISHED),
        List.of(new UUID(5, 6), new UUID(7, 8)), 3, done, 11, 4, List.of(new UUID(7, 8)), 2, "billing", 9,
        new ErasureJob.Lease("node-ä#1", AT.plusSeconds(60)), List.of(informed(1), informed(2)),
        new ErasureJob.Release(new UUID(9, 9), AT.minusSeconds(3600)));

    ErasureJob read = ErasureJson.job(job.id(), job.subject(), job.parent(), job.createdAt(), job.version(),
        job.lease(), ErasureJson.job(job));

    assertThat(read).isEqualTo(job);
    assertThat(read.done().keySet()).as("providers in the order they finished").containsExactly("shop", "crm");
  }

  @Test
  @DisplayName("a new job with nothing recorded reads back equal")
  void roundTripsANewJob() {
    ErasureJob job = ErasureJob.start(UUID.randomUUID(), SubjectId.of("bob"), ErasureScope.consentWithdrawn("news"),
        0, null, AT);

    assertThat(ErasureJson.job(job.id(), job.subject(), null, AT, 0, null, ErasureJson.job(job))).isEqualTo(job);
  }

  @Test
  @DisplayName("a report reads back equal with its retained fields, exemptions and cascaded reports nested")
  void roundTripsAReport() {
    ErasureReport grandchild = new ErasureReport(new UUID(0, 3), "k1:grandchild", ErasureScope.everything(), AT,
        List.of(), 0, 0, 0, List.of());
    ErasureReport child = new ErasureReport(new UUID(0, 2), "k1:child", ErasureScope.purposeEnded("crm"), AT,
        List.of(new ProviderReport("crm", 1, 0, List.of(), false)), 1, 0, 0, List.of(grandchild));
    ErasureReport report = new ErasureReport(new UUID(0, 1), "k1:Zm9v-YmFy_", ErasureScope.everything(), AT,
        List.of(provider(), new ProviderReport("shop", 0, 7, List.of(), false)), 5, 2, 1, List.of(child),
        List.of(informed(3)), new UUID(0, 8));

    assertThat(ErasureJson.report(ErasureJson.report(report))).isEqualTo(report);
  }

  @Test
  @DisplayName("a scope reads back equal, a category the host declared included")
  void roundTripsAScope() {
    for (ErasureScope scope : List.of(ErasureScope.everything(), ErasureScope.consentWithdrawn("newsletter")
        .anonymising(), ErasureScope.categories(OWN, DataCategory.HEALTH))) {
      assertThat(ErasureJson.scope(ErasureJson.scope(scope))).isEqualTo(scope);
    }
  }

  @Test
  @DisplayName("a record of data made public reads back equal (Art. 17(2))")
  void roundTripsAPublication() {
    Publication publication = new Publication(new UUID(4, 4), ACME_ALICE, "member-directory",
        Set.of(DataCategory.CONTACT_DETAILS, OWN), "https://example.org/members?q=\"x\"", Set.of("partner", "finder"),
        AT, Actor.system("cms"));

    Publication read = ErasureJson.publication(publication.id(), ACME_ALICE, ErasureJson.publication(publication));

    assertThat(read).isEqualTo(publication);
    assertThat(read.controllers()).containsExactly("finder", "partner");
  }

  @Test
  @DisplayName("a stored job that is not valid JSON or lacks a field fails as a store error naming no value")
  void failsOnCorruptJson() {
    assertThatThrownBy(() -> ErasureJson.report("{\"job\":"))
        .isInstanceOf(GdprStoreException.class).hasMessageContaining("erasure report");
    assertThatThrownBy(() -> ErasureJson.scope("{\"kind\":\"EVERYTHING\",\"categories\":[]}"))
        .isInstanceOf(GdprStoreException.class).cause().hasMessageContaining("keepRecords");
    assertThatThrownBy(() -> ErasureJson.scope("{\"kind\":\"NOTHING\",\"categories\":[],\"keepRecords\":true}"))
        .isInstanceOf(GdprStoreException.class).cause().hasMessageContaining("kind").hasMessageNotContaining("NOTHING");
  }

  private static ProviderReport provider() {
    return new ProviderReport("crm", 4, 2, List.of(
        new RetainedField("invoice.total", "tax law (AO §147)", Instant.parse("2036-12-31T00:00:00Z"), 3),
        new RetainedField("invoice.iban", "Art. 17(3)(b): purpose 'tax-records' on Art. 6(1)(c)",
            Instant.parse("2035-06-30T00:00:00Z"), 2, new ErasureExemption("tax-records", LegalBasis.LEGAL_OBLIGATION,
                ErasureExemption.Ground.LEGAL_OBLIGATION_OR_PUBLIC_TASK)),
        new RetainedField("contract.terms", "legal basis CONTRACT of purpose 'billing'", null, 1)),
        false, Instant.parse("2034-01-01T00:00:00Z"));
  }

  private static InformedController informed(int n) {
    return new InformedController("partner-" + n, new UUID(100, n), "member-directory", "public member directory",
        Set.of(DataCategory.CONTACT_DETAILS, OWN), AT.plusSeconds(n));
  }
}

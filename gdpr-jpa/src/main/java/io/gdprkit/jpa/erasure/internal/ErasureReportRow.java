package io.gdprkit.jpa.erasure.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.jpa.internal.Json;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_erasure_report}: the report of a completed job, kept as proof, numbered in completion order
 * so that a tenant's reports page in that order.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprErasureReport")
@Table(name = "gdpr_erasure_report")
public class ErasureReportRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  private @Nullable Long seq;

  @Column(name = "job", length = 36, nullable = false)
  private @Nullable String job;

  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Column(name = "payload", length = Json.MAX_LENGTH, nullable = false)
  private @Nullable String payload;

  /** For JPA. */
  protected ErasureReportRow() {}

  /** Returns a row keeping the report of a job of {@code tenant}. */
  public static ErasureReportRow of(TenantId tenant, ErasureReport report) {
    ErasureReportRow row = new ErasureReportRow();
    row.job = report.job().toString();
    row.tenant = tenant.value();
    row.payload = ErasureJson.report(report);
    return row;
  }

  /** Returns the report this row keeps. */
  public ErasureReport toReport() {
    return ErasureJson.report(payload);
  }
}

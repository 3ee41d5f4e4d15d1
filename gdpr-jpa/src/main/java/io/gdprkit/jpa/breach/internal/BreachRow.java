package io.gdprkit.jpa.breach.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.breach.Breach;
import io.gdprkit.breach.BreachId;
import io.gdprkit.jpa.internal.Json;
import io.gdprkit.jpa.internal.SortKeys;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_breach}: the latest version of a breach of a tenant's register, the breach as JSON, and for
 * each obligation queue the breach's deadline while it is in that queue, null otherwise: awaiting the authority's
 * notification (Art. 33(1)), awaiting the subjects' communication (Art. 34), and not yet assessed.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprBreach")
@Table(name = "gdpr_breach")
@IdClass(BreachRow.Key.class)
public class BreachRow {

  /** The table. */
  public static final String TABLE = "gdpr_breach";

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Column(name = "id", length = 64, nullable = false)
  private @Nullable String id;

  @Column(name = "version", nullable = false)
  private int version;

  @Column(name = "authority_due_at")
  private @Nullable Instant authorityDueAt;

  @Column(name = "subjects_due_at")
  private @Nullable Instant subjectsDueAt;

  @Column(name = "unassessed_due_at")
  private @Nullable Instant unassessedDueAt;

  @Column(name = "payload", length = Json.MAX_LENGTH, nullable = false)
  private @Nullable String payload;

  /** For JPA. */
  protected BreachRow() {}

  /** Returns the columns of a row holding {@code breach} in the register of {@code tenant}. */
  public static Map<String, @Nullable Object> columns(TenantId tenant, Breach breach) {
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    row.put("tenant", tenant.value());
    row.put("id", breach.id().value());
    row.put("version", breach.version());
    row.put("authority_due_at", authorityDueAt(breach));
    row.put("subjects_due_at", subjectsDueAt(breach));
    row.put("unassessed_due_at", unassessedDueAt(breach));
    row.put("payload", BreachJson.write(breach));
    return row;
  }

  /** Returns the deadline while the authority's notification is pending, else {@code null}. */
  public static @Nullable Instant authorityDueAt(Breach breach) {
    return breach.authorityStatus() == Breach.AuthorityStatus.PENDING ? SortKeys.time(breach.deadline()) : null;
  }

  /** Returns the deadline while the subjects are due to be told, else {@code null}. */
  public static @Nullable Instant subjectsDueAt(Breach breach) {
    return breach.subjectStatus() == Breach.SubjectStatus.DUE ? SortKeys.time(breach.deadline()) : null;
  }

  /** Returns the deadline while the breach has no risk assessment, else {@code null}. */
  public static @Nullable Instant unassessedDueAt(Breach breach) {
    return breach.assessments().isEmpty() ? SortKeys.time(breach.deadline()) : null;
  }

  /** Returns the stored version. */
  public int version() {
    return version;
  }

  /** Returns the breach this row holds. */
  public Breach toBreach() {
    return BreachJson.read(BreachId.of(id), version, payload);
  }

  /** The composite primary key (tenant, id). */
  public record Key(@Nullable String tenant, @Nullable String id) implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null);
    }
  }
}

package io.gdprkit.jpa.source.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.source.Origin;
import io.gdprkit.source.SourceTag;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_source_tag}: where a subject's data came from (Art. 14(2)(f)), in append order.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprSourceTag")
@Table(name = "gdpr_source_tag")
public class SourceTagRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private @Nullable Long id;

  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Column(name = "subject", length = 128, nullable = false)
  private @Nullable String subject;

  @Enumerated(EnumType.STRING)
  @Column(name = "origin_type", length = 16, nullable = false)
  private Origin.@Nullable Type originType;

  @Column(name = "origin_reference", length = 200, nullable = false)
  private @Nullable String originReference;

  @Column(name = "tagged_at", nullable = false)
  private @Nullable Instant taggedAt;

  /** For JPA. */
  protected SourceTagRow() {}

  /** Returns a row holding {@code tag}. */
  public static SourceTagRow of(SourceTag tag) {
    SourceTagRow row = new SourceTagRow();
    row.tenant = tag.subject().tenant().value();
    row.subject = tag.subject().value();
    row.originType = tag.origin().type();
    row.originReference = tag.origin().reference();
    row.taggedAt = tag.taggedAt();
    return row;
  }

  /** Returns the tag this row holds. */
  public SourceTag toTag() {
    return new SourceTag(new SubjectId(TenantId.of(tenant), subject), new Origin(originType, originReference),
        taggedAt);
  }
}

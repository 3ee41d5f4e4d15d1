package io.gdprkit.jpa.erasure.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.erasure.Publication;
import io.gdprkit.jpa.internal.Json;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_erasure_publication}: a record that a subject's data was made public (Art. 17(2)), found by
 * its subject in the order first saved, the record itself as JSON.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprErasurePublication")
@Table(name = "gdpr_erasure_publication")
public class PublicationRow {

  /** The table. */
  public static final String TABLE = "gdpr_erasure_publication";

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private @Nullable String id;

  /** Filled by the database (an identity column) when the record is first saved. */
  @Column(name = "seq", nullable = false, insertable = false, updatable = false)
  private long seq;

  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Column(name = "subject", length = 128, nullable = false)
  private @Nullable String subject;

  @Column(name = "payload", length = Json.MAX_LENGTH, nullable = false)
  private @Nullable String payload;

  /** For JPA. */
  protected PublicationRow() {}

  /** Returns the columns of a row holding {@code publication}, its number left to the database. */
  public static Map<String, @Nullable Object> columns(Publication publication) {
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    row.put("id", publication.id().toString());
    row.put("tenant", publication.subject().tenant().value());
    row.put("subject", publication.subject().value());
    row.put("payload", ErasureJson.publication(publication));
    return row;
  }

  /** Returns the record this row holds. */
  public Publication toPublication() {
    return ErasureJson.publication(UUID.fromString(id), new SubjectId(TenantId.of(tenant), subject), payload);
  }
}

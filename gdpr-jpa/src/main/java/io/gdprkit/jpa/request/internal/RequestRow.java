package io.gdprkit.jpa.request.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.jpa.internal.Json;
import io.gdprkit.jpa.internal.SortKeys;
import io.gdprkit.request.RequestId;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_request}: the latest version of a subject request, with its version and the keys its queries
 * sort by in columns (the time of receipt; the deadline in force while the request is open, null once it is closed)
 * and the rest of the request, its claim included, as JSON.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprRequest")
@Table(name = "gdpr_request")
public class RequestRow {

  /** The table. */
  public static final String TABLE = "gdpr_request";

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private @Nullable String id;

  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Column(name = "subject", length = 128, nullable = false)
  private @Nullable String subject;

  @Column(name = "version", nullable = false)
  private int version;

  @Column(name = "received_at", nullable = false)
  private @Nullable Instant receivedAt;

  @Column(name = "open_due_at")
  private @Nullable Instant openDueAt;

  @Column(name = "payload", length = Json.MAX_LENGTH, nullable = false)
  private @Nullable String payload;

  /** For JPA. */
  protected RequestRow() {}

  /** Returns the columns of a row holding {@code request}. */
  public static Map<String, @Nullable Object> columns(SubjectRequest request) {
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    row.put("id", request.id().toString());
    row.put("tenant", request.subject().tenant().value());
    row.put("subject", request.subject().value());
    row.put("version", request.version());
    row.put("received_at", SortKeys.time(request.receivedAt()));
    row.put("open_due_at", openDueAt(request));
    row.put("payload", RequestJson.write(request));
    return row;
  }

  /** Returns the deadline in force of an open request, as its column holds it, or {@code null} once it is closed. */
  public static @Nullable Instant openDueAt(SubjectRequest request) {
    return request.state().isOpen() ? SortKeys.time(request.deadline()) : null;
  }

  /** Returns the stored version. */
  public int version() {
    return version;
  }

  /** Returns the request this row holds. */
  public SubjectRequest toRequest() {
    return RequestJson.read(new RequestId(UUID.fromString(id)), new SubjectId(TenantId.of(tenant), subject), version,
        payload);
  }
}

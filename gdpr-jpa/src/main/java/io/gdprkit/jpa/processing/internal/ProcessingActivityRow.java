package io.gdprkit.jpa.processing.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.jpa.internal.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_processing_activity}: a processing activity of the controller (Art. 30(1)) or of a processor
 * (Art. 30(2)), by kind, as JSON, in its tenant's register.
 *
 * <p>{@code version} counts the saves of the id; a row of version 0 is a placeholder its own transaction just
 * inserted to lock, which no committed row has, so a save knows whether it replaced an activity.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprProcessingActivity")
@Table(name = "gdpr_processing_activity")
@IdClass(ProcessingActivityRow.Key.class)
public class ProcessingActivityRow {

  /** What a row holds. */
  public enum Kind {
    /** A processing activity of the controller, Art. 30(1). */
    CONTROLLER,
    /** A processing activity carried out as a processor, Art. 30(2). */
    PROCESSOR
  }

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 16, nullable = false)
  private @Nullable Kind kind;

  @Id
  @Column(name = "id", length = 64, nullable = false)
  private @Nullable String id;

  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "body", length = JsonText.MAX_LENGTH, nullable = false)
  private @Nullable String body;

  /** For JPA. */
  protected ProcessingActivityRow() {}

  /** Returns the activity's id. */
  public String id() {
    return id == null ? "" : id;
  }

  /** Returns how many times the id was saved; 0 for a placeholder. */
  public long version() {
    return version;
  }

  /** Returns the activity as JSON. */
  public String body() {
    return body == null ? "" : body;
  }

  /** The composite primary key (tenant, kind, id). */
  public record Key(@Nullable String tenant, @Nullable Kind kind, @Nullable String id) implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null, null);
    }
  }
}

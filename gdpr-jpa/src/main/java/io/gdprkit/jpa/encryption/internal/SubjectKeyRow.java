package io.gdprkit.jpa.encryption.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.encryption.spi.DestroyedKey;
import io.gdprkit.encryption.spi.SubjectKeyState;
import io.gdprkit.encryption.spi.WrappedKey;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_subject_key}: a subject's wrapped data key, or, once destroyed, only the marker of its
 * version and when it was destroyed (the wrapped bytes and key-encryption key id are set to null).
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprSubjectKey")
@Table(name = "gdpr_subject_key")
@IdClass(SubjectKeyRow.Key.class)
public class SubjectKeyRow {

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Column(name = "subject", length = 128, nullable = false)
  private @Nullable String subject;

  @Column(name = "version", nullable = false)
  private int version;

  @Column(name = "kek_id", length = 64)
  private @Nullable String kekId;

  @Column(name = "wrapped", length = 1024)
  private byte @Nullable [] wrapped;

  @Column(name = "created_at", nullable = false)
  private @Nullable Instant created;

  @Column(name = "destroyed_at")
  private @Nullable Instant destroyed;

  /** For JPA. */
  protected SubjectKeyRow() {}

  /** Returns the state this row holds: the live key, or the destroyed marker. */
  public SubjectKeyState toState() {
    SubjectId id = new SubjectId(TenantId.of(tenant), subject);
    if (destroyed != null) {
      return new DestroyedKey(id, version, destroyed);
    }
    return new WrappedKey(id, version, kekId, wrapped, created);
  }

  /** The composite primary key (tenant, subject). */
  public record Key(@Nullable String tenant, @Nullable String subject) implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null);
    }
  }
}

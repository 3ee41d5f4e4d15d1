package io.gdprkit.jpa.consent.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The columns every row of a subject's switch, restriction or objection history has: its place in that history, who
 * made the change and when. The primary key (tenant, subject, sequence) refuses a second change at the same place.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@MappedSuperclass
@IdClass(ChangeRow.Key.class)
public abstract class ChangeRow {

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Column(name = "subject", length = 128, nullable = false)
  private @Nullable String subject;

  @Id
  @Column(name = "sequence_number", nullable = false)
  private @Nullable Long sequence;

  @Enumerated(EnumType.STRING)
  @Column(name = "changed_by", length = 16, nullable = false)
  private Actor.@Nullable Type changedBy;

  @Column(name = "changed_by_id", length = 128)
  private @Nullable String changedById;

  @Column(name = "changed_at", nullable = false)
  private @Nullable Instant changedAt;

  /** For JPA and subclasses. */
  protected ChangeRow() {}

  /** Sets the columns every change has. */
  protected final void change(SubjectId subject, long sequence, Actor changedBy, Instant changedAt) {
    this.tenant = subject.tenant().value();
    this.subject = subject.value();
    this.sequence = sequence;
    this.changedBy = changedBy.type();
    this.changedById = changedBy.id();
    this.changedAt = changedAt;
  }

  /** Returns whose history the row is part of. */
  protected final SubjectId subject() {
    return new SubjectId(TenantId.of(tenant), subject);
  }

  /** Returns the change's place in its history. */
  protected final long sequence() {
    return sequence == null ? 0 : sequence;
  }

  /** Returns who made the change. */
  protected final Actor changedBy() {
    return new Actor(changedBy, changedById);
  }

  /** Returns when the change was made. */
  protected final @Nullable Instant changedAt() {
    return changedAt;
  }

  /** The composite primary key (tenant, subject, sequence). */
  public record Key(@Nullable String tenant, @Nullable String subject, @Nullable Long sequence)
      implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null, null);
    }
  }
}

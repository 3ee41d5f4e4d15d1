package io.gdprkit.jpa.consent.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.jpa.internal.JsonText;
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
 * One row of {@code gdpr_consent_snapshot}: what a decision needs of one subject (its current consents, switches,
 * restriction and objections, as JSON), found by primary key in one indexed lookup, and the last place of each of the
 * subject's histories, which the next write must take.
 *
 * <p>Every write to a subject locks this row first and changes it in the same transaction as the history row it
 * appends, so the snapshot is always the fold of the histories. {@code next_expiry}, the earliest expiry of a granted
 * consent, is indexed for the expiry sweep; {@code changed_at}, the database's time of the row's last write, is
 * indexed for the change feed of the decision caches ({@code CachingConsentStore}). A row of version 0 is a placeholder
 * its own transaction just inserted to lock; no committed row has it.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprConsentSnapshot")
@Table(name = "gdpr_consent_snapshot")
@IdClass(ConsentSnapshotRow.Key.class)
public class ConsentSnapshotRow {

  /** The JSON of the empty snapshot, which placeholders hold. */
  public static final String EMPTY_BODY = "{}";

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Column(name = "subject", length = 128, nullable = false)
  private @Nullable String subject;

  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "events", nullable = false)
  private long events;

  @Column(name = "switches", nullable = false)
  private long switches;

  @Column(name = "restrictions", nullable = false)
  private long restrictions;

  @Column(name = "objections", nullable = false)
  private long objections;

  @Column(name = "presentations", nullable = false)
  private long presentations;

  @Column(name = "next_expiry")
  private @Nullable Instant nextExpiry;

  @Column(name = "changed_at")
  private @Nullable Instant changedAt;

  @Column(name = "body", length = JsonText.MAX_LENGTH, nullable = false)
  private @Nullable String body;

  /** For JPA. */
  protected ConsentSnapshotRow() {}

  /** Returns how many writes the subject had since its row was created; 0 for a placeholder. */
  public long version() {
    return version;
  }

  /** Returns the position of the subject's last consent event, 0 for none. */
  public long events() {
    return events;
  }

  /** Returns the sequence of the subject's last switch change, 0 for none. */
  public long switches() {
    return switches;
  }

  /** Returns the sequence of the subject's last restriction change, 0 for none. */
  public long restrictions() {
    return restrictions;
  }

  /** Returns the sequence of the subject's last objection change, 0 for none. */
  public long objections() {
    return objections;
  }

  /** Returns the place of the subject's last presentation of the right to object (Art. 21(4)), 0 for none. */
  public long presentations() {
    return presentations;
  }

  /** Returns the snapshot as JSON. */
  public String body() {
    return body == null ? EMPTY_BODY : body;
  }

  /** The composite primary key (tenant, subject). */
  public record Key(@Nullable String tenant, @Nullable String subject) implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null);
    }
  }
}

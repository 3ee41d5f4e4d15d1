package io.gdprkit.benchmarks.host;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import io.gdprkit.jpa.annotation.RecordDate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sales rep's note about a contact in the erasure benchmark's host model; erasure deletes it. */
@Entity
@Table(name = "bench_note", indexes = @Index(name = "bench_note_contact", columnList = "contact_id, id"))
public class BenchNote {

  @Id
  @Column(name = "id")
  private Long id;

  @DataSubject
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "contact_id", nullable = false)
  private BenchContact contact;

  @PersonalData(category = "behavioural", strategy = Strategy.DELETE_RECORD)
  @Column(name = "note_text", length = 2000)
  private String text;

  @RecordDate
  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  protected BenchNote() {}

  public Long getId() {
    return id;
  }
}

package io.gdprkit.jpa.provider.host;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import io.gdprkit.jpa.annotation.RecordDate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sales rep's note about a contact; erasure deletes it. Linked to its subject by an attribute. */
@Entity
@Table(name = "host_note")
public class ContactNote {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @DataSubject
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "contact_id", nullable = false)
  private Contact contact;

  @PersonalData(category = "behavioural", strategy = Strategy.DELETE_RECORD)
  @Column(name = "note_text", length = 2000)
  private String text;

  @RecordDate
  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  protected ContactNote() {}

  public ContactNote(Contact contact, String text, Instant writtenAt) {
    this.contact = contact;
    this.text = text;
    this.writtenAt = writtenAt;
  }

  public Long getId() {
    return id;
  }
}

package io.gdprkit.jpa.interceptor;

import io.gdprkit.jpa.audit.annotation.AuditedPersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A note on a contact: personal data whose subject is reached through a lazy relation. */
@Entity(name = "ContactNote")
@Table(name = "it_contact_note")
@AuditedPersonalData(subject = "contact.id")
public class ContactNote {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "contact_id", nullable = false)
  private Contact contact;

  @Column(name = "text", length = 2000, nullable = false)
  private String text;

  protected ContactNote() {}

  public ContactNote(Contact contact, String text) {
    this.contact = contact;
    this.text = text;
  }

  public Long getId() {
    return id;
  }

  public Contact getContact() {
    return contact;
  }

  public String getText() {
    return text;
  }
}

package io.gdprkit.jpa.interceptor;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A note on a contact: personal data whose subject is reached through a lazy relation, linked on the attribute. */
@Entity(name = "ContactNote")
@Table(name = "it_contact_note")
public class ContactNote {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @DataSubject
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "contact_id", nullable = false)
  private Contact contact;

  @PersonalData(category = "behavioural", strategy = Strategy.DELETE_RECORD)
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

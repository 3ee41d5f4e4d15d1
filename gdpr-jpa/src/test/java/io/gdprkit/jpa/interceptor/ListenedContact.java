package io.gdprkit.jpa.interceptor;

import io.gdprkit.jpa.audit.annotation.AuditedPersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A contact that names the kit's listener itself, in a persistence unit without the kit's mapping file. */
@Entity(name = "ListenedContact")
@Table(name = "it_listened_contact")
@EntityListeners(GdprEntityListener.class)
@AuditedPersonalData(subject = "id")
public class ListenedContact {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  protected ListenedContact() {}

  public ListenedContact(String id) {
    this.id = id;
  }
}

package io.gdprkit.jpa.interceptor;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A contact that names the kit's listener itself, in a persistence unit without the kit's mapping file. */
@Entity(name = "ListenedContact")
@Table(name = "it_listened_contact")
@EntityListeners(GdprEntityListener.class)
@DataSubject("id")
public class ListenedContact {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @PersonalData(category = "contact-details", strategy = Strategy.NULL)
  @Column(name = "name", length = 200)
  private String name;

  protected ListenedContact() {}

  public ListenedContact(String id) {
    this.id = id;
  }
}

package io.gdprkit.jpa.interceptor;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A host's contact: personal data whose subject is the contact itself. */
@Entity(name = "Contact")
@Table(name = "it_contact")
@DataSubject("id")
public class Contact {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @PersonalData(category = "contact-details", strategy = Strategy.REPLACE, replacement = "erased")
  @Column(name = "name", length = 200, nullable = false)
  private String name;

  @PersonalData(category = "contact-details", strategy = Strategy.NULL)
  @Column(name = "email", length = 200)
  private String email;

  @Column(name = "newsletter", nullable = false)
  private boolean newsletter;

  protected Contact() {}

  public Contact(String id, String name, String email) {
    this.id = id;
    this.name = name;
    this.email = email;
    this.newsletter = true;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isNewsletter() {
    return newsletter;
  }
}

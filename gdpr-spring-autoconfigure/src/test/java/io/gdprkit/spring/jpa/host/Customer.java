package io.gdprkit.spring.jpa.host;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import io.gdprkit.jpa.annotation.Encrypted;
import io.gdprkit.jpa.provider.EncryptedStringConverter;
import io.gdprkit.jpa.provider.EncryptionListener;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A host's customer, the data subject, found by the kit through its annotations; the e-mail address encrypted. */
@Entity
@Table(name = "host_customer")
@DataSubject("id")
@EntityListeners(EncryptionListener.class)
public class Customer {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @PersonalData(category = "contact-details", strategy = Strategy.REPLACE, replacement = "erased",
      providedBySubject = true)
  @Column(name = "name", length = 200, nullable = false)
  private String name;

  @PersonalData(category = "contact-details", strategy = Strategy.NULL, providedBySubject = true)
  @Encrypted
  @Convert(converter = EncryptedStringConverter.class)
  @Column(name = "email", length = 1000)
  private String email;

  protected Customer() {}

  public Customer(String id, String name, String email) {
    this.id = id;
    this.name = name;
    this.email = email;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String email() {
    return email;
  }
}

package io.gdprkit.spring.jpa.host;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A host's customer, the data subject, found by the kit through its annotations. */
@Entity
@Table(name = "host_customer")
@DataSubject("id")
public class Customer {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @PersonalData(category = "contact-details", strategy = Strategy.REPLACE, replacement = "erased",
      providedBySubject = true)
  @Column(name = "name", length = 200, nullable = false)
  private String name;

  @PersonalData(category = "contact-details", strategy = Strategy.NULL, providedBySubject = true)
  @Column(name = "email", length = 200)
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

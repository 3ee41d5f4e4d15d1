package io.gdprkit.jpa.arch.bad;

import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A host entity, outside every test's persistence unit, that breaks each of gdpr-test's rules with gdpr-jpa's real
 * annotations: a phone without an erasure strategy, no subject link, and an e-mail printed to the console.
 */
@Entity
public class CarelessContact {

  @Id
  private String id;

  @PersonalData(category = "contact-details")
  private String phone;

  @PersonalData(category = "contact-details", strategy = Strategy.NULL)
  private String email;

  public String getEmail() {
    return email;
  }

  public void debug() {
    System.out.println("contact " + getEmail());
  }
}

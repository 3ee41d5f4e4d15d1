package io.gdprkit.test.arch.sample.good;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A subject's own record: every personal attribute is erasable, one kept for a legal retention. */
@Entity
@DataSubject("id")
public class Customer {

  @Id
  private String id;

  @PersonalData(category = "contact-details", strategy = Strategy.NULL)
  private String email;

  @PersonalData(category = "financial", retention = "P10Y", obligation = "AO §147")
  private String iban;

  private boolean newsletter;

  public String getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getIban() {
    return iban;
  }

  public boolean isNewsletter() {
    return newsletter;
  }
}

package io.gdprkit.test.arch.sample.good;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A note linked to its subject on the association, with a getter marked as personal data. */
@Entity
public class CustomerNote {

  @Id
  private Long id;

  @DataSubject
  @ManyToOne
  private Customer customer;

  private String text;

  @PersonalData(category = "behavioural", strategy = Strategy.DELETE_RECORD)
  public String getText() {
    return text;
  }
}

package io.gdprkit.test.arch.sample.good;

import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import jakarta.persistence.MappedSuperclass;

/** Personal data of a mapped superclass: the entities extending it name the subject. */
@MappedSuperclass
public abstract class Person {

  @PersonalData(category = "contact-details", strategy = Strategy.REPLACE)
  protected String name;
}

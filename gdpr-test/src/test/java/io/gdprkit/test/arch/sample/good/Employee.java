package io.gdprkit.test.arch.sample.good;

import io.gdprkit.jpa.annotation.DataSubject;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity whose personal data it inherits; linked to its subject on the class. */
@Entity
@DataSubject("id")
public class Employee extends Person {

  @Id
  private String id;
}

package io.gdprkit.test.arch.sample.bad;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Personal data that erasure would not know what to do with: on a field, and on a getter. */
@Entity
@DataSubject("id")
public class Unstrategic {

  @Id
  private String id;

  @PersonalData(category = "contact-details")
  private String phone;

  private String nickname;

  @PersonalData(category = "contact-details", obligation = "nothing without a retention")
  public String getNickname() {
    return nickname;
  }
}

package io.gdprkit.test.arch.sample.bad;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.logging.Logger;

/** An entity that logs its own personal field. */
@Entity
@DataSubject("id")
public class ChattyContact {

  private static final Logger LOG = Logger.getLogger(ChattyContact.class.getName());

  @Id
  private String id;

  @PersonalData(category = "contact-details", strategy = Strategy.NULL)
  private String email;

  public void changed() {
    LOG.info("changed: " + email);
  }
}

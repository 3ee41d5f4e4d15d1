package io.gdprkit.test.arch.sample.bad;

import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Personal data of nobody in particular: no export or erasure would find it. */
@Entity
public class Unlinked {

  @Id
  private Long id;

  @PersonalData(category = "online-identifiers", strategy = Strategy.MASK_IP)
  private String ip;
}

package io.gdprkit.benchmarks.host;

import io.gdprkit.data.ContactPoint;
import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import io.gdprkit.jpa.annotation.RecordDate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A CRM contact of the erasure benchmark's host model, the data subject; erasure deletes it, as the baseline's
 * {@code EntityManager.remove} does, and puts its e-mail address on the suppression list.
 */
@Entity
@Table(name = "bench_contact")
@DataSubject("id")
public class BenchContact {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @PersonalData(category = "contact-details", strategy = Strategy.DELETE_RECORD, providedBySubject = true)
  @Column(name = "name", length = 200)
  private String name;

  @PersonalData(category = "contact-details", strategy = Strategy.DELETE_RECORD, providedBySubject = true,
      contactPoint = ContactPoint.Kind.EMAIL)
  @Column(name = "email", length = 200)
  private String email;

  @RecordDate
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected BenchContact() {}

  public String getId() {
    return id;
  }
}

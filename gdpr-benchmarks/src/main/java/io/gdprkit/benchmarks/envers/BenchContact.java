package io.gdprkit.benchmarks.envers;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;

/**
 * The one model of {@link AuditInterceptorBenchmark}: a host's contact, marked for the kit's interceptor and for
 * Envers at once; each persistence unit of the benchmark switches on the one it measures.
 */
@Entity(name = "BenchContact")
@Table(name = "bench_contact")
@DataSubject("id")
@Audited
public class BenchContact {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @PersonalData(category = "contact-details", strategy = Strategy.REPLACE, replacement = "erased")
  @Column(name = "name", length = 200, nullable = false)
  private String name;

  @PersonalData(category = "contact-details", strategy = Strategy.NULL)
  @Column(name = "email", length = 200)
  private String email;

  /** For JPA. */
  protected BenchContact() {}

  BenchContact(String id, String name, String email) {
    this.id = id;
    this.name = name;
    this.email = email;
  }

  String id() {
    return id;
  }

  void rename(String value) {
    this.name = value;
  }
}

package io.gdprkit.benchmarks.host;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import io.gdprkit.jpa.annotation.RecordDate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** An order of a contact in the erasure benchmark's host model; erasure deletes it. */
@Entity
@Table(name = "bench_order", indexes = @Index(name = "bench_order_contact", columnList = "contact_id, id"))
@DataSubject("contact.id")
public class BenchOrder {

  @Id
  @Column(name = "id")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "contact_id", nullable = false)
  private BenchContact contact;

  @RecordDate
  @Column(name = "placed_at", nullable = false)
  private Instant placedAt;

  @PersonalData(category = "online-identifiers", strategy = Strategy.DELETE_RECORD)
  @Column(name = "customer_ip", length = 45)
  private String customerIp;

  @PersonalData(category = "contact-details", strategy = Strategy.DELETE_RECORD)
  @Column(name = "confirmation_email", length = 120)
  private String confirmationEmail;

  @Column(name = "total", precision = 12, scale = 2, nullable = false)
  private BigDecimal total;

  protected BenchOrder() {}

  public Long getId() {
    return id;
  }
}

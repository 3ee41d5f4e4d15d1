package io.gdprkit.jpa.provider.host;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import io.gdprkit.jpa.annotation.RecordDate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice of an order, kept ten years for commercial and tax law (HGB §257, AO §147). */
@Entity
@Table(name = "host_invoice")
@DataSubject("order.contact.id")
public class Invoice {

  public static final String OBLIGATION = "HGB §257, AO §147";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "order_id", nullable = false)
  private CustomerOrder order;

  @RecordDate
  @Column(name = "issued_on", nullable = false)
  private LocalDate issuedOn;

  @PersonalData(category = "financial", retention = "P10Y", obligation = OBLIGATION)
  @Column(name = "billing_name", length = 200)
  private String billingName;

  @PersonalData(category = "financial", retention = "P10Y", obligation = OBLIGATION)
  @Column(name = "billing_address", length = 500)
  private String billingAddress;

  @PersonalData(category = "contact-details", strategy = Strategy.NULL)
  @Column(name = "payer_email", length = 200)
  private String payerEmail;

  @Column(name = "amount", precision = 12, scale = 2, nullable = false)
  private BigDecimal amount;

  protected Invoice() {}

  public Invoice(CustomerOrder order, LocalDate issuedOn, String billingName, String billingAddress,
      String payerEmail, BigDecimal amount) {
    this.order = order;
    this.issuedOn = issuedOn;
    this.billingName = billingName;
    this.billingAddress = billingAddress;
    this.payerEmail = payerEmail;
    this.amount = amount;
  }

  public Long getId() {
    return id;
  }

  public LocalDate getIssuedOn() {
    return issuedOn;
  }

  public String getBillingName() {
    return billingName;
  }

  public String getBillingAddress() {
    return billingAddress;
  }

  public String getPayerEmail() {
    return payerEmail;
  }

  public BigDecimal getAmount() {
    return amount;
  }
}

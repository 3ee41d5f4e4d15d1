package io.gdprkit.jpa.provider.host;

import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.Encrypted;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import io.gdprkit.jpa.annotation.RecordDate;
import io.gdprkit.jpa.provider.EncryptedStringConverter;
import io.gdprkit.jpa.provider.EncryptionListener;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** An order of a contact; erasure anonymises it and keeps the business figures. */
@Entity
@Table(name = "host_order")
@DataSubject("contact.id")
@EntityListeners(EncryptionListener.class)
public class CustomerOrder {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "contact_id", nullable = false)
  private Contact contact;

  @RecordDate
  @Column(name = "placed_at", nullable = false)
  private Instant placedAt;

  @PersonalData(category = "contact-details", strategy = Strategy.NULL, providedBySubject = true)
  @Encrypted
  @Convert(converter = EncryptedStringConverter.class)
  @Column(name = "shipping_address", length = 1000)
  private String shippingAddress;

  @PersonalData(category = "online-identifiers", strategy = Strategy.MASK_IP)
  @Column(name = "customer_ip", length = 45)
  private String customerIp;

  @PersonalData(category = "financial", strategy = Strategy.KEEP_LAST_FOUR)
  @Column(name = "loyalty_number")
  private Long loyaltyNumber;

  @PersonalData(category = "contact-details", strategy = Strategy.HASH)
  @Column(name = "confirmation_email", length = 120)
  private String confirmationEmail;

  @Column(name = "total", precision = 12, scale = 2, nullable = false)
  private BigDecimal total;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected CustomerOrder() {}

  public CustomerOrder(Contact contact, Instant placedAt, String shippingAddress, String customerIp,
      Long loyaltyNumber, String confirmationEmail, BigDecimal total) {
    this.contact = contact;
    this.placedAt = placedAt;
    this.shippingAddress = shippingAddress;
    this.customerIp = customerIp;
    this.loyaltyNumber = loyaltyNumber;
    this.confirmationEmail = confirmationEmail;
    this.total = total;
  }

  public Long getId() {
    return id;
  }

  public Contact getContact() {
    return contact;
  }

  public String getShippingAddress() {
    return shippingAddress;
  }

  public String getCustomerIp() {
    return customerIp;
  }

  public Long getLoyaltyNumber() {
    return loyaltyNumber;
  }

  public String getConfirmationEmail() {
    return confirmationEmail;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public void setShippingAddress(String shippingAddress) {
    this.shippingAddress = shippingAddress;
  }
}

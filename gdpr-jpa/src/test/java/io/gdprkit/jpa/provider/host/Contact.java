package io.gdprkit.jpa.provider.host;

import io.gdprkit.data.ContactPoint;
import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.Encrypted;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import io.gdprkit.jpa.annotation.RecordDate;
import io.gdprkit.jpa.annotation.SourceTagged;
import io.gdprkit.jpa.annotation.SubjectRelation;
import io.gdprkit.jpa.provider.EncryptedStringConverter;
import io.gdprkit.jpa.provider.EncryptionListener;
import io.gdprkit.source.Origin;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A CRM contact, the data subject; a contact may be the child of another (parent-child). */
@Entity
@Table(name = "host_contact")
@DataSubject("id")
@EntityListeners(EncryptionListener.class)
public class Contact {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @PersonalData(category = "contact-details", strategy = Strategy.REPLACE, replacement = "erased",
      providedBySubject = true)
  @Column(name = "name", length = 200, nullable = false)
  private String name;

  @PersonalData(category = "contact-details", strategy = Strategy.NULL, providedBySubject = true,
      contactPoint = ContactPoint.Kind.EMAIL)
  @Encrypted(blindIndex = "emailIndex")
  @Convert(converter = EncryptedStringConverter.class)
  @Column(name = "email", length = 1000)
  private String email;

  @Column(name = "email_index", length = 100)
  private String emailIndex;

  @PersonalData(category = "contact-details", strategy = Strategy.KEEP_LAST_FOUR, providedBySubject = true)
  @Column(name = "phone", length = 40)
  private String phone;

  @PersonalData(category = "contact-details", strategy = Strategy.KEEP_YEAR, providedBySubject = true)
  @Column(name = "birth_date")
  private LocalDate birthDate;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "company_id")
  private Company company;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  @SubjectRelation("parent-child")
  private Contact parent;

  @SourceTagged(Origin.Type.IMPORT_FILE)
  @Column(name = "imported_from", length = 200)
  private String importedFrom;

  @RecordDate
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Contact() {}

  public Contact(String id, String name, String email, Instant createdAt) {
    this.id = id;
    this.name = name;
    this.email = email;
    this.createdAt = createdAt;
  }

  public Contact phone(String value) {
    this.phone = value;
    return this;
  }

  public Contact birthDate(LocalDate value) {
    this.birthDate = value;
    return this;
  }

  public Contact company(Company value) {
    this.company = value;
    return this;
  }

  public Contact parent(Contact value) {
    this.parent = value;
    return this;
  }

  public Contact importedFrom(String value) {
    this.importedFrom = value;
    return this;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getEmailIndex() {
    return emailIndex;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public Company getCompany() {
    return company;
  }

  public Contact getParent() {
    return parent;
  }
}

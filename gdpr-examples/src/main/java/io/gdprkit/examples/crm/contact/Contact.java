package io.gdprkit.examples.crm.contact;

import io.gdprkit.data.ContactPoint;
import io.gdprkit.jpa.annotation.DataSubject;
import io.gdprkit.jpa.annotation.PersonalData;
import io.gdprkit.jpa.annotation.PersonalData.Strategy;
import io.gdprkit.jpa.annotation.RecordDate;
import io.gdprkit.jpa.annotation.SubjectRelation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A contact of the CRM, the host's own entity. Its annotations tell gdpr-kit which columns hold personal data, of
 * what category, and how each is erased (Art. 17) and exported (Art. 15, 20): the kit reads them once from the JPA
 * metamodel and never needs a hand-written provider.
 */
@Entity
@Table(name = "crm_contact")
@DataSubject("id")
public class Contact {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 16, nullable = false)
  private ContactKind kind;

  @PersonalData(category = "contact-details", strategy = Strategy.REPLACE, replacement = "(erased)",
      providedBySubject = true)
  @Column(name = "name", length = 200, nullable = false)
  private String name;

  @PersonalData(category = "contact-details", strategy = Strategy.NULL, providedBySubject = true,
      contactPoint = ContactPoint.Kind.EMAIL)
  @Column(name = "email", length = 320)
  private @Nullable String email;

  @PersonalData(category = "contact-details", strategy = Strategy.KEEP_LAST_FOUR, providedBySubject = true)
  @Column(name = "phone", length = 40)
  private @Nullable String phone;

  @PersonalData(category = "contact-details", strategy = Strategy.KEEP_YEAR, providedBySubject = true)
  @Column(name = "birth_date")
  private @Nullable LocalDate birthDate;

  /** The person's lead score, computed only while profiling is allowed (Art. 21, 22). */
  @PersonalData(category = "behavioural", strategy = Strategy.NULL)
  @Column(name = "lead_score")
  private @Nullable Integer leadScore;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  @SubjectRelation("parent-child")
  private @Nullable Contact parent;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "user_id")
  @SubjectRelation("user-device")
  private @Nullable Contact user;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "company_id")
  private @Nullable Contact company;

  @RecordDate
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Contact() {}

  public Contact(String id, ContactKind kind, String name, Instant createdAt) {
    this.id = id;
    this.kind = kind;
    this.name = name;
    this.createdAt = createdAt;
  }

  public String getId() {
    return id;
  }

  public ContactKind getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public @Nullable String getEmail() {
    return email;
  }

  public void setEmail(@Nullable String email) {
    this.email = email;
  }

  public @Nullable String getPhone() {
    return phone;
  }

  public void setPhone(@Nullable String phone) {
    this.phone = phone;
  }

  public @Nullable LocalDate getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(@Nullable LocalDate birthDate) {
    this.birthDate = birthDate;
  }

  public @Nullable Integer getLeadScore() {
    return leadScore;
  }

  public void setLeadScore(@Nullable Integer leadScore) {
    this.leadScore = leadScore;
  }

  public @Nullable Contact getParent() {
    return parent;
  }

  public void setParent(@Nullable Contact parent) {
    this.parent = parent;
  }

  public @Nullable Contact getUser() {
    return user;
  }

  public void setUser(@Nullable Contact user) {
    this.user = user;
  }

  public @Nullable Contact getCompany() {
    return company;
  }

  public void setCompany(@Nullable Contact company) {
    this.company = company;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  @Override
  public String toString() {
    return "Contact[" + kind + "]"; // never the name or e-mail: logs must not carry personal data
  }
}

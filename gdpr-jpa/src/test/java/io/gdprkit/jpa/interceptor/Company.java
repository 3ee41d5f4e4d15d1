package io.gdprkit.jpa.interceptor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A host's company: no personal data, so the interceptor lets it pass unaudited. */
@Entity(name = "Company")
@Table(name = "it_company")
public class Company {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @Column(name = "name", length = 200, nullable = false)
  private String name;

  protected Company() {}

  public Company(String id, String name) {
    this.id = id;
    this.name = name;
  }

  public void setName(String name) {
    this.name = name;
  }
}

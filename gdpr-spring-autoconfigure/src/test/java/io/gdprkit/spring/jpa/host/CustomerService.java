package io.gdprkit.spring.jpa.host;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.subject.SubjectId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The host's own service: saves a customer and records the consent given on the sign-up form in one transaction. */
@Service
public class CustomerService {

  @PersistenceContext
  private EntityManager entityManager;

  private final GdprKit gdpr;

  public CustomerService(GdprKit gdpr) {
    this.gdpr = gdpr;
  }

  /** Signs a customer up; {@code failAfter} makes the host's own code fail after the kit wrote, as a bug would. */
  @Transactional
  public void signUp(String id, String name, String email, boolean failAfter) {
    entityManager.persist(new Customer(id, name, email));
    gdpr.consents().grant(SubjectId.of(id), "newsletter", ConsentProof.webForm("signup", "v1").build());
    if (failAfter) {
      throw new IllegalStateException("the host failed after the consent was recorded");
    }
  }

  /** Returns the customer, or null. */
  @Transactional(readOnly = true)
  public Customer find(String id) {
    return entityManager.find(Customer.class, id);
  }
}

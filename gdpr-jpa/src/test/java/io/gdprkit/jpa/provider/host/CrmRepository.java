package io.gdprkit.jpa.provider.host;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The host's own repository over its CRM model: plain {@code EntityManager} code that knows nothing of gdpr-kit, which
 * the persistence interceptor audits and stops.
 */
public final class CrmRepository {

  private final EntityManager em;

  public CrmRepository(EntityManager em) {
    this.em = em;
  }

  public void save(Object entity) {
    em.persist(entity);
  }

  public Contact contact(String id) {
    return em.find(Contact.class, id);
  }

  public List<CustomerOrder> orders(String contactId) {
    return em.createQuery("select o from CustomerOrder o where o.contact.id = :id order by o.id", CustomerOrder.class)
        .setParameter("id", contactId).getResultList();
  }

  public List<Invoice> invoices(String contactId) {
    return em.createQuery("select i from Invoice i join fetch i.order o where o.contact.id = :id order by i.id",
        Invoice.class).setParameter("id", contactId).getResultList();
  }

  public List<ContactNote> notes(String contactId) {
    return em.createQuery("select n from ContactNote n where n.contact.id = :id order by n.id", ContactNote.class)
        .setParameter("id", contactId).getResultList();
  }

  public void changePhone(String contactId, String phone) {
    contact(contactId).setPhone(phone);
  }

  public void changeShippingAddress(String contactId, String address) {
    orders(contactId).forEach(order -> order.setShippingAddress(address));
  }

  public ContactNote addNote(String contactId, String text, Instant at) {
    ContactNote note = new ContactNote(em.getReference(Contact.class, contactId), text, at);
    em.persist(note);
    return note;
  }

  public void removeNotes(String contactId) {
    notes(contactId).forEach(em::remove);
  }
}

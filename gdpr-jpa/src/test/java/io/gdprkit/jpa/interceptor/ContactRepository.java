package io.gdprkit.jpa.interceptor;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** The host's own repository: plain {@code EntityManager} code that knows nothing of gdpr-kit. */
final class ContactRepository {

  private final EntityManager em;

  ContactRepository(EntityManager em) {
    this.em = em;
  }

  void save(Contact contact) {
    em.persist(contact);
  }

  Optional<Contact> find(String id) {
    return Optional.ofNullable(em.find(Contact.class, id));
  }

  void rename(String id, String name) {
    em.find(Contact.class, id).setName(name);
  }

  void delete(String id) {
    em.remove(em.find(Contact.class, id));
  }

  ContactNote addNote(String id, String text) {
    ContactNote note = new ContactNote(em.getReference(Contact.class, id), text);
    em.persist(note);
    return note;
  }

  List<ContactNote> notes(String id) {
    return em.createQuery("select n from ContactNote n where n.contact.id = :id order by n.id", ContactNote.class)
        .setParameter("id", id)
        .getResultList();
  }

  List<Contact> all() {
    return em.createQuery("select c from Contact c order by c.id", Contact.class).getResultList();
  }
}

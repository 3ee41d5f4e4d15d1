package io.gdprkit.examples.crm.contact;

import io.gdprkit.GdprKit;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.decision.Decision;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CRM's contact operations, each asking the kit what the law asks first: the suppression list before a person is
 * stored again (Art. 17: an erased person must not come back through an import), the source of the data with every
 * new contact (Art. 14(2)(f), Art. 30), and {@code decide} before profiling (Art. 21, 22).
 */
@Service
public class ContactService {

  /** The purpose a lead score is computed for; it needs the profiling switch. */
  public static final String LEAD_SCORING = "lead-scoring";

  private final ContactRepository contacts;
  private final GdprKit gdpr;
  private final Clock clock;

  public ContactService(ContactRepository contacts, GdprKit gdpr, Clock clock) {
    this.contacts = contacts;
    this.gdpr = gdpr;
    this.clock = clock;
  }

  /** The subject id the kit knows a contact by. */
  public static SubjectId subject(Contact contact) {
    return SubjectId.of(contact.getId());
  }

  /**
   * Stores a new contact with the source its data came from; refused with the kit's {@code SuppressedContactException}
   * when its e-mail belongs to someone who was erased.
   */
  @Transactional
  public Contact create(ContactForm form, Origin origin) {
    if (form.email() != null && !form.email().isBlank()) {
      gdpr.suppression().check(TenantId.DEFAULT, ContactPoint.email(form.email()));
    }
    Contact contact = new Contact(UUID.randomUUID().toString(), form.kind(), form.name(), clock.instant());
    contact.setEmail(blankToNull(form.email()));
    contact.setPhone(blankToNull(form.phone()));
    contact.setBirthDate(form.birthDate());
    contacts.save(contact);
    gdpr.sources().tag(subject(contact), origin);
    return contact;
  }

  /** Links two contacts; the kit follows parent-child and user-device links when one of them is erased. */
  @Transactional
  public void relate(String fromId, RelationType type, String toId) {
    Contact from = find(fromId);
    Contact to = find(toId);
    switch (type) {
      case WORKS_AT -> from.setCompany(to);
      case PARENT_OF -> to.setParent(from);
      case USES_DEVICE -> to.setUser(from);
    }
  }

  /** Returns a contact or throws {@link NoSuchElementException}. */
  @Transactional(readOnly = true)
  public Contact find(String id) {
    return contacts.findById(id).orElseThrow(() -> new NoSuchElementException("no such contact"));
  }

  @Transactional(readOnly = true)
  public List<Contact> children(Contact parent) {
    return contacts.findByParent(parent);
  }

  @Transactional(readOnly = true)
  public List<Contact> devices(Contact user) {
    return contacts.findByUser(user);
  }

  @Transactional(readOnly = true)
  public List<Contact> all() {
    return contacts.findAllByOrderByCreatedAtDesc();
  }

  /**
   * Computes the lead score only when {@code decide} allows lead scoring: with profiling switched off or objected to,
   * the score is cleared instead, so nothing is kept of a profile the subject refused; while the contact is restricted
   * nothing is computed or changed.
   */
  @Transactional
  public Decision score(String id) {
    Contact contact = find(id);
    Decision decision = gdpr.decide(subject(contact), LEAD_SCORING);
    if (decision.allowed()) {
      contact.setLeadScore(leadScore(contact));
    } else if (decision.reason() != DecisionReason.RESTRICTED) {
      contact.setLeadScore(null);
    } // restricted: the data may only be stored (Art. 18(2)), so it is neither scored nor changed
    return decision;
  }

  private static int leadScore(Contact contact) {
    int score = 10;
    score += contact.getEmail() != null ? 30 : 0;
    score += contact.getPhone() != null ? 20 : 0;
    score += contact.getCompany() != null ? 25 : 0;
    return Math.min(100, score + Math.floorMod(contact.getId().hashCode(), 15));
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

package io.gdprkit.examples.crm.signup;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.AgeAssurance;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.MemberState;
import io.gdprkit.consent.PendingConsent;
import io.gdprkit.examples.crm.CrmGdprConfiguration;
import io.gdprkit.examples.crm.contact.Contact;
import io.gdprkit.examples.crm.contact.ContactForm;
import io.gdprkit.examples.crm.contact.ContactKind;
import io.gdprkit.examples.crm.contact.ContactService;
import io.gdprkit.examples.crm.mail.DemoMailbox;
import io.gdprkit.examples.crm.preferences.PreferenceLinks;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.SubjectId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs a person up: stores the contact with its source (the sign-up form), asks for each ticked kind of e-mail a
 * consent that stays pending until the person confirms it from their inbox (double opt-in), with the notice they were
 * shown, their browser and the Art. 8 age check as proof, and sends the confirmation e-mail.
 */
@Service
public class SignupService {

  /** The form's id and version, recorded with every consent it gives, so the exact wording can be shown later. */
  public static final String FORM = "signup";
  public static final String FORM_VERSION = "v1";

  /** The text beside each box, as the person saw it; it is kept with the consent (Art. 7(1): show what was asked). */
  public static final Map<String, String> NOTICES = Map.of(
      CrmGdprConfiguration.NEWSLETTER, "Send me the monthly newsletter by e-mail.",
      CrmGdprConfiguration.OFFERS, "Send me special offers by e-mail.",
      CrmGdprConfiguration.INVITATIONS, "Invite me to events and webinars by e-mail.");

  private final GdprKit gdpr;
  private final ContactService contacts;
  private final DemoMailbox mailbox;
  private final PreferenceLinks links;

  public SignupService(GdprKit gdpr, ContactService contacts, DemoMailbox mailbox, PreferenceLinks links) {
    this.gdpr = gdpr;
    this.contacts = contacts;
    this.mailbox = mailbox;
    this.links = links;
  }

  /** What a sign-up gave: the new contact and the pending consents by purpose. */
  public record Signup(Contact contact, Map<String, PendingConsent> pending) {}

  /**
   * Signs up; throws the kit's {@code ParentalAuthorisationRequiredException} for a person below the age of digital
   * consent of their member state, and {@code SuppressedContactException} for an erased person, leaving nothing stored.
   */
  @Transactional
  public Signup signUp(SignupForm form, String baseUrl, String ip, String userAgent) {
    Contact contact = contacts.create(new ContactForm(ContactKind.PERSON, form.name(), form.email(), null,
        form.birthDate()), Origin.form(FORM));
    SubjectId subject = ContactService.subject(contact);
    Map<String, PendingConsent> pending = new LinkedHashMap<>();
    for (String purpose : ticked(form)) {
      ConsentProof proof = ConsentProof.webForm(FORM, FORM_VERSION)
          .noticeText(NOTICES.get(purpose))
          .ip(ip)
          .userAgent(userAgent)
          .age(AgeAssurance.declaredBirthDate(form.birthDate()), MemberState.of(form.country()))
          .build();
      pending.put(purpose, gdpr.consents().requestConfirmation(subject, purpose, proof));
    }
    if (!pending.isEmpty()) {
      List<String> topics = List.copyOf(pending.keySet());
      mailbox.send(form.email(), "Please confirm your subscription",
          confirmationMail(baseUrl, pending) + links.footer(baseUrl, subject, topics), links.headers(subject, topics));
    }
    return new Signup(contact, pending);
  }

  private static String confirmationMail(String baseUrl, Map<String, PendingConsent> pending) {
    StringBuilder body = new StringBuilder("You asked us to send you:\n");
    pending.forEach((purpose, consent) -> body.append("\n* ").append(NOTICES.get(purpose)).append("\n  Confirm: ")
        .append(baseUrl).append("/confirm?token=").append(consent.token()).append('\n'));
    body.append("\nIf it was not you, ignore this message: nothing is sent without your confirmation.");
    return body.toString();
  }

  private static Iterable<String> ticked(SignupForm form) {
    java.util.List<String> ticked = new java.util.ArrayList<>();
    if (form.newsletter()) {
      ticked.add(CrmGdprConfiguration.NEWSLETTER);
    }
    if (form.offers()) {
      ticked.add(CrmGdprConfiguration.OFFERS);
    }
    if (form.invitations()) {
      ticked.add(CrmGdprConfiguration.INVITATIONS);
    }
    return ticked;
  }
}

package io.gdprkit.examples.crm.signup;

import io.gdprkit.GdprException;
import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ParentalAuthorisationRequiredException;
import io.gdprkit.examples.crm.contact.ContactService;
import io.gdprkit.examples.crm.mail.DemoMailbox;
import io.gdprkit.examples.crm.preferences.PreferenceLinks;
import io.gdprkit.preference.UnsubscribeResult;
import io.gdprkit.suppression.SuppressedContactException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public side of the CRM: the sign-up form, the confirmation link of the double opt-in e-mail, and the unsubscribe
 * link every marketing e-mail carries (Art. 7(3): withdrawing is as easy as giving).
 */
@Controller
public class SignupController {

  private final SignupService signups;
  private final GdprKit gdpr;
  private final ContactService contacts;
  private final DemoMailbox mailbox;
  private final PreferenceLinks links;

  public SignupController(SignupService signups, GdprKit gdpr, ContactService contacts, DemoMailbox mailbox,
      PreferenceLinks links) {
    this.signups = signups;
    this.gdpr = gdpr;
    this.contacts = contacts;
    this.mailbox = mailbox;
    this.links = links;
  }

  @GetMapping("/signup")
  String form(Model model) {
    model.addAttribute("form", SignupForm.empty());
    model.addAttribute("notices", SignupService.NOTICES);
    return "signup/form";
  }

  @PostMapping("/signup")
  String signUp(@Valid @ModelAttribute("form") SignupForm form, BindingResult errors, HttpServletRequest request,
      Model model) {
    model.addAttribute("notices", SignupService.NOTICES);
    if (errors.hasErrors()) {
      return "signup/form";
    }
    try {
      SignupService.Signup signup = signups.signUp(form, baseUrl(), request.getRemoteAddr(),
          String.valueOf(request.getHeader("User-Agent")));
      model.addAttribute("signup", signup);
      return "signup/check-inbox";
    } catch (ParentalAuthorisationRequiredException e) {
      model.addAttribute("refusal", "Below the age of digital consent in " + form.country()
          + ": a parent or guardian must give or authorise this consent (Art. 8(1) GDPR). Nothing was stored.");
      return "signup/form";
    } catch (SuppressedContactException e) {
      model.addAttribute("refusal", "This e-mail address asked to be forgotten, so it is on the suppression list "
          + "(Art. 17): we do not store it again.");
      return "signup/form";
    }
  }

  @GetMapping("/confirm")
  String confirm(@RequestParam String token, Model model) {
    try {
      ConsentEvent event = gdpr.consents().confirm(token, ConsentProof.emailConfirmation().build());
      model.addAttribute("event", event);
      String contactId = event.subject().value();
      String email = contacts.find(contactId).getEmail();
      if (email != null) {
        List<String> topic = List.of(event.purpose());
        mailbox.send(email, "Welcome: " + SignupService.NOTICES.getOrDefault(event.purpose(), event.purpose()),
            "Your subscription is confirmed. You can stop these e-mails at any time."
                + links.footer(baseUrl(), event.subject(), topic), links.headers(event.subject(), topic));
      }
      return "signup/confirmed";
    } catch (GdprException e) {
      model.addAttribute("problem", "This confirmation link is not valid any more (it expired, was used already, or "
          + "was changed). Nothing was recorded.");
      return "signup/link-invalid";
    }
  }

  /** Shows what the link would do; a GET changes nothing, so that a mail scanner following links unsubscribes no one. */
  @GetMapping("/unsubscribe")
  String unsubscribePage(@RequestParam String token, Model model) {
    model.addAttribute("token", token);
    return "signup/unsubscribe";
  }

  @PostMapping("/unsubscribe")
  String unsubscribe(@RequestParam String token, Model model) {
    try {
      UnsubscribeResult result = gdpr.preferences().unsubscribe(token);
      model.addAttribute("result", result);
      return "signup/unsubscribed";
    } catch (GdprException e) {
      model.addAttribute("problem", "This unsubscribe link is not valid. Nothing was changed.");
      return "signup/link-invalid";
    }
  }

  private static String baseUrl() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }
}

package io.gdprkit.examples.crm.mail;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The outbox page: every message the demo sent, with its links live. */
@Controller
public class MailController {

  private final DemoMailbox mailbox;
  private final DemoMailLinks links;

  public MailController(DemoMailbox mailbox, DemoMailLinks links) {
    this.mailbox = mailbox;
    this.links = links;
  }

  /**
   * A mail as the outbox shows it, its body escaped and its links made clickable, with the unsubscribe header fields
   * it would carry ({@code null} for mail that is not marketing).
   */
  public record MailView(String recipient, String subject, String html, @Nullable String listUnsubscribe,
      @Nullable String listUnsubscribePost) {}

  @GetMapping("/outbox")
  String outbox(Model model) {
    model.addAttribute("mails", mailbox.all().stream()
        .map(m -> new MailView(m.getRecipient(), m.getSubject(), links.render(m.getBody()), m.getListUnsubscribe(),
            m.getListUnsubscribePost())).toList());
    return "outbox";
  }
}

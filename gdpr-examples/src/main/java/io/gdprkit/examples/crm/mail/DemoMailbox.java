package io.gdprkit.examples.crm.mail;

import io.gdprkit.request.spi.MailMessage;
import io.gdprkit.request.spi.Mailer;
import io.gdprkit.subject.PersonalDataAccess;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the demo's mail into its own outbox: the double opt-in confirmations the CRM writes, and the kit's own mail
 * (identity verification of subject requests) through the {@link Mailer} SPI.
 */
@Service
public class DemoMailbox implements Mailer {

  private final DemoMailRepository mails;
  private final Clock clock;

  public DemoMailbox(DemoMailRepository mails, Clock clock) {
    this.mails = mails;
    this.clock = clock;
  }

  /** Puts a message in the outbox. */
  @Transactional
  public DemoMail send(String to, String subject, String body) {
    return send(to, subject, body, Map.of());
  }

  /**
   * Puts a marketing message in the outbox with the header fields it would carry, such as {@code List-Unsubscribe}
   * and {@code List-Unsubscribe-Post} (RFC 8058); the outbox keeps and shows those two.
   */
  @Transactional
  public DemoMail send(String to, String subject, String body, Map<String, String> headers) {
    return mails.save(new DemoMail(UUID.randomUUID().toString(), to, subject, body, clock.instant(),
        headers.get("List-Unsubscribe"), headers.get("List-Unsubscribe-Post")));
  }

  @Override
  public void send(MailMessage message) {
    send(message.to().value(PersonalDataAccess.unredacted()), message.subject(), message.body());
  }

  @Transactional(readOnly = true)
  public List<DemoMail> all() {
    return mails.findAllByOrderBySentAtDesc();
  }
}

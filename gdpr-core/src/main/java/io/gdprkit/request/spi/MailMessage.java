package io.gdprkit.request.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.PersonalData;
import org.apiguardian.api.API;

/**
 * A plain-text e-mail for a {@link Mailer} to send.
 *
 * <p>{@code toString()} shows neither the address nor the body: the body may carry a token, which is a credential.
 *
 * <p>Usage example: <pre>{@code new MailMessage(PersonalData.of("alice@example.com"), "Confirm your request", body)}</pre>
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param body the text
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MailMessage(PersonalData<String> to, String subject, String body) {

  /** Validates the fields. */
  public MailMessage {
    Preconditions.notNull(to, "to");
    Preconditions.text(subject, "subject", 200);
    Preconditions.notBlank(body, "body");
  }

  /** Returns the subject line only. */
  @Override
  public String toString() {
    return "MailMessage[to=" + to + ", subject=" + subject + "]";
  }
}

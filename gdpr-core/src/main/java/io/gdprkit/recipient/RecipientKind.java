package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a recipient is to the controller (Art. 4(8)–(10), Art. 26).
 *
 * <p>Usage example: <pre>{@code Recipient.of("mailer", RecipientKind.PROCESSOR, "Mail Co", "dpo@mail.example", CountryCode.of("DE"))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum RecipientKind {
  /** Processes the data on the controller's behalf, under a contract (Art. 28). */
  PROCESSOR,
  /** A controller in its own right that receives the data, such as a partner or an authority. */
  THIRD_PARTY,
  /** Decides purposes and means together with the controller (Art. 26). */
  JOINT_CONTROLLER
}

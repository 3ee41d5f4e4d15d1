package io.gdprkit.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * A name with contact details, as Art. 30(1)(a) asks for the controller, its representative and the DPO.
 *
 * <p>Usage example: <pre>{@code Contact.of("Data Protection Officer", "dpo@example.com, +49 30 1234567")}</pre>
 *
 * @param name the organisation's or role's name
 * @param details how to reach it: address, e-mail, phone
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Contact(String name, String details) {

  /** Validates the fields. */
  public Contact {
    Preconditions.text(name, "contact name", 200);
    Preconditions.text(details, "contact details", 500);
  }

  /** Returns a contact. */
  public static Contact of(String name, String details) {
    return new Contact(name, details);
  }
}

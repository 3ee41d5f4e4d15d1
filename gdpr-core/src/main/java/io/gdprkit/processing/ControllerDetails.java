package io.gdprkit.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Who keeps the records (Art. 30(1)(a)): the controller and, where applicable, joint controllers, the
 * representative in the Union (Art. 27) and the data protection officer (Art. 37).
 *
 * <p>Usage example: <pre>{@code
 * ControllerDetails.of(Contact.of("Acme GmbH", "Hauptstr. 1, Berlin, privacy@acme.example"))
 *     .withDpo(Contact.of("DPO", "dpo@acme.example"))
 * }</pre>
 *
 * @param controller the controller
 * @param jointControllers the joint controllers (Art. 26), if any
 * @param representative the representative in the Union, or {@code null}
 * @param dpo the data protection officer, or {@code null}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ControllerDetails(Contact controller, List<Contact> jointControllers, @Nullable Contact representative,
    @Nullable Contact dpo) {

  /** Validates the fields and copies the list. */
  public ControllerDetails {
    Preconditions.notNull(controller, "controller");
    jointControllers = List.copyOf(Preconditions.notNull(jointControllers, "joint controllers"));
  }

  /** Returns details naming only the controller. */
  public static ControllerDetails of(Contact controller) {
    return new ControllerDetails(controller, List.of(), null, null);
  }

  /** Returns a copy that also names a joint controller. */
  public ControllerDetails withJointController(Contact joint) {
    List<Contact> all = new ArrayList<>(jointControllers);
    all.add(Preconditions.notNull(joint, "joint controller"));
    return new ControllerDetails(controller, all, representative, dpo);
  }

  /** Returns a copy that names the representative in the Union. */
  public ControllerDetails withRepresentative(Contact value) {
    return new ControllerDetails(controller, jointControllers, Preconditions.notNull(value, "representative"), dpo);
  }

  /** Returns a copy that names the data protection officer. */
  public ControllerDetails withDpo(Contact value) {
    return new ControllerDetails(controller, jointControllers, representative, Preconditions.notNull(value, "dpo"));
  }
}

package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.ProcessingSwitch;
import java.util.HashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A materialised snapshot of one subject's current consents and switch settings.
 *
 * <p>Stores keep it up to date on every append, so deciding is a lookup, never a fold. Immutable.
 *
 * <p>Usage example: <pre>{@code ConsentState s = gdpr.consents().current(alice).state("newsletter");}</pre>
 *
 * @param states the current state per purpose id
 * @param switches the switches the subject or staff set explicitly; absent ones take the kit's default
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record SubjectConsents(Map<String, ConsentState> states, Map<ProcessingSwitch, Boolean> switches) {

  /** The snapshot of a subject with no consents and no switch settings. */
  public static final SubjectConsents EMPTY = new SubjectConsents(Map.of(), Map.of());

  /** Copies the maps. */
  public SubjectConsents {
    states = Map.copyOf(Preconditions.notNull(states, "states"));
    switches = Map.copyOf(Preconditions.notNull(switches, "switches"));
  }

  /** Returns the state for a purpose, or {@code null} when the subject has no consent events for it. */
  public @Nullable ConsentState state(String purpose) {
    return states.get(purpose);
  }

  /** Returns the explicit setting of a switch, or {@code null} when it was never set. */
  public @Nullable Boolean switchSetting(ProcessingSwitch processingSwitch) {
    return switches.get(processingSwitch);
  }

  /** Returns a copy with one purpose's state replaced. */
  public SubjectConsents with(ConsentState state) {
    Map<String, ConsentState> next = new HashMap<>(states);
    next.put(state.purpose(), state);
    return new SubjectConsents(next, switches);
  }

  /** Returns a copy with one switch set. */
  public SubjectConsents with(ProcessingSwitch processingSwitch, boolean on) {
    Map<ProcessingSwitch, Boolean> next = new HashMap<>(switches);
    next.put(processingSwitch, on);
    return new SubjectConsents(states, next);
  }
}

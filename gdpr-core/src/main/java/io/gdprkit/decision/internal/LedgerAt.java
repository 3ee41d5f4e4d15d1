package io.gdprkit.decision.internal;

import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.SwitchChange;
import io.gdprkit.purpose.ProcessingSwitch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A subject's state as it stood at one instant, rebuilt from its consent ledger and its switch, restriction and
 * objection histories, with the entry each part of it rests on.
 *
 * <p>The consent part is the {@linkplain ConsentState#apply fold} of the events that occurred by then, in ledger
 * order; each other part is the last change made by then, in history order (so that a clock that stepped back between
 * two instances cannot reorder a history).
 */
final class LedgerAt {

  private final SubjectConsents state;
  private final Map<String, ConsentEvent> consentEvidence;
  private final @Nullable RestrictionChange restriction;
  private final Map<String, ObjectionChange> objections;
  private final Map<ProcessingSwitch, SwitchChange> switches;

  private LedgerAt(SubjectConsents state, Map<String, ConsentEvent> consentEvidence,
      @Nullable RestrictionChange restriction, Map<String, ObjectionChange> objections,
      Map<ProcessingSwitch, SwitchChange> switches) {
    this.state = state;
    this.consentEvidence = consentEvidence;
    this.restriction = restriction;
    this.objections = objections;
    this.switches = switches;
  }

  /**
   * Rebuilds the state at {@code at}.
   *
   * @param events the consent events that occurred by {@code at}, in append order
   * @param switchHistory the whole switch history, oldest first
   * @param restrictionHistory the whole restriction history, oldest first
   * @param objectionHistory the whole objection history, oldest first
   */
  static LedgerAt of(List<ConsentEvent> events, List<SwitchChange> switchHistory,
      List<RestrictionChange> restrictionHistory, List<ObjectionChange> objectionHistory, Instant at) {
    Map<String, ConsentState> states = new LinkedHashMap<>();
    Map<String, ConsentEvent> evidence = new HashMap<>();
    for (ConsentEvent event : events) {
      ConsentState after = ConsentState.apply(states.get(event.purpose()), event);
      if (after != null) {
        states.put(event.purpose(), after);
        if (after.eventId().equals(event.id())) {
          evidence.put(event.purpose(), event); // it took effect: the state now rests on it
        }
      }
    }
    Map<ProcessingSwitch, SwitchChange> switches = new EnumMap<>(ProcessingSwitch.class);
    Map<ProcessingSwitch, Boolean> settings = new EnumMap<>(ProcessingSwitch.class);
    for (SwitchChange change : switchHistory) {
      if (!change.changedAt().isAfter(at)) {
        switches.put(change.processingSwitch(), change);
        settings.put(change.processingSwitch(), change.on());
      }
    }
    RestrictionChange restriction = null;
    for (RestrictionChange change : restrictionHistory) {
      if (!change.changedAt().isAfter(at)) {
        restriction = change;
      }
    }
    Map<String, ObjectionChange> objections = new LinkedHashMap<>();
    for (ObjectionChange change : objectionHistory) {
      if (!change.changedAt().isAfter(at)) {
        objections.put(change.purpose(), change);
      }
    }
    SubjectConsents state = SubjectConsents.of(states, settings)
        .withRestriction(restriction != null && restriction.restricted());
    for (ObjectionChange change : objections.values()) {
      state = state.withObjection(change.purpose(), change.status());
    }
    return new LedgerAt(state, evidence, restriction, objections, switches);
  }

  /** Returns the snapshot the decision rules read, as it stood then. */
  SubjectConsents state() {
    return state;
  }

  /** Returns the consent event the purpose's state then rested on, or {@code null} when it had none. */
  @Nullable ConsentEvent consent(String purpose) {
    return consentEvidence.get(purpose);
  }

  /** Returns the last restriction change by then, or {@code null}. */
  @Nullable RestrictionChange restriction() {
    return restriction;
  }

  /** Returns the last change by then of the objection to the purpose, or {@code null}. */
  @Nullable ObjectionChange objection(String purpose) {
    return objections.get(purpose);
  }

  /** Returns the last change by then of each of these switches that had been set. */
  List<SwitchChange> switches(ProcessingSwitch[] required) {
    List<SwitchChange> set = new ArrayList<>(required.length);
    for (ProcessingSwitch processingSwitch : required) {
      SwitchChange change = switches.get(processingSwitch);
      if (change != null) {
        set.add(change);
      }
    }
    return set;
  }
}

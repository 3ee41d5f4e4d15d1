package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.ProcessingSwitch;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A materialised snapshot of one subject's current consents and switch settings.
 *
 * <p>Stores keep it up to date on every append, so deciding is a lookup, never a fold. It is laid out for
 * the decision hot path: purpose ids in one array shared by every snapshot with the same purposes, and each
 * purpose's status and expiry packed into one {@code long}, the first four held in fields of the snapshot
 * itself. {@link #statusAt} thus reads one object after the store's map node (measured in
 * {@code DecideBenchmark}) and allocates nothing. Immutable; the {@code with} methods return changed copies.
 *
 * <p>Usage example: <pre>{@code ConsentState s = gdpr.consents().current(alice).state("newsletter");}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class SubjectConsents {

  private static final long[] NO_CODES = new long[0];
  private static final String[] NO_PURPOSES = new String[0];
  private static final ObjectionStatus[] NO_OBJECTIONS = new ObjectionStatus[0];

  /** The snapshot of a subject with no consents and no switch settings. */
  public static final SubjectConsents EMPTY = new SubjectConsents(new String[0], new long[0], new ConsentState[0], 0, 0);

  private static final int INLINE_CODES = 4;

  private static final ConsentStatus[] STATUSES = ConsentStatus.values();
  private static final int STATUS_BITS = 3;
  private static final long NO_EXPIRY = Long.MAX_VALUE >> STATUS_BITS;
  private static final int MAX_INTERNED = 4096;
  /**
   * Purpose-id arrays shared by every snapshot with the same purposes in the same order: a million subjects
   * with the same three consents hold one array, which stays in the CPU cache on the decision path.
   */
  private static final Map<List<String>, String[]> INTERNED = new ConcurrentHashMap<>();

  private final String[] purposes;
  private final long code0;
  private final long code1;
  private final long code2;
  private final long code3;
  private final long[] moreCodes;
  /** Switch bits set (0-7), their values (8-15), restricted (16), has objections (17): one read on the hot path. */
  private final int flags;
  /** What the decision path reads rarely or never, kept out of the snapshot object to keep it small. */
  private final Cold cold;

  private static final int SWITCH_MASK = 0xFF;
  private static final int RESTRICTED = 1 << 16;
  private static final int HAS_OBJECTIONS = 1 << 17;

  private record Cold(ConsentState[] states, String[] objectionPurposes, ObjectionStatus[] objectionStatuses) {}

  private SubjectConsents(String[] purposes, long[] codes, ConsentState[] states, int switchesSet, int switchesOn) {
    this(purposes, codes, states, switchesSet, switchesOn, false, NO_PURPOSES, NO_OBJECTIONS);
  }

  private SubjectConsents(String[] purposes, long[] codes, ConsentState[] states, int switchesSet, int switchesOn,
      boolean restricted, String[] objectionPurposes, ObjectionStatus[] objectionStatuses) {
    this.purposes = purposes;
    this.code0 = codes.length > 0 ? codes[0] : 0;
    this.code1 = codes.length > 1 ? codes[1] : 0;
    this.code2 = codes.length > 2 ? codes[2] : 0;
    this.code3 = codes.length > 3 ? codes[3] : 0;
    this.moreCodes = codes.length > INLINE_CODES ? Arrays.copyOfRange(codes, INLINE_CODES, codes.length) : NO_CODES;
    this.flags = (switchesSet & SWITCH_MASK) | (switchesOn & SWITCH_MASK) << 8 | (restricted ? RESTRICTED : 0)
        | (objectionPurposes.length > 0 ? HAS_OBJECTIONS : 0);
    this.cold = new Cold(states, objectionPurposes, objectionStatuses);
  }

  private int switchesSet() {
    return flags & SWITCH_MASK;
  }

  private int switchesOn() {
    return (flags >>> 8) & SWITCH_MASK;
  }

  private boolean restricted() {
    return (flags & RESTRICTED) != 0;
  }

  private long code(int index) {
    return switch (index) {
      case 0 -> code0;
      case 1 -> code1;
      case 2 -> code2;
      case 3 -> code3;
      default -> moreCodes[index - INLINE_CODES];
    };
  }

  private long[] codes() {
    long[] all = new long[purposes.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = code(i);
    }
    return all;
  }

  /**
   * Returns a snapshot of these states and switch settings.
   *
   * @param states the current state per purpose id; each state's purpose must equal its key
   * @param switches the switches set explicitly
   */
  public static SubjectConsents of(Map<String, ConsentState> states, Map<ProcessingSwitch, Boolean> switches) {
    SubjectConsents snapshot = EMPTY;
    for (Map.Entry<String, ConsentState> entry : Preconditions.notNull(states, "states").entrySet()) {
      Preconditions.check(entry.getKey().equals(entry.getValue().purpose()), "states",
          "must map each purpose id to a state of that purpose");
      snapshot = snapshot.with(entry.getValue());
    }
    for (Map.Entry<ProcessingSwitch, Boolean> entry : Preconditions.notNull(switches, "switches").entrySet()) {
      snapshot = snapshot.with(entry.getKey(), entry.getValue());
    }
    return snapshot;
  }

  /** Returns the state for a purpose, or {@code null} when the subject has no consent events for it. */
  public @Nullable ConsentState state(String purpose) {
    int index = indexOf(purpose);
    return index < 0 ? null : cold.states[index];
  }

  /**
   * Returns the status of a purpose's consent at a time, counting an unrecorded expiry as
   * {@link ConsentStatus#EXPIRED}; {@code null} when there is none. Allocation-free: the decision hot path.
   *
   * @param epochMillis the time, as from {@link java.time.Clock#millis()}
   */
  public @Nullable ConsentStatus statusAt(String purpose, long epochMillis) {
    int index = indexOf(purpose);
    if (index < 0) {
      return null;
    }
    long code = code(index);
    ConsentStatus status = STATUSES[(int) (code & ((1 << STATUS_BITS) - 1))];
    return status == ConsentStatus.GRANTED && epochMillis >= (code >> STATUS_BITS) ? ConsentStatus.EXPIRED : status;
  }

  /**
   * Returns the status of a purpose's consent now, reading {@code clock} only when a granted consent has an
   * expiry; {@code null} when there is none. Allocation-free: the decision hot path.
   *
   * <p>Why not always read the clock: on x86 the system clock is read with a serialising instruction, which
   * stops the processor from overlapping one lookup's cache misses with the next; a consent without expiry
   * has no use for the time.
   */
  public @Nullable ConsentStatus statusAt(String purpose, Clock clock) {
    int index = indexOf(purpose);
    if (index < 0) {
      return null;
    }
    long code = code(index);
    ConsentStatus status = STATUSES[(int) (code & ((1 << STATUS_BITS) - 1))];
    if (status != ConsentStatus.GRANTED) {
      return status;
    }
    long expiry = code >> STATUS_BITS;
    return expiry != NO_EXPIRY && clock.millis() >= expiry ? ConsentStatus.EXPIRED : status;
  }

  /** Returns the explicit setting of a switch, or {@code null} when it was never set. */
  public @Nullable Boolean switchSetting(ProcessingSwitch processingSwitch) {
    int bit = 1 << processingSwitch.ordinal();
    return (flags & bit) == 0 ? null : (flags & bit << 8) != 0;
  }

  /** Returns the current state per purpose id, in the order the purposes were first recorded. */
  public Map<String, ConsentState> states() {
    Map<String, ConsentState> map = new LinkedHashMap<>();
    for (int i = 0; i < purposes.length; i++) {
      map.put(purposes[i], cold.states[i]);
    }
    return Collections.unmodifiableMap(map);
  }

  /** Returns the switches set explicitly, with their settings. */
  public Map<ProcessingSwitch, Boolean> switches() {
    Map<ProcessingSwitch, Boolean> map = new EnumMap<>(ProcessingSwitch.class);
    for (ProcessingSwitch processingSwitch : ProcessingSwitch.values()) {
      Boolean setting = switchSetting(processingSwitch);
      if (setting != null) {
        map.put(processingSwitch, setting);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /** Returns a copy with one purpose's state replaced or added. */
  public SubjectConsents with(ConsentState state) {
    Preconditions.notNull(state, "state");
    int index = indexOf(state.purpose());
    String[] nextPurposes = purposes;
    long[] nextCodes;
    ConsentState[] nextStates;
    if (index < 0) {
      index = purposes.length;
      nextPurposes = Arrays.copyOf(purposes, index + 1);
      nextPurposes[index] = state.purpose();
      nextPurposes = intern(nextPurposes);
      nextCodes = Arrays.copyOf(codes(), index + 1);
      nextStates = Arrays.copyOf(cold.states, index + 1);
    } else {
      nextCodes = codes();
      nextStates = cold.states.clone();
    }
    nextCodes[index] = encode(state);
    nextStates[index] = state;
    return new SubjectConsents(nextPurposes, nextCodes, nextStates, switchesSet(), switchesOn(), restricted(),
        cold.objectionPurposes, cold.objectionStatuses);
  }

  /** Returns a copy with one switch set. */
  public SubjectConsents with(ProcessingSwitch processingSwitch, boolean on) {
    int bit = 1 << Preconditions.notNull(processingSwitch, "processingSwitch").ordinal();
    return new SubjectConsents(purposes, codes(), cold.states, switchesSet() | bit,
        on ? switchesOn() | bit : switchesOn() & ~bit, restricted(), cold.objectionPurposes, cold.objectionStatuses);
  }

  /** Returns whether processing of the subject is restricted (Art. 18). */
  public boolean isRestricted() {
    return (flags & RESTRICTED) != 0;
  }

  /** Returns where the subject's objection to a purpose stands, or {@code null} if the subject never objected. */
  public @Nullable ObjectionStatus objection(String purpose) {
    if ((flags & HAS_OBJECTIONS) == 0) {
      return null; // the common case, answered without leaving the snapshot object
    }
    String[] ids = cold.objectionPurposes;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == purpose || ids[i].equals(purpose)) {
        return cold.objectionStatuses[i];
      }
    }
    return null;
  }

  /** Returns the subject's objections by purpose id. */
  public Map<String, ObjectionStatus> objections() {
    Map<String, ObjectionStatus> map = new LinkedHashMap<>();
    for (int i = 0; i < cold.objectionPurposes.length; i++) {
      map.put(cold.objectionPurposes[i], cold.objectionStatuses[i]);
    }
    return Collections.unmodifiableMap(map);
  }

  /** Returns a copy with processing restricted or not. */
  public SubjectConsents withRestriction(boolean restrict) {
    return new SubjectConsents(purposes, codes(), cold.states, switchesSet(), switchesOn(), restrict,
        cold.objectionPurposes, cold.objectionStatuses);
  }

  /** Returns a copy with one purpose's objection set. */
  public SubjectConsents withObjection(String purpose, ObjectionStatus status) {
    Preconditions.notBlank(purpose, "purpose");
    Preconditions.notNull(status, "status");
    int index = -1;
    for (int i = 0; i < cold.objectionPurposes.length; i++) {
      if (cold.objectionPurposes[i].equals(purpose)) {
        index = i;
      }
    }
    String[] ids = cold.objectionPurposes;
    ObjectionStatus[] statuses;
    if (index < 0) {
      index = ids.length;
      ids = Arrays.copyOf(ids, index + 1);
      ids[index] = purpose;
      statuses = Arrays.copyOf(cold.objectionStatuses, index + 1);
    } else {
      statuses = cold.objectionStatuses.clone();
    }
    statuses[index] = status;
    return new SubjectConsents(purposes, codes(), cold.states, switchesSet(), switchesOn(), restricted(), ids, statuses);
  }

  private static String[] intern(String[] ids) {
    String[] shared = INTERNED.get(Arrays.asList(ids));
    if (shared != null) {
      return shared;
    }
    if (INTERNED.size() >= MAX_INTERNED) {
      return ids; // an unusual spread of purpose combinations: stop sharing rather than grow without bound
    }
    String[] previous = INTERNED.putIfAbsent(List.of(ids), ids);
    return previous != null ? previous : ids;
  }

  private int indexOf(String purpose) {
    String[] ids = purposes;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == purpose) {
        return i;
      }
    }
    for (int i = 0; i < ids.length; i++) {
      if (ids[i].equals(purpose)) {
        return i;
      }
    }
    return -1;
  }

  private static long encode(ConsentState state) {
    long expiry = NO_EXPIRY;
    if (state.expiresAt() != null) {
      long millis = state.expiresAt().toEpochMilli();
      expiry = Math.max(-NO_EXPIRY, Math.min(NO_EXPIRY, millis));
    }
    return (expiry << STATUS_BITS) | state.status().ordinal();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SubjectConsents that && states().equals(that.states())
        && (flags & ~HAS_OBJECTIONS) == (that.flags & ~HAS_OBJECTIONS) && objections().equals(that.objections());
  }

  @Override
  public int hashCode() {
    return states().hashCode() * 31 + (flags & ~HAS_OBJECTIONS) + objections().hashCode();
  }

  @Override
  public String toString() {
    return "SubjectConsents[states=" + states() + ", switches=" + switches() + ", restricted=" + restricted()
        + ", objections=" + objections() + "]";
  }
}

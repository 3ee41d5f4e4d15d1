package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The digital age of consent per member state (Art. 8(1) GDPR): below it, a consent to an information society service
 * offered directly to a child needs the authorisation of the holder of parental responsibility.
 *
 * <p>{@link #defaults()} holds the 27 EU member states as the European Commission's report SWD(2020) 115 (p. 17)
 * lists them, with the national provision where a second source confirmed it, and Slovenia's later ZVOP-2; each entry
 * names its source ({@link DigitalConsentAge#source()}). Member states change their ages: treat the table as
 * configurable defaults, not law, and replace an entry with {@link #with}. A member state missing from the table gets
 * the GDPR's own age, 16, the highest there is, so a gap never lowers the protection.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>Age</th><th>Member states (provision)</th></tr>
 *   <tr><td>13</td><td>BE (Act of 30 July 2018, Art. 7), DK (Data Protection Act § 6(3)), EE, FI, LV, MT, PT, SE</td></tr>
 *   <tr><td>14</td><td>AT (DSG § 4(4)), BG, CY, IT (Privacy Code Art. 2-quinquies), LT, ES (LOPDGDD Art. 7)</td></tr>
 *   <tr><td>15</td><td>CZ (Act 110/2019 § 7), FR (Loi Informatique et Libertés Art. 7-1), GR, SI (ZVOP-2, from 26 January
 *       2023)</td></tr>
 *   <tr><td>16</td><td>HR, DE, HU, IE (Data Protection Act 2018 s. 31), LU, NL, PL, RO, SK</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * GdprKit.builder()
 *     .digitalConsentAges(DigitalConsentAges.defaults().with(MemberState.of("DE"), 16, "BDSG, no derogation"))
 *     .defaultMemberState(MemberState.of("DE"))
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class DigitalConsentAges {

  private static final String SWD = "European Commission SWD(2020) 115, p. 17";
  private static final String TRACKER = SWD + "; Bird & Bird GDPR tracker";

  private static final DigitalConsentAges DEFAULTS = of(List.of(
      entry("BE", 13, SWD + "; Act of 30 July 2018, Art. 7"),
      entry("DK", 13, SWD + "; Danish Data Protection Act § 6(3)"),
      entry("EE", 13, SWD),
      entry("FI", 13, TRACKER),
      entry("LV", 13, SWD),
      entry("MT", 13, SWD),
      entry("PT", 13, SWD),
      entry("SE", 13, TRACKER),
      entry("AT", 14, SWD + "; Datenschutzgesetz (DSG) § 4(4)"),
      entry("BG", 14, SWD),
      entry("CY", 14, SWD),
      entry("IT", 14, SWD + "; Codice in materia di protezione dei dati personali, Art. 2-quinquies"),
      entry("LT", 14, SWD),
      entry("ES", 14, SWD + "; LOPDGDD Art. 7"),
      entry("CZ", 15, SWD + "; Act No. 110/2019, Section 7"),
      entry("FR", 15, SWD + "; Loi Informatique et Libertés, Art. 7-1 (joint consent of child and parent below 15)"),
      entry("GR", 15, SWD),
      entry("SI", 15, "ZVOP-2, applicable from 26 January 2023 (Karanovic & Partners); adopted after SWD(2020) 115"),
      entry("HR", 16, SWD),
      entry("DE", 16, SWD + "; no national derogation, GDPR Art. 8(1) default"),
      entry("HU", 16, SWD + "; no national derogation, GDPR Art. 8(1) default"),
      entry("IE", 16, SWD + "; Data Protection Act 2018, s. 31"),
      entry("LU", 16, SWD),
      entry("NL", 16, TRACKER),
      entry("PL", 16, SWD),
      entry("RO", 16, SWD),
      entry("SK", 16, TRACKER)));

  private final Map<MemberState, DigitalConsentAge> byState;

  private DigitalConsentAges(Map<MemberState, DigitalConsentAge> byState) {
    this.byState = Map.copyOf(byState);
  }

  /** Returns the table of the 27 EU member states, each with its source. */
  public static DigitalConsentAges defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a table of exactly these entries; member states not among them get 16.
   *
   * @throws InvalidInputException if a member state appears twice
   */
  public static DigitalConsentAges of(Collection<DigitalConsentAge> entries) {
    Map<MemberState, DigitalConsentAge> byState = new HashMap<>();
    for (DigitalConsentAge entry : Preconditions.notNull(entries, "entries")) {
      Preconditions.notNull(entry, "entry");
      if (byState.putIfAbsent(entry.memberState(), entry) != null) {
        throw InvalidInputException.of("digital consent ages",
            "name member state " + Messages.quote(entry.memberState().code()) + " twice");
      }
    }
    return new DigitalConsentAges(byState);
  }

  /**
   * Returns a copy in which {@code memberState}'s age is {@code age}, from {@code source}.
   *
   * @throws InvalidInputException if {@code age} is not between 13 and 16 (Art. 8(1))
   */
  public DigitalConsentAges with(MemberState memberState, int age, String source) {
    DigitalConsentAge entry = new DigitalConsentAge(memberState, age, source);
    Map<MemberState, DigitalConsentAge> copy = new HashMap<>(byState);
    copy.put(memberState, entry);
    return new DigitalConsentAges(copy);
  }

  /** Returns the entry of a member state, if the table has one. */
  public Optional<DigitalConsentAge> find(MemberState memberState) {
    return Optional.ofNullable(byState.get(Preconditions.notNull(memberState, "member state")));
  }

  /**
   * Returns the digital age of consent in {@code memberState}: its entry's age, or 16 (Art. 8(1)) when the table has
   * none or no member state is known.
   */
  public int ageIn(@Nullable MemberState memberState) {
    DigitalConsentAge entry = memberState == null ? null : byState.get(memberState);
    return entry == null ? DigitalConsentAge.GDPR_DEFAULT : entry.age();
  }

  /** Returns every entry, ordered by member-state code. */
  public List<DigitalConsentAge> entries() {
    return byState.values().stream().sorted(Comparator.comparing(e -> e.memberState().code())).toList();
  }

  /**
   * Reduces what a request says of the subject's age to the answer this table gives on {@code day}: the member state
   * named with it or else {@code fallback}, the age there, and whether the subject is below it. Nothing else of the
   * age is kept.
   *
   * @param day the day consent is given, on which a birth date is counted
   * @throws InvalidInputException if a stated birth date lies after {@code day}
   */
  public AgeCheck check(AgeAssurance assurance, @Nullable MemberState fallback, LocalDate day) {
    Preconditions.notNull(assurance, "age assurance");
    Preconditions.notNull(day, "day");
    MemberState state = assurance.memberState() != null ? assurance.memberState() : fallback;
    int age = ageIn(state);
    if (assurance instanceof AgeClaim claim) {
      return new AgeCheck(claim.evidence(), state, age, claim.minimumAgeOn(day) < age);
    }
    AgeCheck earlier = (AgeCheck) assurance;
    // An answer given against a lower age does not show the subject to be at or above this one.
    return new AgeCheck(earlier.evidence(), state, age, earlier.belowAgeOfConsent() || earlier.ageOfConsent() < age);
  }

  @Override
  public String toString() {
    return "DigitalConsentAges" + entries().stream().map(e -> e.memberState() + "=" + e.age()).toList();
  }

  private static DigitalConsentAge entry(String code, int age, String source) {
    return new DigitalConsentAge(MemberState.of(code), age, source);
  }
}

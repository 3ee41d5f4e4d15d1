package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The member state whose law sets the digital age of consent for a subject (Art. 8(1) GDPR), as an ISO 3166-1
 * alpha-2 code.
 *
 * <p>Which state's law applies to a cross-border service is for the controller to decide: the EDPB notes it may be the
 * state of the main establishment or the subject's residence, depending on each state's law (Guidelines 05/2020
 * § 131). Only codes the JDK knows as ISO countries are accepted, in upper case: Greece is {@code GR}, not the EU's
 * {@code EL}.
 *
 * <p>Usage example: <pre>{@code MemberState france = MemberState.of("FR");}</pre>
 *
 * @param code the two-letter code, such as {@code FR}
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record MemberState(String code) {

  private static final Set<String> ISO = Set.of(Locale.getISOCountries());

  /** Validates the code against the ISO 3166-1 list. */
  public MemberState {
    Preconditions.notBlank(code, "member state");
    Preconditions.check(ISO.contains(code), "member state", "must be an upper-case ISO 3166-1 alpha-2 code");
  }

  /** Returns the member state with this code. */
  public static MemberState of(String code) {
    return new MemberState(code);
  }

  @Override
  public String toString() {
    return code;
  }
}

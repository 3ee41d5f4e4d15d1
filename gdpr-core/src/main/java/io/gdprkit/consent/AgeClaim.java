package io.gdprkit.consent;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.PersonalData;
import io.gdprkit.subject.PersonalDataAccess;
import java.time.LocalDate;
import java.time.Period;
import org.jspecify.annotations.Nullable;

/**
 * An age as a request states it, before the kit reduces it to an {@link AgeCheck}; never stored.
 *
 * @param evidence how the age was established
 * @param minimumAge the age the subject is shown to have at least; unused for a birth date
 * @param birthDate the stated birth date, or {@code null}
 * @param memberState the member state named with it, or {@code null}
 */
record AgeClaim(AgeEvidence evidence, int minimumAge, @Nullable PersonalData<LocalDate> birthDate,
    @Nullable MemberState memberState) implements AgeAssurance {

  /** The oldest age a statement may give; anything older is a typing error. */
  static final int OLDEST = 150;

  AgeClaim {
    Preconditions.notNull(evidence, "age evidence");
    Preconditions.check(minimumAge >= 0 && minimumAge <= OLDEST, "age", "must be between 0 and " + OLDEST);
    Preconditions.check((birthDate != null) == (evidence == AgeEvidence.DECLARED_BIRTH_DATE), "birth date",
        "must be given exactly for a declared birth date");
  }

  static AgeClaim minimum(AgeEvidence evidence, int years) {
    return new AgeClaim(evidence, years, null, null);
  }

  static AgeClaim birthDate(LocalDate date) {
    return new AgeClaim(AgeEvidence.DECLARED_BIRTH_DATE, 0, PersonalData.of(Preconditions.notNull(date, "birth date")),
        null);
  }

  static AgeClaim band(int from, int to) {
    Preconditions.check(from >= 0 && from <= to && to <= OLDEST, "age band",
        "must run from a lower to a higher age between 0 and " + OLDEST);
    return new AgeClaim(AgeEvidence.DECLARED_AGE_BAND, from, null, null);
  }

  AgeClaim in(MemberState state) {
    return new AgeClaim(evidence, minimumAge, birthDate, Preconditions.notNull(state, "member state"));
  }

  /** Returns the age the subject is shown to have at least on {@code day}. */
  int minimumAgeOn(LocalDate day) {
    if (birthDate == null) {
      return minimumAge;
    }
    LocalDate born = birthDate.value(PersonalDataAccess.unredacted());
    Preconditions.check(!born.isAfter(day), "birth date", "must not be after the day consent is given");
    return Period.between(born, day).getYears();
  }

  /** Returns a description without the age or birth date, which are personal data. */
  @Override
  public String toString() {
    return "AgeAssurance[evidence=" + evidence + ", age=redacted, memberState=" + memberState + "]";
  }
}

package io.gdprkit.consent.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.AgeAssurance;
import io.gdprkit.consent.AgeAssuranceRequiredException;
import io.gdprkit.consent.AgeCheck;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.DigitalConsentAges;
import io.gdprkit.consent.ExplicitConsentRequiredException;
import io.gdprkit.consent.MemberState;
import io.gdprkit.consent.ParentalAuthorisationRequiredException;
import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.SpecialCategoryCondition;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The conditions a consent must meet before it is recorded, beyond the purpose's basis: explicit where Art. 9(2)(a) or
 * Art. 22(2)(c) GDPR ask for it, and authorised by the holder of parental responsibility where Art. 8(1) does.
 *
 * <p>Art. 8 applies to consent purposes offered as an information society service
 * ({@link Purpose#informationSocietyService()}), nowhere else. A proof without age information counts as from a
 * subject at or above the age, unless {@code requireAgeAssurance}: Art. 8(2) asks for reasonable efforts
 * proportionate to the risk, which only the host can weigh.
 *
 * @param ages the digital age of consent per member state
 * @param defaultMemberState the member state whose age applies when a proof names none; {@code null} for the GDPR's
 *     own 16
 * @param requireAgeAssurance whether a consent to an information society service without age information is refused
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public record ConsentConditions(DigitalConsentAges ages, @Nullable MemberState defaultMemberState,
    boolean requireAgeAssurance) {

  /** Validates the fields. */
  public ConsentConditions {
    Preconditions.notNull(ages, "digital consent ages");
  }

  /** Returns the conditions of a kit that configured none: the default table, no member state, age not required. */
  public static ConsentConditions defaults() {
    return new ConsentConditions(DigitalConsentAges.defaults(), null, false);
  }

  /**
   * Returns the proof as it may be kept: a statement of age reduced to an {@link AgeCheck} for the day of {@code at} in
   * {@code zone}, so that no birth date or age is ever stored.
   */
  ConsentProof minimised(ConsentProof proof, Instant at, ZoneId zone) {
    AgeAssurance stated = proof.ageAssurance();
    if (stated == null) {
      return proof;
    }
    AgeCheck check = ages.check(stated, defaultMemberState, LocalDate.ofInstant(Bounds.instant(at, "consent time"),
        zone));
    if (check.equals(stated)) {
      return proof;
    }
    return new ConsentProof(proof.channel(), proof.formId(), proof.formVersion(), proof.noticeSha256(),
        proof.locale(), proof.ip(), proof.userAgent(), proof.recordedBy(), proof.source(), proof.explicitStatement(),
        check, proof.parentalAuthorisation(), proof.tcf());
  }

  /**
   * Fails unless a minimised proof that gives consent for {@code purpose} at {@code at} meets the conditions.
   *
   * @throws ExplicitConsentRequiredException if the purpose needs explicit consent and the proof names no statement
   * @throws AgeAssuranceRequiredException if age assurance is required and the proof has none
   * @throws ParentalAuthorisationRequiredException if the subject is below the age and no holder of parental
   *     responsibility authorised the consent
   */
  void check(SubjectId subject, Purpose purpose, ConsentProof proof, Instant at) {
    if (proof.parentalAuthorisation() != null) {
      Preconditions.check(!proof.parentalAuthorisation().verifiedAt().isAfter(at), "parental authorisation verifiedAt",
          "must not be after the consent it authorises");
    }
    if (!purpose.needsConsent()) {
      return;
    }
    String explicitArticle = purpose.automatedDecision() != null ? "22(2)(c)"
        : purpose.specialCategoryCondition() == SpecialCategoryCondition.EXPLICIT_CONSENT ? "9(2)(a)" : null;
    if (explicitArticle != null && proof.explicitStatement() == null) {
      throw ExplicitConsentRequiredException.of(subject, purpose.id(), explicitArticle);
    }
    if (!purpose.informationSocietyService()) {
      return; // Art. 8(1) covers information society services offered directly to a child only
    }
    if (proof.ageAssurance() == null) {
      if (requireAgeAssurance) {
        throw AgeAssuranceRequiredException.of(subject, purpose.id());
      }
      return;
    }
    AgeCheck check = (AgeCheck) proof.ageAssurance();
    if (check.belowAgeOfConsent() && proof.parentalAuthorisation() == null) {
      throw ParentalAuthorisationRequiredException.of(subject, purpose.id(), check);
    }
  }
}

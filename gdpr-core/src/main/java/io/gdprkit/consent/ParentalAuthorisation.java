package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The proof that the holder of parental responsibility gave or authorised a child's consent (Art. 8(1) GDPR): who by
 * role, how the controller verified it (Art. 8(2)) and when; recorded on the consent's proof so that it can be shown
 * (Art. 7(1)).
 *
 * <p>It names the parent by role only. Where the host keeps the evidence itself (a signed form, a payment reference),
 * {@code evidenceReference} points to it by an opaque id; never put a name or address there.
 *
 * <p>Usage example: <pre>{@code
 * ConsentProof proof = ConsentProof.webForm("signup", "v3")
 *     .age(AgeAssurance.declaredAge(12))
 *     .parentalAuthorisation(ParentalAuthorisation.by(ParentalRole.PARENT, ParentalVerification.EMAIL_TO_PARENT,
 *         confirmedAt))
 *     .build();
 * }</pre>
 *
 * @param role who gave or authorised the consent
 * @param verification how the controller verified it
 * @param verifiedAt when it was verified; not after the consent it authorises
 * @param evidenceReference the host's opaque id of the kept evidence, or {@code null}
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record ParentalAuthorisation(ParentalRole role, ParentalVerification verification, Instant verifiedAt,
    @Nullable String evidenceReference) {

  /** Validates the fields. */
  public ParentalAuthorisation {
    Preconditions.notNull(role, "parental role");
    Preconditions.notNull(verification, "parental verification");
    Bounds.instant(verifiedAt, "parental authorisation verifiedAt");
    if (evidenceReference != null) {
      Preconditions.identifier(evidenceReference, "parental evidence reference", 200);
    }
  }

  /** Returns an authorisation by {@code role}, verified by {@code verification} at {@code verifiedAt}. */
  public static ParentalAuthorisation by(ParentalRole role, ParentalVerification verification, Instant verifiedAt) {
    return new ParentalAuthorisation(role, verification, verifiedAt, null);
  }

  /** Returns a copy that points to the host's kept evidence by an opaque id. */
  public ParentalAuthorisation withEvidenceReference(String reference) {
    return new ParentalAuthorisation(role, verification, verifiedAt,
        Preconditions.notNull(reference, "parental evidence reference"));
  }
}

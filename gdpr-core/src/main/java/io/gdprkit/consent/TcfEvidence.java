package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What an IAB TCF TC string proves about a consent event: the string's SHA-256 and the consent management
 * platform's record of when and where the choice was made, never the string itself.
 *
 * <p>Art. 7(1) asks the controller to demonstrate consent; the TC string is that record, written by a registered
 * CMP (TCF spec, "The Core String": {@code Created}, {@code LastUpdated}, {@code CmpId}, {@code CmpVersion},
 * {@code ConsentScreen}, {@code VendorListVersion}, {@code TcfPolicyVersion}). The kit keeps the hash so that the
 * string the CMP stored can be matched later, without keeping the string, which is personal data once it can be
 * linked to a person (CJEU C-604/22).
 *
 * <p>Usage example: <pre>{@code ConsentProof proof = ConsentProof.tcfString(evidence).build();}</pre>
 *
 * @param sha256 lower-case hex SHA-256 of the UTF-8 bytes of the TC string exactly as received
 * @param cmpId {@code CmpId}, the CMP that last updated the string
 * @param cmpVersion {@code CmpVersion}
 * @param consentScreen {@code ConsentScreen}, the CMP's screen on which the choice was made
 * @param created {@code Created}
 * @param lastUpdated {@code LastUpdated}, when the choice was last changed
 * @param tcfPolicyVersion {@code TcfPolicyVersion}: 4 for TCF v2.2, 5 for v2.3
 * @param vendorListVersion {@code VendorListVersion}, the Global Vendor List the CMP showed
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TcfEvidence(String sha256, int cmpId, int cmpVersion, int consentScreen, Instant created,
    Instant lastUpdated, int tcfPolicyVersion, int vendorListVersion) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /** Validates every field against the widths of the TCF spec's fields. */
  public TcfEvidence {
    Preconditions.check(SHA256_HEX.matcher(Preconditions.notNull(sha256, "sha256")).matches(), "TC string SHA-256",
        "must be 64 lower-case hex digits");
    Preconditions.check(cmpId >= 0 && cmpId <= 0xFFF, "cmpId", "must fit the 12-bit CmpId field");
    Preconditions.check(cmpVersion >= 0 && cmpVersion <= 0xFFF, "cmpVersion", "must fit the 12-bit CmpVersion field");
    Preconditions.check(consentScreen >= 0 && consentScreen <= 63, "consentScreen",
        "must fit the 6-bit ConsentScreen field");
    Bounds.instant(created, "created");
    Bounds.instant(lastUpdated, "lastUpdated");
    Preconditions.check(tcfPolicyVersion >= 0 && tcfPolicyVersion <= 63, "tcfPolicyVersion",
        "must fit the 6-bit TcfPolicyVersion field");
    Preconditions.check(vendorListVersion >= 0 && vendorListVersion <= 0xFFF, "vendorListVersion",
        "must fit the 12-bit VendorListVersion field");
  }
}

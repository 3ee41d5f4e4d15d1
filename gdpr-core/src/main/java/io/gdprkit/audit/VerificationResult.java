package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What verifying an audit chain found: whether it is intact, how many entries were checked, and where the
 * first break is.
 *
 * <p>Usage example: <pre>{@code VerificationResult r = gdpr.audit().verify(tenant); if (!r.intact()) alert(r.firstBadPosition());}</pre>
 *
 * @param intact whether every entry checked is as appended
 * @param checked how many entries were checked
 * @param firstBadPosition the position of the first entry that does not verify, or {@code null} when intact
 * @param problem what is wrong there, or {@code null} when intact
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record VerificationResult(boolean intact, long checked, @Nullable Long firstBadPosition,
    @Nullable String problem) {

  /** Returns the result of a chain that verified. */
  public static VerificationResult ok(long checked) {
    return new VerificationResult(true, checked, null, null);
  }

  /** Returns the result of a chain broken at a position. */
  public static VerificationResult broken(long checked, long position, String problem) {
    return new VerificationResult(false, checked, position, problem);
  }
}

package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Preconditions;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How the default identity verifier writes its e-mail: how long the token verifies and the link that carries it.
 *
 * <p>Without a link the mail gives the bare token as a code to paste. With one, {@code {token}} in the link is
 * replaced by the token, which is URL-safe.
 *
 * <p>Usage example: <pre>{@code
 * GdprKit.builder().emailVerification(EmailVerificationOptions.defaults()
 *     .withTokenValidity(Duration.ofHours(24)).withLink("https://example.com/privacy/verify?t={token}"))
 * }</pre>
 *
 * @param tokenValidity how long a token verifies after it is sent; at least one minute
 * @param link the link to send, containing {@code {token}}, or {@code null} to send the bare token
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EmailVerificationOptions(Duration tokenValidity, @Nullable String link) {

  /** How long a token verifies unless changed. */
  public static final Duration DEFAULT_TOKEN_VALIDITY = Duration.ofHours(48);

  /** The placeholder in {@link #link()} that the token replaces. */
  public static final String TOKEN_PLACEHOLDER = "{token}";

  /** Validates the fields. */
  public EmailVerificationOptions {
    Preconditions.check(Preconditions.notNull(tokenValidity, "tokenValidity").compareTo(Duration.ofMinutes(1)) >= 0,
        "tokenValidity", "must be at least one minute");
    Bounds.notLonger(tokenValidity, "tokenValidity");
    if (link != null) {
      Preconditions.text(link, "link", 2000);
      Preconditions.check(link.contains(TOKEN_PLACEHOLDER), "link", "must contain " + TOKEN_PLACEHOLDER);
    }
  }

  /** Returns tokens valid for {@link #DEFAULT_TOKEN_VALIDITY}, sent as a bare code. */
  public static EmailVerificationOptions defaults() {
    return new EmailVerificationOptions(DEFAULT_TOKEN_VALIDITY, null);
  }

  /** Returns these options with another token validity. */
  public EmailVerificationOptions withTokenValidity(Duration value) {
    return new EmailVerificationOptions(value, link);
  }

  /** Returns these options with a link; {@code {token}} in it is replaced by the token. */
  public EmailVerificationOptions withLink(String value) {
    return new EmailVerificationOptions(tokenValidity, Preconditions.notNull(value, "link"));
  }
}

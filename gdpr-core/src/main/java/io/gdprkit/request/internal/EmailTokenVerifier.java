package io.gdprkit.request.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.crypto.InvalidTokenException.Reason;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.TokenSigner;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.ProviderRegistry;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.request.EmailVerificationOptions;
import io.gdprkit.request.IdentityVerificationUnavailableException;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.request.spi.IdentityVerifier;
import io.gdprkit.request.spi.MailMessage;
import io.gdprkit.request.spi.Mailer;
import io.gdprkit.subject.PersonalData;
import io.gdprkit.subject.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a requester by mailing a signed, expiring token to the subject's first e-mail address on record, asking
 * the personal-data providers in registration order.
 *
 * <p>The token is a {@link TokenSigner} token of kind {@value #TOKEN_KIND} whose only field is the request id, so it
 * verifies for that request alone. A subject without an address gets the same treatment up to the point of sending:
 * the address is looked up and a token signed, then nothing is sent and no error raised. No token for that request
 * ever exists, so every check fails exactly as a wrong token does. A failing mailer is logged, not thrown, since an
 * exception only for subjects on record would tell them apart.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class EmailTokenVerifier implements IdentityVerifier {

  /** The kind of token, part of every token; a token of another kind never verifies here. */
  public static final String TOKEN_KIND = "dsar1";

  static final String SUBJECT_LINE = "Confirm your data protection request";

  /** The method's name in the request's evidence. */
  public static final String METHOD = "email-token";

  private static final Logger LOG = LoggerFactory.getLogger(EmailTokenVerifier.class);

  private final ProviderRegistry personalData;
  private final TokenSigner tokens;
  private final @Nullable Mailer mailer;
  private final Clock clock;
  private final EmailVerificationOptions options;

  /**
   * Creates the verifier.
   *
   * @param mailer the mailer, or {@code null} when the kit has none: then {@link #begin} fails for every request
   */
  public EmailTokenVerifier(ProviderRegistry personalData, KeyRing keys, @Nullable Mailer mailer, Clock clock,
      EmailVerificationOptions options) {
    this.personalData = Preconditions.notNull(personalData, "personalData");
    this.tokens = TokenSigner.of(keys, TOKEN_KIND);
    this.mailer = mailer;
    this.clock = Preconditions.notNull(clock, "clock");
    this.options = Preconditions.notNull(options, "options");
  }

  @Override
  public void begin(SubjectRequest request) {
    Mailer sender = mailer;
    if (sender == null) {
      throw IdentityVerificationUnavailableException.noMailer();
    }
    Instant expiresAt = clock.instant().plus(options.tokenValidity()).truncatedTo(ChronoUnit.SECONDS);
    // Look up and sign for every request alike, so that the work done does not depend on the subject.
    PersonalData<String> address = emailOf(request.subject());
    String token = tokens.sign(List.of(request.id().toString()), expiresAt);
    if (address == null) {
      LOG.debug("no e-mail address on record for the subject of request {}; no verification mail sent", request.id());
      return;
    }
    try {
      sender.send(new MailMessage(address, SUBJECT_LINE, body(request, token, expiresAt)));
      LOG.debug("verification mail for request {} handed to the mailer", request.id());
    } catch (RuntimeException e) {
      LOG.warn("verification mail for request {} could not be sent: {}", request.id(), e.getClass().getName());
    }
  }

  @Override
  public String method() {
    return METHOD;
  }

  @Override
  public void check(SubjectRequest request, String token) {
    List<String> fields = tokens.verify(token, clock.instant());
    if (fields.size() != 1 || !fields.get(0).equals(request.id().toString())) {
      // Signed by this kit, but for another request: to this request it is as good as forged.
      throw InvalidTokenException.of(Reason.BAD_SIGNATURE);
    }
  }

  private @Nullable PersonalData<String> emailOf(SubjectId subject) {
    for (PersonalDataProvider provider : personalData.providers()) {
      for (ContactPoint point : provider.contactPoints(subject)) {
        if (point.kind() == ContactPoint.Kind.EMAIL) {
          return point.value();
        }
      }
    }
    return null;
  }

  private String body(SubjectRequest request, String token, Instant expiresAt) {
    String link = options.link();
    String action = link == null
        ? "To confirm that it comes from you, enter this code where you made the request, before " + expiresAt + ":"
        : "To confirm that it comes from you, open this link before " + expiresAt + ":";
    String proof = link == null ? token : link.replace(EmailVerificationOptions.TOKEN_PLACEHOLDER, token);
    return "We received a request to " + request.kind().description() + " (" + request.kind().article()
        + " GDPR; reference: " + request.id() + ").\n\n"
        + action + "\n\n"
        + proof + "\n\n"
        + "If you did not make this request, ignore this message and nothing will happen.\n";
  }
}

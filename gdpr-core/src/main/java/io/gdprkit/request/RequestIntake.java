package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Hashing;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.PersonalData;
import io.gdprkit.subject.PersonalDataAccess;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How a subject request came in: the channel, the host's own reference for it, and a SHA-256 of the request's text,
 * or the text itself where the host opts in.
 *
 * <p>It is the evidence that the request was made to the controller, which a complaint about it presupposes
 * (Regulation (EU) 2025/2518). The text a subject wrote is personal data, so by default only its hash is kept: the
 * subject or an authority holding a copy can show it is the same text, and nobody can read it from the hash. A short
 * text can still be guessed and checked against the hash, so treat the hash as pseudonymous data, not as anonymous.
 * Keep the text itself ({@link #withTextKept}) only where the host needs it and its retention covers it.
 *
 * <p>Usage example: <pre>{@code
 * gdpr.requests().receive(alice, RequestKind.ERASURE, Actor.staff("clerk-7"),
 *     RequestIntake.of(RequestChannel.EMAIL).withReference("TICKET-4711").withTextDigest(mailBody));
 * }</pre>
 *
 * @param channel how the request came in
 * @param reference the host's own reference for it, such as a ticket number, or {@code null}; an id, never personal
 *     data such as the sender's address
 * @param textSha256 the lower-case hex SHA-256 of the UTF-8 bytes of the request's text, or {@code null}
 * @param text the text itself, kept only where the host opted in with {@link #withTextKept}, or {@code null}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RequestIntake(RequestChannel channel, @Nullable String reference, @Nullable String textSha256,
    @Nullable PersonalData<String> text) implements StepEvidence {

  /** The longest request text kept, in characters. */
  public static final int MAX_TEXT = 65_536;
  /** The longest reference accepted, in characters. */
  public static final int MAX_REFERENCE = 128;

  /**
   * Validates the fields.
   *
   * @throws io.gdprkit.InvalidInputException if the reference is not an identifier, the hash is not 64 lower-case hex
   *     digits, the text is too long, or a kept text and its hash disagree
   */
  public RequestIntake {
    Preconditions.notNull(channel, "channel");
    if (reference != null) {
      Preconditions.identifier(reference, "request reference", MAX_REFERENCE);
    }
    if (textSha256 != null) {
      Sha256Hex.check(textSha256, "request text hash");
    }
    if (text != null) {
      String raw = text.value(PersonalDataAccess.unredacted());
      Preconditions.check(raw.length() <= MAX_TEXT, "request text", "must be at most " + MAX_TEXT + " characters long");
      Preconditions.check(Hashing.sha256Hex(raw).equals(textSha256), "request text hash",
          "must be the SHA-256 of the kept text");
    }
  }

  /** Returns an intake by {@code channel} with neither reference nor text. */
  public static RequestIntake of(RequestChannel channel) {
    return new RequestIntake(channel, null, null, null);
  }

  /** Returns a copy with the host's own reference for the request, such as a ticket number. */
  public RequestIntake withReference(String value) {
    return new RequestIntake(channel, value, textSha256, text);
  }

  /** Returns a copy with the SHA-256 of the request's text, and no text. */
  public RequestIntake withTextDigest(String requestText) {
    return new RequestIntake(channel, reference, digest(requestText), null);
  }

  /**
   * Returns a copy that keeps the request's text itself, with its SHA-256; the host opts in to keeping personal data,
   * which the evidence then shows.
   */
  public RequestIntake withTextKept(String requestText) {
    return new RequestIntake(channel, reference, digest(requestText), PersonalData.of(requestText));
  }

  private static String digest(String requestText) {
    Preconditions.notNull(requestText, "request text");
    Preconditions.check(requestText.length() <= MAX_TEXT, "request text",
        "must be at most " + MAX_TEXT + " characters long");
    return Hashing.sha256Hex(requestText);
  }
}

package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Hashing;
import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * A notice sent to the subject about their request: which kind, by which channel, and the SHA-256 of its content;
 * the step that records it says when and by whom.
 *
 * <p>The content is never kept, only its hash, so the evidence shows which text was sent without holding it again;
 * whoever has the text (the subject, the host's mail archive) can show that it is the one sent.
 *
 * <p>Usage example: <pre>{@code
 * RejectionNotice n = gdpr.requests().reject(id, reason, dpo);
 * mail(n.text());
 * gdpr.requests().noticeSent(id, RequestNotice.of(RequestNotice.Kind.REJECTION, RequestChannel.EMAIL, n.text()), dpo);
 * }</pre>
 *
 * @param kind what the notice says
 * @param channel how it was sent
 * @param contentSha256 the lower-case hex SHA-256 of the content as sent
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RequestNotice(Kind kind, RequestChannel channel, String contentSha256) implements StepEvidence {

  /**
   * Validates the fields.
   *
   * @throws io.gdprkit.InvalidInputException if the hash is not 64 lower-case hex digits
   */
  public RequestNotice {
    Preconditions.notNull(kind, "notice kind");
    Preconditions.notNull(channel, "channel");
    Sha256Hex.check(contentSha256, "notice content hash");
  }

  /** Returns the notice whose text is {@code content}, keeping only the SHA-256 of its UTF-8 bytes. */
  public static RequestNotice of(Kind kind, RequestChannel channel, String content) {
    Preconditions.notBlank(content, "notice content");
    return new RequestNotice(kind, channel, Hashing.sha256Hex(content));
  }

  /**
   * What a notice to the subject says.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Kind {
    /** That the request was received. */
    ACKNOWLEDGEMENT,
    /** A request for the information needed to confirm the requester's identity (Art. 12(6)). */
    IDENTIFICATION,
    /** That the deadline is extended, with the reasons, within the first month (Art. 12(3)). */
    EXTENSION,
    /** That the controller does not act on the request, why, and the right to complain (Art. 12(4)). */
    REJECTION,
    /** The information on the action taken, or the data itself (Art. 12(3), Art. 15-22). */
    RESPONSE,
    /** Anything else. */
    OTHER
  }
}

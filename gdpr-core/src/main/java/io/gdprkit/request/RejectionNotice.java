package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apiguardian.api.API;

/**
 * The notice a subject receives when their request is refused: the reason, and their right to complain
 * (Art. 12(4) GDPR).
 *
 * <p>{@link #text()} is a plain English message ready to send; hosts that write in other languages compose their own
 * from the other fields. gdpr-kit does not send it: deliver it through the channel the request came in by, without
 * delay and within one month of receipt.
 *
 * <p>Usage example: <pre>{@code RejectionNotice n = gdpr.requests().reject(id, "manifestly unfounded", staff); mail(n.text());}</pre>
 *
 * @param requestId the refused request
 * @param kind the right the subject asked to exercise
 * @param reason why the request was refused
 * @param text the message to the subject
 * @param date the date of the refusal, in the controller's time zone
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RejectionNotice(RequestId requestId, RequestKind kind, String reason, String text, LocalDate date) {

  /** Validates the fields. */
  public RejectionNotice {
    Preconditions.notNull(requestId, "requestId");
    Preconditions.notNull(kind, "kind");
    Preconditions.notBlank(reason, "reason");
    Preconditions.notBlank(text, "text");
    Preconditions.notNull(date, "date");
  }

  /**
   * Writes the notice for a rejected request.
   *
   * @param zone the controller's time zone, in which the dates of receipt and refusal are given
   * @throws io.gdprkit.InvalidInputException if the request is not rejected
   */
  public static RejectionNotice of(SubjectRequest request, ZoneId zone) {
    Preconditions.notNull(request, "request");
    Preconditions.notNull(zone, "zone");
    SubjectRequest.Rejection rejection = request.rejection();
    Preconditions.check(rejection != null, "request", "must be rejected to write a rejection notice");
    LocalDate received = request.receivedAt().atZone(zone).toLocalDate();
    LocalDate date = rejection.at().atZone(zone).toLocalDate();
    String text = "On " + received + " you asked us to " + request.kind().description() + " (" + request.kind().article()
        + " GDPR; our reference: " + request.id() + ").\n\n"
        + "On " + date + " we decided not to act on your request, for this reason:\n\n"
        + rejection.reason() + "\n\n"
        + "If you disagree, you have the right to lodge a complaint with a supervisory authority and to seek a"
        + " judicial remedy (Art. 12(4) GDPR).";
    return new RejectionNotice(request.id(), request.kind(), rejection.reason(), text, date);
  }

  /** Returns a description without the reason and text, which may quote the subject. */
  @Override
  public String toString() {
    return "RejectionNotice[requestId=" + requestId + ", kind=" + kind + ", date=" + date + "]";
  }
}

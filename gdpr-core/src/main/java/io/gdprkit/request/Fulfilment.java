package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.export.ExportKind;
import io.gdprkit.internal.Preconditions;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What completing a subject request did, recorded on its completion: the erasure job it ran, the export it delivered,
 * the host's own action, or nothing but the record.
 *
 * <p>It is the evidence of "the action taken on a request" that Art. 12(3) GDPR requires the controller to give the
 * subject, and that a complaint under Regulation (EU) 2025/2518 will ask about. It holds ids, counts and hashes, no
 * personal data.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().requestFulfiller(RequestKind.RECTIFICATION, RequestFulfiller.reporting(r -> Fulfilment.performed("Corrected in the CRM", crm.fix(r.subject()))))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface Fulfilment extends StepEvidence
    permits Fulfilment.Erased, Fulfilment.Exported, Fulfilment.Performed, Fulfilment.Recorded {

  /** Returns the host's own action with its description and reference; see {@link Performed}. */
  static Performed performed(String description, @Nullable String reference) {
    return new Performed(description, reference);
  }

  /**
   * The subject's data was erased by an erasure job (Art. 17).
   *
   * @param job the erasure job's id, as in its {@link io.gdprkit.erasure.ErasureReport}
   * @param recordsDeleted records deleted whole
   * @param fieldsAnonymised fields anonymised
   * @param fieldsRetained fields kept, each under a legal obligation the report names (Art. 17(3))
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Erased(UUID job, long recordsDeleted, long fieldsAnonymised, long fieldsRetained) implements Fulfilment {

    /** Validates the fields. */
    public Erased {
      Preconditions.notNull(job, "erasure job");
      Preconditions.check(recordsDeleted >= 0 && fieldsAnonymised >= 0 && fieldsRetained >= 0, "erasure counts",
          "must not be negative");
    }
  }

  /**
   * An export of the subject's data was delivered whole (Art. 15 or 20): the SHA-256 and length of the document, so
   * the file the subject received can be shown to be this one.
   *
   * @param kind access or portability
   * @param sha256 the lower-case hex SHA-256 of the document's bytes
   * @param bytes the document's length
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Exported(ExportKind kind, String sha256, long bytes) implements Fulfilment {

      /** Validates the fields. */
    public Exported {
      Preconditions.notNull(kind, "export kind");
      Sha256Hex.check(sha256, "export hash");
      Preconditions.check(bytes >= 0, "export length", "must not be negative");
    }
  }

  /**
   * A {@link RequestFulfiller} ran: the kit's own (a restriction) or the host's.
   *
   * @param description what was done, in the controller's words, without personal data
   * @param reference the host's id for what it did, such as a ticket or a job, or {@code null}
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Performed(String description, @Nullable String reference) implements Fulfilment {

    /** Validates the fields. */
    public Performed {
      Preconditions.text(description, "fulfilment description", 500);
      if (reference != null) {
        Preconditions.identifier(reference, "fulfilment reference", RequestIntake.MAX_REFERENCE);
      }
    }
  }

  /**
   * No fulfiller is registered for the request's kind: staff did what was asked and the completion is only recorded.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Recorded() implements Fulfilment {
  }
}

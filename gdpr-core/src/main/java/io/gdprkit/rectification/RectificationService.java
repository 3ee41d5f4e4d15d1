package io.gdprkit.rectification;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Corrects one field of one record of a subject's data in the provider that holds it (Art. 16).
 *
 * <p>Going through the kit rather than the host's repository directly is what lets recipients be told
 * (Art. 19) and the change be audited. Thread-safe.
 *
 * <p>Usage example: <pre>{@code gdpr.rectification().rectify(alice, "contacts", "c-42", "email", "alice@new.example");}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RectificationService {

  /**
   * Writes the corrected value.
   *
   * @throws RectificationRefusedException if the provider or field is unknown, or the provider cannot rectify
   */
  void rectify(SubjectId subject, String provider, String record, String field, Object value);
}

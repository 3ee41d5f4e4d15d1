package io.gdprkit.source;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * Where personal data came from: which form, import file, API client, third party or staff user.
 *
 * <p>Art. 14 obliges a controller that did not collect data from the subject to tell them the source;
 * recording it at collection is the only way to know later.
 *
 * <p>Usage example: <pre>{@code gdpr.sources().tag(alice, Origin.importFile("trade-fair-2026.csv"));}</pre>
 *
 * @param type the kind of source
 * @param reference the form id, file name, client id, third party's name or staff user id; at most 200 characters
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record Origin(Type type, String reference) {

  /** Validates the fields. */
  public Origin {
    Preconditions.notNull(type, "origin type");
    Preconditions.text(reference, "origin reference", 200);
  }

  /** A web form, by form id. */
  public static Origin form(String formId) {
    return new Origin(Type.FORM, formId);
  }

  /** An import, by file or batch name. */
  public static Origin importFile(String fileName) {
    return new Origin(Type.IMPORT_FILE, fileName);
  }

  /** An API client, by client id. */
  public static Origin apiClient(String clientId) {
    return new Origin(Type.API_CLIENT, clientId);
  }

  /** A named third party that passed the data on (a list broker, a partner). */
  public static Origin thirdParty(String name) {
    return new Origin(Type.THIRD_PARTY, name);
  }

  /** Manual entry, by the staff user who entered it. */
  public static Origin manualEntry(String staffUserId) {
    return new Origin(Type.MANUAL_ENTRY, staffUserId);
  }

  /** The kinds of source. */
  @API(status = STABLE, since = "0.1")
  public enum Type {
    /** A form the subject filled in. */
    FORM,
    /** A file or batch imported by the controller. */
    IMPORT_FILE,
    /** A system calling the host's API. */
    API_CLIENT,
    /** A third party that passed the data on; Art. 14 applies. */
    THIRD_PARTY,
    /** A staff user typing it in. */
    MANUAL_ENTRY
  }
}

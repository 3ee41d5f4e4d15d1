package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What an audit entry records.
 *
 * <p>Usage example: <pre>{@code gdpr.audit().append(AuditRecord.of(AuditKind.EXPORTED, subject, actor))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum AuditKind {
  /** Personal data was read. */
  ACCESSED,
  /** Personal data was created. */
  CREATED,
  /** Personal data was changed, such as by rectification. */
  UPDATED,
  /** Personal data was deleted. */
  DELETED,
  /** Personal data was exported. */
  EXPORTED,
  /** Personal data was disclosed to a recipient. */
  DISCLOSED,
  /** A consent was granted, withdrawn, confirmed or expired. */
  CONSENT_CHANGED,
  /** A data-subject request changed state. */
  REQUEST_CHANGED,
  /** A subject was erased. */
  ERASED,
  /** A register (processing activities, breaches, recipients) changed. */
  REGISTER_CHANGED,
  /** A recipient was told, or failed to be told, of a rectification, erasure or restriction (Art. 19). */
  RECIPIENT_NOTIFIED,
  /** A staff user was refused access to a data category they are not authorised for. */
  ACCESS_REFUSED,
  /** A subject's data key was destroyed (crypto-shredding): whatever was encrypted under it is unreadable. */
  KEY_DESTROYED,
  /** A signed consent receipt was issued for a consent event. */
  RECEIPT_ISSUED,
  /** Processing of a subject was restricted or the restriction lifted (Art. 18). */
  RESTRICTION_CHANGED,
  /** An objection to a purpose was recorded, overridden by compelling grounds or withdrawn (Art. 21). */
  OBJECTION_CHANGED,
  /** A subject's profiling or tracking switch was turned on or off. */
  SWITCH_CHANGED,
  /** A contact point was added to the suppression list, which keeps only its keyed hash. */
  SUPPRESSION_ADDED,
  /**
   * An automated privacy signal, such as Global Privacy Control, was recorded: the subject's first, or one that
   * withdrew consents or recorded objections (Art. 21(5)).
   */
  PRIVACY_SIGNAL,
  /** The right to object was presented to a subject, explicitly and separately (Art. 21(4)). */
  OBJECTION_RIGHT_PRESENTED
}

package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * How a consent event reached the controller; part of its proof.
 *
 * <p>Usage example: <pre>{@code ConsentProof.builder(ConsentChannel.PHONE).recordedBy(Actor.staff("user-17")).build()}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public enum ConsentChannel {
  /** A form on a web page or in an app. */
  WEB_FORM,
  /** An import of consents collected elsewhere. */
  IMPORT,
  /**
   * A call to an API: another system through the host's API, or the host's code calling
   * {@link ConsentService#withdraw(io.gdprkit.subject.SubjectId, String)} without a proof.
   */
  API,
  /** The subject clicked the confirmation link of a double opt-in e-mail. */
  EMAIL_DOUBLE_OPT_IN,
  /** Given in person to a staff user. */
  IN_PERSON,
  /** Given over the phone to a staff user. */
  PHONE,
  /** The subject followed a signed one-click unsubscribe link. */
  UNSUBSCRIBE_LINK,
  /** Recorded by gdpr-kit itself, such as an expiry. */
  SYSTEM,
  /**
   * The subject's user agent sent a Global Privacy Control signal (W3C GPC draft), which the kit's policy maps to a
   * withdrawal; the proof's form id names the mechanism ({@code Sec-GPC} or {@code navigator.globalPrivacyControl}).
   */
  GLOBAL_PRIVACY_CONTROL,
  /**
   * An IAB TCF TC string written by a consent management platform; the proof carries its {@link TcfEvidence}.
   *
   * @since 0.1
   */
  TCF_STRING
}

package io.gdprkit.tcf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Reads IAB TCF v2.2 and v2.3 TC strings and records what they say about the kit's purposes as consents, with the
 * string's SHA-256 as proof.
 *
 * <p>The TC string is the record a registered consent management platform keeps of a user's choices (TCF spec,
 * "What purpose does a TC String serve?"); recording it turns that record into the kit's Art. 7(1) evidence, one
 * {@code GRANTED} or {@code WITHDRAWN} event per mapped purpose, each with a {@link io.gdprkit.consent.ConsentProof}
 * on the {@link io.gdprkit.consent.ConsentChannel#TCF_STRING} channel carrying a
 * {@link io.gdprkit.consent.TcfEvidence}: the hash, the CMP's id, version and screen, and the string's
 * {@code Created} and {@code LastUpdated} times. Only strings valid under the current Policy are recorded: a new
 * policy version invalidates earlier strings (TCF spec, {@code TcfPolicyVersion}). Thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * TcfRecording recorded = gdpr.tcf().record(alice, request.getParameter("gdpr_consent"));
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface TcfService {

  /** Returns the mapping the kit was built with. */
  TcfMapping mapping();

  /**
   * Decodes a TC string and checks it against the current Policy, as {@link TcString#decode(String)}.
   *
   * @throws InvalidTcStringException with the offset, if it is malformed or breaks the Policy
   */
  TcString decode(String tcString);

  /**
   * Returns, for each mapped kit purpose, whether the string gives it (see {@link TcfMapping} for the rule).
   *
   * @return kit purpose id to given or not, sorted by purpose id
   */
  Map<String, Boolean> choices(TcString tcString);

  /**
   * Records what a TC string says for every mapped purpose of {@code subject}, all of it or nothing.
   *
   * <p>A purpose the string gives is granted unless it is already granted, or the subject's latest event for it is
   * a withdrawal that is not older than the string (see {@link TcfRecording.Action#KEPT_WITHDRAWAL}); a purpose it
   * does not give is withdrawn if granted or pending (Art. 7(3)). The writes run in one unit of work: if one
   * fails, none remains.
   *
   * @param tcString the string exactly as received; its SHA-256 is kept, the string is not
   * @throws InvalidTcStringException if the string is malformed or breaks the Policy; nothing is written
   * @throws IllegalStateException if the kit maps no TCF signal to a purpose
   */
  TcfRecording record(SubjectId subject, String tcString);
}

package io.gdprkit.purpose;

import static org.apiguardian.api.API.Status.STABLE;

import java.net.URI;
import org.apiguardian.api.API;

/**
 * A per-subject switch that marketing platforms expose beside consent: whether the subject may be
 * profiled (lead scoring) or tracked (IP and visit monitoring).
 *
 * <p>A purpose that {@linkplain Purpose#requiring requires} a switch is denied for a subject whose
 * switch is off, whatever its legal basis. Switches are off unless configured otherwise (privacy by
 * default, Art. 25(2)).
 *
 * <p>Usage example: <pre>{@code Purpose.of("lead-scoring", LegalBasis.LEGITIMATE_INTERESTS, "Score leads").requiring(ProcessingSwitch.PROFILING)}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public enum ProcessingSwitch {
  /** Automated evaluation of personal aspects, such as lead scoring (DPV {@code dpv:Profiling}). */
  PROFILING("https://w3id.org/dpv#Profiling"),
  /** Monitoring of visits and IP addresses (DPV {@code dpv:SystematicMonitoring}). */
  TRACKING("https://w3id.org/dpv#SystematicMonitoring");

  private final URI dpvIri;

  ProcessingSwitch(String dpvIri) {
    this.dpvIri = URI.create(dpvIri);
  }

  /** Returns the DPV concept of the processing this switch controls. */
  public URI dpvIri() {
    return dpvIri;
  }
}

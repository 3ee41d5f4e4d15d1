package io.gdprkit.event;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.TenantId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Something that happened in the kit, named in the past tense: a consent granted, a subject erased, a restriction
 * placed.
 *
 * <p>Events carry ids, purposes, states and keyed pseudonyms, never personal data: an event log is itself personal
 * data, and must not outlive an erasure with an e-mail address inside (Art. 17). Their {@code toString()} is safe to
 * log.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().onEvent(e -> { if (e instanceof ConsentWithdrawn w) stopMailing(w.subject()); })}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface GdprEvent {

  /** Returns the tenant the event happened in. */
  TenantId tenant();

  /** Returns when the kit recorded it. */
  Instant occurredAt();
}

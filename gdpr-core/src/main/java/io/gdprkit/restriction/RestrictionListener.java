package io.gdprkit.restriction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.RestrictionChange;
import org.apiguardian.api.API;

/**
 * Told when a restriction of processing is placed or lifted, so that others who hold the subject's data can
 * follow; the kit uses it to tell recipients (Art. 19).
 *
 * <p>Called after the change is stored, outside the subject's lock, on the thread that made the change; a listener
 * that throws makes that call throw a {@link io.gdprkit.HostCodeException} (its message not copied), with the
 * change already in force. Restricting a restricted subject again
 * changes nothing and tells no one.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().onRestriction(change -> crm.freeze(change.subject().value(), change.restricted()))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface RestrictionListener {

  /** Reacts to the change. */
  void changed(RestrictionChange change);
}

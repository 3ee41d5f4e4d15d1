package io.gdprkit.restriction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What an objection did: the objection recorded and, for a consent purpose, the withdrawal it caused.
 *
 * <p>Usage example: <pre>{@code ObjectionOutcome o = gdpr.restrictions().object(alice, "newsletter", "no longer interested", Actor.subject());}</pre>
 *
 * @param objection the recorded objection
 * @param withdrawal the consent withdrawal, when the purpose rests on consent and it was granted or pending
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ObjectionOutcome(ObjectionChange objection, @Nullable ConsentEvent withdrawal) {

  /** Validates the objection. */
  public ObjectionOutcome {
    Preconditions.notNull(objection, "objection");
  }
}

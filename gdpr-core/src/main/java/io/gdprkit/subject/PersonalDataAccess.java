package io.gdprkit.subject;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A token that code must present to read the raw value inside {@link PersonalData}.
 *
 * <p>It makes every place that unwraps personal data greppable ({@code PersonalDataAccess.unredacted()}),
 * so a review can find them all.
 *
 * <p>Usage example: <pre>{@code String ip = proof.ip().value(PersonalDataAccess.unredacted());}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class PersonalDataAccess {

  private static final PersonalDataAccess INSTANCE = new PersonalDataAccess();

  private PersonalDataAccess() {}

  /** Returns the token; call sites are where personal data leaves its wrapper. */
  public static PersonalDataAccess unredacted() {
    return INSTANCE;
  }
}

package io.gdprkit.jpa.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the provider is built and an entity's annotations cannot be honoured: a personal-data attribute
 * without an erasure strategy, an entity without a link to its subject, a strategy that does not fit the attribute's
 * type, and the like.
 *
 * <p>An annotation that cannot be honoured is a promise the host's erasure would silently break (Art. 17(1), 25(1)),
 * so the provider refuses to start instead. The message names the entity and the attribute, never a value.
 *
 * <p>Usage example: <pre>{@code
 * try { JpaPersonalDataProvider.builder(tx).build(); }
 * catch (PersonalDataMappingException e) { fail(e.entity() + "." + e.attribute() + ": " + e.problem()); }
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class PersonalDataMappingException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String entity;
  private final @Nullable String attribute;
  private final Problem problem;

  private PersonalDataMappingException(String entity, @Nullable String attribute, Problem problem, String message) {
    super(message);
    this.entity = entity;
    this.attribute = attribute;
    this.problem = problem;
  }

  /**
   * Creates the exception.
   *
   * @param entity the entity's name
   * @param attribute the attribute's name, or {@code null} when the entity as a whole is wrong
   * @param problem what kind of mistake it is
   * @param rule what is wrong and what to do, as a sentence without personal data
   * @return the exception, for the caller to throw
   */
  public static PersonalDataMappingException of(String entity, @Nullable String attribute, Problem problem,
      String rule) {
    String where = "entity " + Messages.quote(entity) + (attribute == null ? "" : ", attribute "
        + Messages.quote(attribute));
    return new PersonalDataMappingException(entity, attribute, problem, where + ": " + rule);
  }

  /** Returns the name of the entity whose mapping is wrong. */
  public String entity() {
    return entity;
  }

  /** Returns the name of the attribute whose mapping is wrong, or {@code null} when the entity as a whole is. */
  public @Nullable String attribute() {
    return attribute;
  }

  /** Returns what kind of mistake it is. */
  public Problem problem() {
    return problem;
  }

  /** The kinds of mapping mistake. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public enum Problem {
    /** A personal-data attribute names neither an erasure strategy nor a retention. */
    NO_STRATEGY,
    /** An entity with personal data has no {@code @DataSubject}, or has two. */
    NO_SUBJECT_LINK,
    /** A {@code @DataSubject} path does not lead through to-one associations to a basic id attribute. */
    BAD_SUBJECT_PATH,
    /** A strategy does not fit the attribute's type or nullability, or its replacement does not parse. */
    STRATEGY_DOES_NOT_FIT,
    /** A retention is not a positive ISO-8601 period of at most 100 years, names no obligation, or has no date. */
    BAD_RETENTION,
    /** A category id is neither one of the kit's constants nor registered on the builder. */
    UNKNOWN_CATEGORY,
    /** An {@code @Encrypted} attribute lacks its converter, its entity's listener, or its blind-index attribute. */
    ENCRYPTION_NOT_WIRED,
    /** A {@code @SubjectRelation} is not a to-one association to an entity linked to a subject. */
    BAD_RELATION,
    /** The mapping uses what the provider does not handle, such as a composite id or an embedded attribute. */
    NOT_SUPPORTED
  }
}
